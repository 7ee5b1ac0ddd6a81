package netcheck_test

import (
	"context"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// Proxy settings, PAC scripts included, as a whole check uses them.

const pacScript = `function FindProxyForURL(url, host) {
	if (isPlainHostName(host) || dnsDomainIs(host, ".intranet.test")) return "DIRECT";
	if (shExpMatch(host, "*.test") && isInNet(dnsResolve(host), "127.0.0.0", "255.0.0.0"))
		return "PROXY DEAD; PROXY GOOD; DIRECT";
	return "DIRECT";
}`

// Direct traffic is refused; the PAC file, served over http or read from a file, names a proxy
// that cannot be reached and then one that works: every address goes through the second.
func TestPACFileChoosesTheProxy(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	proxy := netchecktest.NewProxy(t, false)
	good := strings.TrimPrefix(proxy.URL, "http://")
	dead := netchecktest.Refused(t)
	script := strings.NewReplacer("DEAD", dead, "GOOD", good).Replace(pacScript)
	for _, loc := range []string{netchecktest.ServePAC(t, script), netchecktest.WritePAC(t, script)} {
		src, err := netcheck.ReadPAC(context.Background(), loc, 5*time.Second)
		if err != nil {
			t.Fatalf("%s: %v", loc, err)
		}
		cfg := p.config(5 * time.Second)
		pac, err := netcheck.NewPAC(loc, src, netcheck.PACOptions{Resolver: cfg.Resolver})
		if err != nil {
			t.Fatal(err)
		}
		cfg.Proxy = netcheck.PACSetting(netcheck.ProxyFromPAC, pac)
		cfg.Dialer = netchecktest.OnlyTo{good, dead}
		before := len(proxy.Connects())
		rs := check(t, cfg, at("ok.test", netchecktest.Port(srv)), at("intranet", netchecktest.Port(srv)))
		wantClass(t, rs[0], netcheck.OK)
		if rs[0].Proxy != proxy.URL || len(proxy.Connects()) != before+1 {
			t.Errorf("%s: proxy %q, connects %v", loc, rs[0].Proxy, proxy.Connects())
		}
		// The script sends plain host names direct, where this network refuses them.
		wantClass(t, rs[1], netcheck.Refused)
		rep := netcheck.New(cfg).NewReport(rs, time.Second)
		if rep.Summary.ProxySource != "pac" || rep.Summary.ProxyPAC != loc {
			t.Errorf("summary source %q, pac %q", rep.Summary.ProxySource, rep.Summary.ProxyPAC)
		}
	}
	// Without the PAC file, the same network refuses everything.
	cfg := p.config(5 * time.Second)
	cfg.Dialer = netchecktest.OnlyTo{good}
	wantClass(t, check(t, cfg, at("ok.test", netchecktest.Port(srv)))[0], netcheck.Refused)
}

// The system's PAC URL is fetched and evaluated; direct traffic is refused and the PAC's proxy
// works.
func TestSystemPACURL(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	proxy := netchecktest.NewProxy(t, false)
	good := strings.TrimPrefix(proxy.URL, "http://")
	dead := netchecktest.Refused(t)
	pacURL := netchecktest.ServePAC(t, strings.NewReplacer("DEAD", dead, "GOOD", good).Replace(pacScript))
	cfg := p.config(5 * time.Second)
	s := chooseWith(t, netcheck.ProxyOptions{Resolver: cfg.Resolver,
		System: system(netcheck.SystemProxy{PACURL: pacURL, Servers: map[string]string{"": "unused.example:1"}})})
	if s.Source != netcheck.ProxyFromSystem || s.PAC != pacURL || s.Unusable != nil {
		t.Fatalf("%+v", s)
	}
	cfg.Proxy, cfg.Dialer = s, netchecktest.OnlyTo{good, dead}
	r := check(t, cfg, at("ok.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.OK)
	if r.Proxy != proxy.URL {
		t.Errorf("proxy %q", r.Proxy)
	}
}

// A PAC script sends most addresses through its proxy: the proxy's concurrency applies.
func TestPACUsesTheProxyConcurrency(t *testing.T) {
	pac := newPAC(t, `function FindProxyForURL(u, h) { return "PROXY p:1"; }`, &countingResolver{})
	if n := netcheck.DefaultConcurrency(netcheck.PACSetting(netcheck.ProxyFromPAC, pac)); n != netcheck.DefaultParallelProxy {
		t.Errorf("%d at once", n)
	}
}

func newPAC(t *testing.T, script string, r netcheck.Resolver) *netcheck.PAC {
	t.Helper()
	p, err := netcheck.NewPAC("test.pac", []byte(script), netcheck.PACOptions{Resolver: r, Limit: 2 * time.Second,
		// A Wednesday, 14:30 UTC.
		Now:  func() time.Time { return time.Date(2026, 11, 25, 14, 30, 0, 0, time.UTC) },
		MyIP: func() []net.IP { return []net.IP{net.ParseIP("10.1.2.3"), net.ParseIP("fd00::3")} }})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func chooseWith(t *testing.T, o netcheck.ProxyOptions) netcheck.ProxySetting {
	t.Helper()
	s, err := netcheck.ChooseProxy(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func system(sp netcheck.SystemProxy) func() (netcheck.SystemProxy, error) {
	return func() (netcheck.SystemProxy, error) { return sp, nil }
}

// countingResolver resolves every name to 127.0.0.1, except those under .nx, and counts.
type countingResolver struct{ n atomic.Int32 }

func (r *countingResolver) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	r.n.Add(1)
	if strings.HasSuffix(host, ".nx") {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return []net.IPAddr{{IP: net.IPv4(127, 0, 0, 1)}, {IP: net.ParseIP("::1")}}, nil
}

// Issue 19 item 3: "PROXY a; PROXY b; DIRECT" where a drops packets: browsers fall over to b
// after the connect timeout. Before: a used the address's whole time and the check gave up.
func TestPACFallsOverFromADroppingProxy(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	px := netchecktest.NewProxy(t, false)
	good := strings.TrimPrefix(px.URL, "http://")
	dropping := netchecktest.Dropping(t)
	cfg := p.config(5 * time.Second)
	pac := newPAC(t, `function FindProxyForURL(u, h) { return "PROXY `+dropping+`; PROXY `+good+`; DIRECT"; }`, cfg.Resolver)
	cfg.Proxy = netcheck.PACSetting(netcheck.ProxyFromPAC, pac)
	cfg.Dialer = netchecktest.OnlyTo{good, dropping}
	start := time.Now()
	r := check(t, cfg, at("ok.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.OK)
	if r.Proxy != px.URL {
		t.Errorf("proxy %q, want %q", r.Proxy, px.URL)
	}
	if d := time.Since(start); d > 5*time.Second+time.Second {
		t.Errorf("took %v, past the limit", d)
	}
}
