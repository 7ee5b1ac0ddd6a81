package proxy_test

import (
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

func fromEnv(t *testing.T, env map[string]string) proxy.ProxySetting {
	t.Helper()
	s, err := proxy.ProxyFromSettings("", func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Issue 19 item 8: the environment's proxies as curl reads them.
func TestEnvironmentProxyAsCurlReadsIt(t *testing.T) {
	t.Run("HTTP_PROXY alone is for http:// addresses only", func(t *testing.T) {
		// Before: the header named this proxy, which no https check used.
		s := fromEnv(t, map[string]string{"HTTP_PROXY": "http://web.corp:8080"})
		if s.Configured != "" || s.HTTPOnly != "http://web.corp:8080" || s.Var != "HTTP_PROXY" {
			t.Errorf("configured %q, http only %q, var %q", s.Configured, s.HTTPOnly, s.Var)
		}
		if got := choice(t, s, "https://login.microsoftonline.com/"); got != "DIRECT" {
			t.Errorf("https through %q", got)
		}
		if got := choice(t, s, "http://crl3.digicert.com/"); got != "http://web.corp:8080" {
			t.Errorf("http through %q", got)
		}
	})
	t.Run("ALL_PROXY when the scheme's own is not set", func(t *testing.T) {
		// Before: ignored, every address direct.
		s := fromEnv(t, map[string]string{"ALL_PROXY": "http://all.corp:3128", "http_proxy": "http://web.corp:8080"})
		if s.Configured != "http://all.corp:3128" || s.Var != "ALL_PROXY" || s.Origin() != "ALL_PROXY" {
			t.Errorf("configured %q, var %q, origin %q", s.Configured, s.Var, s.Origin())
		}
		if got := choice(t, s, "https://login.microsoftonline.com/"); got != "http://all.corp:3128" {
			t.Errorf("https through %q", got)
		}
		if got := choice(t, s, "http://crl3.digicert.com/"); got != "http://web.corp:8080" {
			t.Errorf("http through %q", got)
		}
	})
	t.Run("NO_PROXY with a wildcard, and a name with the root's dot", func(t *testing.T) {
		s := fromEnv(t, map[string]string{"HTTPS_PROXY": "http://p.corp:3128", "NO_PROXY": "*.example.com"})
		for _, u := range []string{"https://login.example.com/", "https://login.example.com./", "https://LOGIN.Example.com/"} {
			if got := choice(t, s, u); got != "DIRECT" {
				t.Errorf("%s through %q, want direct", u, got)
			}
		}
		if got := choice(t, s, "https://login.microsoftonline.com/"); got != "http://p.corp:3128" {
			t.Errorf("through %q", got)
		}
	})
	t.Run("where the proxy came from", func(t *testing.T) {
		for _, c := range []struct {
			s    proxy.ProxySetting
			want string
		}{
			{fromEnv(t, map[string]string{"https_proxy": "http://p:1"}), "https_proxy"},
			{proxy.ProxySetting{Source: proxy.ProxyFromSystem}, "system"},
			{proxy.ProxySetting{Source: proxy.ProxyFromSystem, PAC: "http://wpad/wpad.dat"}, "system_pac"},
			{proxy.ProxySetting{Source: proxy.ProxyFromPAC, PAC: "corp.pac"}, "pac"},
			{proxy.ProxySetting{Source: proxy.ProxyFromFlag}, "flag"},
		} {
			if got := c.s.Origin(); got != c.want {
				t.Errorf("%+v: origin %q, want %q", c.s, got, c.want)
			}
		}
	})
}
