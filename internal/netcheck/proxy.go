package netcheck

import (
	"errors"
	"net/url"
	"strings"

	"golang.org/x/net/http/httpproxy"
)

// Where the proxy setting came from, as written in the summary's "proxy_source".
const (
	ProxyFromEnvironment = "environment" // HTTPS_PROXY, HTTP_PROXY, NO_PROXY (either case)
	ProxyFromFlag        = "flag"        // --proxy URL
	ProxyNone            = "none"        // --proxy none
)

// ProxySetting picks the proxy for each address checked.
type ProxySetting struct {
	Source string
	// Configured is the proxy named by the setting, without credentials ("" for none): what the
	// output says before any address is checked.
	Configured string
	fn         func(*url.URL) (*url.URL, error)
}

// For returns the proxy to use for u, nil for a direct connection.
func (p ProxySetting) For(u *url.URL) (*url.URL, error) {
	if p.fn == nil {
		return nil, nil
	}
	return p.fn(u)
}

// ErrBadProxy is returned for a --proxy value that is neither "none" nor an http(s) proxy URL.
var ErrBadProxy = errors.New("not an http or https proxy URL")

// ProxyFromSettings reads --proxy (flag: "", "none" or a URL) and, when it is empty, the
// environment through getenv, the way Go's HTTP client and curl read it: lower-case names win,
// NO_PROXY exempts hosts, and loopback addresses never go through a proxy.
func ProxyFromSettings(flag string, getenv func(string) string) (ProxySetting, error) {
	switch f := strings.TrimSpace(flag); {
	case f == "":
	case strings.EqualFold(f, "none"): // NONE, None: a host named so is not what was meant
		return ProxySetting{Source: ProxyNone}, nil
	default:
		u, err := parseProxyURL(flag)
		if err != nil {
			return ProxySetting{}, err
		}
		// An explicit --proxy applies to every address: it is what the person asked to test.
		return ProxySetting{Source: ProxyFromFlag, Configured: Redact(u),
			fn: func(*url.URL) (*url.URL, error) { return u, nil }}, nil
	}
	cfg := &httpproxy.Config{
		HTTPProxy:  envAny(getenv, "http_proxy", "HTTP_PROXY"),
		HTTPSProxy: envAny(getenv, "https_proxy", "HTTPS_PROXY"),
		NoProxy:    envAny(getenv, "no_proxy", "NO_PROXY"),
	}
	configured := cfg.HTTPSProxy
	if configured == "" {
		configured = cfg.HTTPProxy
	}
	if configured != "" {
		if u, err := parseProxyURL(configured); err == nil {
			configured = Redact(u)
		}
	}
	return ProxySetting{Source: ProxyFromEnvironment, Configured: configured, fn: cfg.ProxyFunc()}, nil
}

func envAny(getenv func(string) string, names ...string) string {
	for _, n := range names {
		if v := getenv(n); v != "" {
			return v
		}
	}
	return ""
}

// parseProxyURL accepts "http://host:port", "https://host:port" and a bare "host:port" (http).
func parseProxyURL(s string) (*url.URL, error) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return nil, ErrBadProxy
	}
	return u, nil
}

// Redact is the proxy URL without its credentials, for output.
func Redact(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.User = nil
	return c.String()
}
