package proxy_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

// Issue 14, item 1: whatever the value, the password never comes back, and a value that does
// not parse is an error rather than the host "http".
func TestProxyPasswordNeverPrinted(t *testing.T) {
	for _, tc := range []struct{ value, secret, shown string }{
		{"http://jdoe:Summer#2024@proxy.corp.example:3128", "Summer#2024", "http://jdoe:***@proxy.corp.example:3128"},
		{"http://jdoe:a/b@proxy:3128", "a/b", "http://jdoe:***@proxy:3128"},
		{"socks5://user:pw-socks@proxy:1080", "pw-socks", "socks5://user:***@proxy:1080"},
		{"http://u:secret@h:bad", "secret", "http://u:***@h:bad"},
		{"u:p@ss@proxy:3128/path", "p@ss", "u:***@proxy:3128/path"},
		{"http://tokenonly@proxy:3128/x", "tokenonly", "http://***@proxy:3128/x"},
	} {
		for _, env := range []bool{false, true} {
			var err error
			if env {
				_, err = proxy.ProxyFromSettings("", func(k string) string {
					if k == "HTTPS_PROXY" {
						return tc.value
					}
					return ""
				})
			} else {
				_, err = proxy.ProxyFromSettings(tc.value, func(string) string { return "" })
			}
			var pe *proxy.ProxyError
			if !errors.As(err, &pe) || !errors.Is(err, proxy.ErrBadProxy) {
				t.Fatalf("%q (env %v): err %v", tc.value, env, err)
			}
			if strings.Contains(err.Error(), tc.secret) || pe.Value != tc.shown {
				t.Errorf("%q: error %q, value %q", tc.value, err, pe.Value)
			}
			if want := map[bool]string{false: "--proxy", true: "HTTPS_PROXY"}[env]; pe.Origin != want {
				t.Errorf("origin %q", pe.Origin)
			}
		}
	}
	// A trailing space is trimmed, and the header never holds the password.
	s, err := proxy.ProxyFromSettings("", func(k string) string {
		return map[string]string{"https_proxy": "http://jdoe:pw%23x@proxy.corp.example:3128 "}[k]
	})
	if err != nil || s.Configured != "http://proxy.corp.example:3128" || s.Source != proxy.ProxyFromEnvironment {
		t.Errorf("configured %q, source %q, err %v", s.Configured, s.Source, err)
	}
	if pe := (&proxy.ProxyError{}); errors.As(err, &pe) {
		t.Errorf("error %v", err)
	}
}

func FuzzProxyParse(f *testing.F) {
	f.Add("http://", "Summer#2024", "proxy.corp.example:3128")
	f.Add("socks5://", "pw", "h:1")
	f.Add("", "se/cret", "h:bad ")
	f.Add("http://h/", "x", "y")
	f.Fuzz(func(t *testing.T, prefix, secret, suffix string) {
		if len(secret) < 3 || strings.Contains(prefix+"u:***@"+suffix, secret) || strings.Contains(prefix+"***@"+suffix, secret) || strings.Contains("u:"+secret, "://") {
			return // the secret must be recognisable, and not read as a scheme
		}
		value := prefix + "u:" + secret + "@" + suffix
		if red := proxy.RedactValue(value); strings.Contains(red, secret) {
			t.Fatalf("RedactValue(%q) = %q", value, red)
		}
		s, err := proxy.ProxyFromSettings(value, func(string) string { return "" })
		if err != nil {
			// The error is a fixed text followed by the value as redacted.
			pe := &proxy.ProxyError{}
			if !errors.As(err, &pe) || strings.Contains(pe.Value, secret) ||
				err.Error() != "--proxy: not an http or https proxy URL: "+pe.Value {
				t.Fatalf("error %q holds the secret", err)
			}
			return
		}
		if strings.Contains(s.Configured, secret) {
			t.Fatalf("%q shown as %q", value, s.Configured)
		}
		if u, _ := s.For(nil); u != nil && strings.Contains(proxy.Redact(u), secret) {
			t.Fatalf("%q redacted as %q", value, proxy.Redact(u))
		}
	})
}
