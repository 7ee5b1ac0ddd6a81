package proxy_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

const scutilManual = `<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
    1 : 169.254/16
    2 : .corp.example
  }
  ExcludeSimpleHostnames : 1
  FTPPassive : 1
  HTTPEnable : 1
  HTTPPort : 8080
  HTTPProxy : proxy.corp.example
  HTTPSEnable : 1
  HTTPSPort : 3128
  HTTPSProxy : sproxy.corp.example
  ProxyAutoConfigEnable : 0
  ProxyAutoConfigURLString : http://unused.example/proxy.pac
  ProxyAutoDiscoveryEnable : 0
  SOCKSEnable : 0
}
`

func TestParseScutil(t *testing.T) {
	sp, err := proxy.ParseScutil(scutilManual)
	if err != nil {
		t.Fatal(err)
	}
	want := proxy.SystemProxy{Servers: map[string]string{"http": "proxy.corp.example:8080", "https": "sproxy.corp.example:3128"},
		Bypass: []string{"*.local", "169.254/16", ".corp.example", "<local>"}}
	if !reflect.DeepEqual(sp, want) {
		t.Errorf("%+v\nwant %+v", sp, want)
	}
	sp, err = proxy.ParseScutil("<dictionary> {\n  ProxyAutoConfigEnable : 1\n  ProxyAutoConfigURLString : http://wpad.corp.example/proxy.pac\n  ProxyAutoDiscoveryEnable : 1\n  SOCKSEnable : 1\n  SOCKSProxy : s.example\n}\n")
	if err != nil || sp.PACURL != "http://wpad.corp.example/proxy.pac" || !sp.AutoDetect || sp.Servers["socks"] != "s.example:1080" {
		t.Errorf("%+v, %v", sp, err)
	}
	if sp, err := proxy.ParseScutil("<dictionary> {\n}\n"); err != nil || sp.Found() {
		t.Errorf("empty: %+v, %v", sp, err)
	}
	if _, err := proxy.ParseScutil("scutil: command not found"); err == nil {
		t.Error("no dictionary accepted")
	}
}

func FuzzParseScutil(f *testing.F) {
	f.Add(scutilManual)
	f.Add("<dictionary> {\n  HTTPEnable : 1\n  HTTPProxy : [::1\n  HTTPPort : x\n}")
	f.Fuzz(func(t *testing.T, s string) {
		sp, err := proxy.ParseScutil(s)
		if err != nil {
			return
		}
		for scheme, hp := range sp.Servers {
			if scheme != "http" && scheme != "https" && scheme != "socks" || hp == "" {
				t.Fatalf("server %q: %q", scheme, hp)
			}
		}
		// Whatever it read, choosing a proxy from it neither fails nor hangs.
		proxy.ChooseProxy(context.Background(), proxy.ProxyOptions{System: func() (proxy.SystemProxy, error) {
			sp.PACURL, sp.AutoDetect = "", false
			return sp, nil
		}})
	})
}

func TestParseWinProxyList(t *testing.T) {
	for in, want := range map[string]map[string]string{
		"proxy.corp.example:8080":                          {"": "proxy.corp.example:8080"},
		"http=p:80;https=sp:443;socks=s:1080;ftp=f:21":     {"http": "p:80", "https": "sp:443", "socks": "s:1080"},
		" HTTP=http://p:80/ ; https=sp:443 https=other:1 ": {"http": "p:80", "https": "sp:443"},
		"gopher=g:70;;": {},
	} {
		if got := proxy.ParseWinProxyList(in); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v, want %v", in, got, want)
		}
	}
}

func FuzzParseWinProxyList(f *testing.F) {
	f.Add("http=p:80;https=sp:443;socks=s:1080")
	f.Add("a:1 b:2;DIRECT")
	f.Fuzz(func(t *testing.T, s string) {
		for scheme, hp := range proxy.ParseWinProxyList(s) {
			if hp == "" || strings.ContainsAny(hp, "; \t") {
				t.Fatalf("%q: %q = %q", s, scheme, hp)
			}
		}
		if cs, err := proxy.WinProxyChoices(s); err == nil && len(cs) == 0 {
			t.Fatalf("%q: no choice and no error", s)
		}
	})
}

func TestBypassed(t *testing.T) {
	rules := proxy.SplitBypass("<local>; *.corp.example, 10.*  169.254/16 .intra.example fd00::/8 http://exact.example")
	for host, want := range map[string]bool{
		"intranet": true, "a.corp.example": true, "corp.example": false, "10.1.2.3": true, "169.254.9.9": true,
		"x.intra.example": true, "fd00::1": true, "[fd00::1]": true, "exact.example": true, "sub.exact.example": false,
		"localhost": true, "127.0.0.1": true, "::1": true, "login.microsoftonline.com": false, "192.168.0.1": false,
	} {
		if got := proxy.Bypassed(host, rules); got != want {
			t.Errorf("%s: %v, want %v", host, got, want)
		}
	}
}

func system(sp proxy.SystemProxy) func() (proxy.SystemProxy, error) {
	return func() (proxy.SystemProxy, error) { return sp, nil }
}

