package proxy_test

import (
	"context"
	"errors"
	"net"
	"net/url"
	"os/exec"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// countingResolver resolves every name to 127.0.0.1, except those under .nx, and counts.
type countingResolver struct{ n atomic.Int32 }

func (r *countingResolver) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	r.n.Add(1)
	if strings.HasSuffix(host, ".nx") {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return []net.IPAddr{{IP: net.IPv4(127, 0, 0, 1)}, {IP: net.ParseIP("::1")}}, nil
}

func newPAC(t *testing.T, script string, r proxy.Resolver) *proxy.PAC {
	t.Helper()
	p, err := proxy.NewPAC("test.pac", []byte(script), proxy.PACOptions{Resolver: r, Limit: 2 * time.Second,
		// A Wednesday, 14:30 UTC.
		Now:  func() time.Time { return time.Date(2026, 11, 25, 14, 30, 0, 0, time.UTC) },
		MyIP: func() []net.IP { return []net.IP{net.ParseIP("10.1.2.3"), net.ParseIP("fd00::3")} }})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestPACHelpers(t *testing.T) {
	script := `function FindProxyForURL(url, host) {
		var r = [
			isPlainHostName("intranet"), !isPlainHostName("a.b"),
			dnsDomainIs("www.corp.example", ".corp.example"), !dnsDomainIs("www.other.example", ".corp.example"),
			localHostOrDomainIs("www", "www.corp.example"), localHostOrDomainIs("www.corp.example", "www.corp.example"),
			!localHostOrDomainIs("www.other.example", "www.corp.example"),
			dnsDomainLevels("a.b.c") == 2, dnsDomainLevels("a") == 0,
			shExpMatch("login.microsoftonline.com", "*.microsoftonline.com"), shExpMatch("http://a/b/c", "http://*/b/*"),
			shExpMatch("abc", "a?c"), !shExpMatch("abc", "a?d"), !shExpMatch("x.example", "*.corp.*"),
			isResolvable("ok.test"), !isResolvable("gone.nx"), isResolvableEx("ok.test"),
			dnsResolve("ok.test") == "127.0.0.1", dnsResolve("gone.nx") === null,
			dnsResolveEx("ok.test") == "127.0.0.1;::1",
			isInNet("ok.test", "127.0.0.0", "255.0.0.0"), isInNet("10.9.8.7", "10.0.0.0", "255.0.0.0"),
			!isInNet("192.168.1.1", "10.0.0.0", "255.0.0.0"), !isInNet("gone.nx", "0.0.0.0", "0.0.0.0"),
			isInNetEx("fd00::3", "fd00::/8"), !isInNetEx("10.1.2.3", "fd00::/8"),
			myIpAddress() == "10.1.2.3", myIpAddressEx() == "10.1.2.3;fd00::3",
			sortIpAddressList("10.0.0.2;fd00::1;10.0.0.1") == "fd00::1;10.0.0.1;10.0.0.2",
			weekdayRange("MON", "FRI", "GMT"), !weekdayRange("SAT", "GMT"), weekdayRange("SAT", "WED", "GMT"),
			timeRange(14, "GMT"), timeRange(9, 17, "GMT"), !timeRange(15, 17, "GMT"),
			timeRange(14, 0, 14, 30, "GMT"), !timeRange(14, 31, 15, 0, "GMT"),
			dateRange(25, "GMT"), dateRange("NOV", "GMT"), dateRange(2026, "GMT"), !dateRange(24, "GMT"),
			dateRange(20, 30, "GMT"), dateRange("OCT", "DEC", "GMT"), dateRange("DEC", "FEB", "GMT") == false,
			dateRange("OCT", "FEB", "GMT"), dateRange(1, "NOV", 30, "NOV", "GMT"), !dateRange(1, "DEC", 31, "DEC", "GMT"),
			dateRange(15, "DEC", 1, "DEC", "GMT"), dateRange("NOV", 2026, "JAN", 2027, "GMT"),
			dateRange(1, "JAN", 2026, 31, "DEC", 2026, "GMT"), !dateRange(1, "JAN", 2027, 31, "DEC", 2027, "GMT"),
			!dateRange(2025, 2024, "GMT"), !dateRange("NOV", 25, "GMT"), !dateRange("x"),
			url == "https://ok.test:8443/", host == "ok.test"
		];
		for (var i = 0; i < r.length; i++) { if (!r[i]) return "PROXY failed-check-" + i + ":1"; }
		alert("done");
		return "PROXY proxy.corp.example:3128; HTTPS secure.corp.example; SOCKS s:1080; DIRECT";
	}`
	p := newPAC(t, script, &countingResolver{})
	got, err := p.Find(context.Background(), mustURL("https://ok.test:8443/path?q=secret"))
	if err != nil || got != "PROXY proxy.corp.example:3128; HTTPS secure.corp.example; SOCKS s:1080; DIRECT" {
		t.Fatalf("%q, %v", got, err)
	}
	choices, err := p.Choices(context.Background(), mustURL("https://ok.test:8443/"))
	var shown []string
	for _, c := range choices {
		if c == nil {
			shown = append(shown, "DIRECT")
		} else {
			shown = append(shown, c.String())
		}
	}
	if err != nil || !reflect.DeepEqual(shown, []string{"http://proxy.corp.example:3128", "https://secure.corp.example:443", "DIRECT"}) {
		t.Errorf("choices %v, %v", shown, err)
	}
}

// A script that loops is stopped at its limit, at the top level and in FindProxyForURL.
func TestPACTimeLimit(t *testing.T) {
	opts := proxy.PACOptions{Limit: 200 * time.Millisecond}
	if _, err := proxy.NewPAC("loop.pac", []byte("while (true) {}"), opts); err == nil || !strings.Contains(err.Error(), "time limit") {
		t.Errorf("top-level loop: %v", err)
	}
	p, err := proxy.NewPAC("loop.pac", []byte(`function FindProxyForURL(u, h) { for (;;) {} }`), opts)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := p.Choices(context.Background(), mustURL("https://a.test/"))
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "time limit") {
			t.Errorf("FindProxyForURL loop: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the loop was never interrupted")
	}
	// The runtime is usable after an interruption.
	p2, _ := proxy.NewPAC("ok.pac", []byte(`var n = 0; function FindProxyForURL(u, h) { if (h == "loop.test") for (;;) {} return "DIRECT"; }`), opts)
	p2.Choices(context.Background(), mustURL("https://loop.test/"))
	if c, err := p2.Choices(context.Background(), mustURL("https://ok.test/")); err != nil || len(c) != 1 || c[0] != nil {
		t.Errorf("after an interruption: %v, %v", c, err)
	}
	for _, bad := range []string{"function (", "var x = 1;", `function FindProxyForURL(u, h) { return ""; }`,
		`function FindProxyForURL(u, h) { return "SOCKS5 s:1080"; }`, `function FindProxyForURL(u, h) { throw new Error("boom\nsecond line"); }`} {
		p, err := proxy.NewPAC("bad.pac", []byte(bad), opts)
		if err == nil {
			_, err = p.Choices(context.Background(), mustURL("https://a.test/"))
		}
		if err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestPACCachesLookupsAndAnswers(t *testing.T) {
	r := &countingResolver{}
	p := newPAC(t, `function FindProxyForURL(url, host) {
		if (isInNet(host, "127.0.0.0", "255.0.0.0") && dnsResolve(host) && isResolvable(host)) return "PROXY p:1";
		return "DIRECT";
	}`, r)
	for _, u := range []string{"https://a.test/", "https://a.test/", "https://a.test:443/x", "https://b.test/"} {
		if _, err := p.Choices(context.Background(), mustURL(u)); err != nil {
			t.Fatal(err)
		}
	}
	if n := r.n.Load(); n != 2 {
		t.Errorf("%d lookups for 2 names", n)
	}
}

func TestReadPACRefusals(t *testing.T) {
	big := strings.Repeat("//", proxy.MaxPACSize)
	for _, loc := range []string{t.TempDir(), netchecktest.WritePAC(t, big), netchecktest.WritePAC(t, " \n"),
		netchecktest.ServePAC(t, "x") + ".missing"} {
		if _, err := proxy.ReadPAC(context.Background(), loc, 5*time.Second); err == nil {
			t.Errorf("%s read", loc)
		}
	}
}

func TestParsePACResult(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"PROXY a:1; DIRECT", "PROXY a:1|DIRECT"},
		{"  proxy  a.b:3128 ;;https h ; socks5 s:1080 ", "PROXY a.b:3128|HTTPS h:443|SOCKS5 s:1080"},
		{"HTTP p; PROXY [::1]:8080; PROXY ::1; PROXY bad:port; DIRECT x; WHAT a:1", "PROXY p:80|PROXY [::1]:8080|PROXY [::1]:80"},
	} {
		es, err := proxy.ParsePACResult(tc.in)
		var got []string
		for _, e := range es {
			got = append(got, e.String())
		}
		if err != nil || strings.Join(got, "|") != tc.want {
			t.Errorf("%q: %q, %v", tc.in, got, err)
		}
	}
	for _, bad := range []string{"", ";", "PROXY", "PROXY a:0", "PROXY a:b:c", "DIRECTLY"} {
		if _, err := proxy.ParsePACResult(bad); !errors.Is(err, proxy.ErrPACResult) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func FuzzPACResult(f *testing.F) {
	f.Add("PROXY a:1; DIRECT")
	f.Add("HTTPS [fe80::1]:443; SOCKS5 s; proxy x")
	f.Fuzz(func(t *testing.T, s string) {
		es, err := proxy.ParsePACResult(s)
		if (err == nil) != (len(es) > 0) {
			t.Fatalf("%q: %v with %d entries", s, err, len(es))
		}
		for _, e := range es {
			if e.Kind == "DIRECT" {
				continue
			}
			h, port, err := net.SplitHostPort(e.Host)
			if err != nil || h == "" || port == "" || port == "0" {
				t.Fatalf("%q: entry %q", s, e)
			}
			// Every entry reads back as itself.
			again, err := proxy.ParsePACResult(e.String())
			if err != nil || len(again) != 1 || again[0] != e {
				t.Fatalf("%q: %q reads back as %v, %v", s, e, again, err)
			}
		}
	})
}

// How long a PAC answer takes: the first for each address runs the script (this one does a
// lookup, cached after the first address), the next ones come from the cache.
func BenchmarkPAC(b *testing.B) {
	src := []byte(`function FindProxyForURL(url, host) {
		if (isPlainHostName(host) || shExpMatch(host, "*.corp.example") || isInNet(dnsResolve(host), "10.0.0.0", "255.0.0.0"))
			return "DIRECT";
		return "PROXY proxy.corp.example:3128; DIRECT";
	}`)
	b.Run("compile", func(b *testing.B) {
		for b.Loop() {
			if _, err := proxy.NewPAC("b.pac", src, proxy.PACOptions{Resolver: &countingResolver{}}); err != nil {
				b.Fatal(err)
			}
		}
	})
	p, _ := proxy.NewPAC("b.pac", src, proxy.PACOptions{Resolver: &countingResolver{}})
	u := mustURL("https://login.microsoftonline.com/")
	b.Run("find", func(b *testing.B) {
		for b.Loop() {
			if _, err := p.Find(context.Background(), u); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// barrierResolver answers only once n lookups are under way at the same time: lookups made one
// after the other never get an answer.
type barrierResolver struct {
	n       int
	mu      sync.Mutex
	waiting int
	open    chan struct{}
}

func (b *barrierResolver) LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error) {
	b.mu.Lock()
	b.waiting++
	if b.waiting == b.n {
		close(b.open)
	}
	b.mu.Unlock()
	select {
	case <-b.open:
		return []net.IPAddr{{IP: net.IPv4(10, 1, 1, 1)}}, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Scripts that resolve names do not make addresses wait for each other's lookups.
func TestPACLookupsOverlap(t *testing.T) {
	r := &barrierResolver{n: 3, open: make(chan struct{})}
	p, err := proxy.NewPAC("b.pac", []byte(`function FindProxyForURL(u, h) {
		return isInNet(dnsResolve(h), "10.0.0.0", "255.0.0.0") ? "PROXY inside:1" : "DIRECT";
	}`), proxy.PACOptions{Resolver: r, Limit: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([]string, 3)
	for i, h := range []string{"a.test", "b.test", "c.test"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := p.Choices(context.Background(), mustURL("https://"+h+"/"))
			if err == nil && len(c) == 1 && c[0] != nil {
				got[i] = c[0].Host
			}
		}()
	}
	wg.Wait()
	if strings.Join(got, ",") != "inside:1,inside:1,inside:1" {
		t.Errorf("choices %q", got)
	}
}

// A FIFO given as --pac is refused at once, not waited on.
func TestReadPACRefusesAFIFO(t *testing.T) {
	testtool.Need(t, "mkfifo")
	fifo := t.TempDir() + "/proxy.pac"
	if out, err := exec.Command("mkfifo", fifo).CombinedOutput(); err != nil {
		t.Fatalf("mkfifo: %v %s", err, out)
	}
	done := make(chan error, 1)
	go func() {
		_, err := proxy.ReadPAC(context.Background(), fifo, time.Second)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, endpoints.ErrNotRegular) {
			t.Errorf("%v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ReadPAC waits on a FIFO")
	}
}