func chooseWith(t *testing.T, o proxy.ProxyOptions) proxy.ProxySetting {
	t.Helper()
	s, err := proxy.ChooseProxy(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func choice(t *testing.T, s proxy.ProxySetting, rawURL string) string {
	t.Helper()
	u, err := s.For(mustURL(rawURL))
	if err != nil {
		t.Fatalf("%s: %v", rawURL, err)
	}
	if u == nil {
		return "DIRECT"
	}
	return u.String()
}

func TestSystemFixedProxyAndExceptions(t *testing.T) {
	sp, _ := proxy.ParseScutil(scutilManual)
	s := chooseWith(t, proxy.ProxyOptions{System: system(sp)})
	if s.Source != proxy.ProxyFromSystem || s.Configured != "http://sproxy.corp.example:3128" || s.Unusable != nil {
		t.Errorf("%+v", s)
	}
	for u, want := range map[string]string{
		"https://login.microsoftonline.com/": "http://sproxy.corp.example:3128",
		"http://ocsp.digicert.com/":          "http://proxy.corp.example:8080",
		"https://intranet/":                  "DIRECT",
		"https://printer.local/":             "DIRECT",
		"https://wiki.corp.example/":         "DIRECT",
	} {
		if got := choice(t, s, u); got != want {
			t.Errorf("%s: %s, want %s", u, got, want)
		}
	}
	// The variables and the flags win over the system.
	if s := chooseWith(t, proxy.ProxyOptions{System: system(sp), Getenv: env1("HTTPS_PROXY", "http://env.example:1")}); s.Source != proxy.ProxyFromEnvironment {
		t.Errorf("with HTTPS_PROXY: source %q", s.Source)
	}
	if s := chooseWith(t, proxy.ProxyOptions{System: system(sp), Flag: "none"}); s.Source != proxy.ProxyNone || !s.Disabled {
		t.Errorf("with --proxy none: %+v", s)
	}
	pac := netchecktest.WritePAC(t, `function FindProxyForURL(u, h) { return "DIRECT"; }`)
	if s := chooseWith(t, proxy.ProxyOptions{System: system(sp), PAC: pac, Getenv: env1("HTTPS_PROXY", "http://env.example:1")}); s.Source != proxy.ProxyFromPAC || s.PAC != pac {
		t.Errorf("with --pac: %+v", s)
	}
	if s := chooseWith(t, proxy.ProxyOptions{}); s.Source != proxy.ProxyNone || s.Disabled || s.Unusable != nil {
		t.Errorf("nothing: %+v", s)
	}
}

func env1(k, v string) func(string) string {
	return func(name string) string {
		if name == k {
			return v
		}
		return ""
	}
}

// A system setting that cannot be used is said, with the option that would check through it;
// the check goes on with what comes next (the fixed proxy, else direct).
func TestSystemSettingThatCannotBeUsed(t *testing.T) {
	refused := "http://" + netchecktest.Refused(t) + "/proxy.pac"
	loops := netchecktest.ServePAC(t, "// PROXY in a comment does not count\nvar p = 'PROXY gw.corp.example:8080'; while (true) {}")
	for _, tc := range []struct {
		name       string
		sp         proxy.SystemProxy
		source     string
		configured string
		try        string
	}{
		{"PAC URL out of reach", proxy.SystemProxy{PACURL: refused}, proxy.ProxyNone, "", "--pac " + refused},
		{"PAC that loops", proxy.SystemProxy{PACURL: loops}, proxy.ProxyNone, "", "--proxy http://gw.corp.example:8080"},
		{"WPAD without WinHTTP", proxy.SystemProxy{AutoDetect: true, Servers: map[string]string{"": "p.example:8080"}},
			proxy.ProxyFromSystem, "http://p.example:8080", ""},
		{"WinHTTP fails, fixed proxy", proxy.SystemProxy{AutoDetect: true, Servers: map[string]string{"https": "p.example:8080"},
			Resolve: func(context.Context, *url.URL) ([]*url.URL, error) {
				return nil, errors.New("the PAC script could not be downloaded")
			}}, proxy.ProxyFromSystem, "http://p.example:8080", ""},
		{"SOCKS only", proxy.SystemProxy{Servers: map[string]string{"socks": "s.example:1080"}}, proxy.ProxyNone, "", ""},
	} {
		s, err := proxy.ChooseProxy(context.Background(), proxy.ProxyOptions{System: system(tc.sp), Timeout: 2 * time.Second})
		if err != nil || s.Source != tc.source || s.Configured != tc.configured || s.Unusable == nil ||
			s.Unusable.Try != tc.try || s.Unusable.Origin != proxy.ProxyFromSystem || s.Unusable.Reason == "" {
			t.Errorf("%s: %+v %+v, %v", tc.name, s, s.Unusable, err)
		}
	}
	// Automatic detection that finds nothing (a home network) is no proxy, and nothing to say.
	s := chooseWith(t, proxy.ProxyOptions{System: system(proxy.SystemProxy{AutoDetect: true,
		Resolve: func(context.Context, *url.URL) ([]*url.URL, error) {
			return nil, fmt.Errorf("WinHttpGetProxyForUrl: %w", proxy.ErrNoAutoConfig)
		}})})
	if s.Source != proxy.ProxyNone || s.Unusable != nil {
		t.Errorf("nothing detected: %+v", s)
	}
	// WinHTTP answering: its choices are used per address.
	s = chooseWith(t, proxy.ProxyOptions{System: system(proxy.SystemProxy{AutoDetect: true,
		Resolve: func(_ context.Context, u *url.URL) ([]*url.URL, error) {
			return proxy.WinProxyChoices("gw.corp.example:8080;DIRECT")
		}})})
	if s.Source != proxy.ProxyFromSystem || !s.AutoDetect || s.PAC != "WPAD" || choice(t, s, "https://a.example/") != "http://gw.corp.example:8080" {
		t.Errorf("%+v", s)
	}
}
