// Package proxy decides how each address is reached: directly or through which proxies, in
// order, from --proxy, the environment's variables, the system's settings (Windows, macOS) or a
// PAC script; and signs in to a proxy that asks (Basic, Negotiate, NTLM). It opens no
// connection to the addresses checked (package probe does).
package proxy

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/http/httpproxy"
)

// Where the proxy setting came from, as written in the summary's "proxy_source".
const (
	ProxyFromFlag        = "flag"        // --proxy URL, or --proxy none
	ProxyFromPAC         = "pac"         // --pac FILE|URL
	ProxyFromEnvironment = "environment" // HTTPS_PROXY, HTTP_PROXY, NO_PROXY (either case)
	ProxyFromSystem      = "system"      // Windows Internet settings, macOS network settings
	ProxyNone            = "none"        // no proxy anywhere, or --proxy none
)

// ProxySetting picks the proxy for each address checked.
type ProxySetting struct {
	Source string
	// Configured is the proxy named by the setting, without credentials ("" for none or when a
	// PAC script decides per address): what the output says before any address is checked.
	Configured string
	// Disabled is --proxy none: no proxy, because the person asked for none.
	Disabled bool
	// PAC is where the PAC script that decides per address came from (a file or a URL), "" for
	// none; AutoDetect is Windows' automatic detection (WPAD) deciding through WinHTTP.
	PAC        string
	AutoDetect bool
	// Unusable is a proxy setting that was found but cannot be used; the check then goes
	// direct (or through the setting that came next), and says so.
	Unusable *UnusableProxy
	// Var is the environment variable that names the proxy of https:// addresses
	// ("HTTPS_PROXY", "ALL_PROXY"), for the header and the remedies; "" otherwise.
	Var string
	// HTTPOnly is the proxy of the environment that only plain-http addresses use (HTTP_PROXY
	// set without HTTPS_PROXY or ALL_PROXY), without credentials; "" otherwise. Configured is
	// then "": the https:// addresses go direct, as curl and Go send them.
	HTTPOnly string
	fn       func(ctx context.Context, u *url.URL) ([]*url.URL, error)
}

// UnusableProxy describes a proxy setting the check found and could not use.
type UnusableProxy struct {
	Origin  string // ProxyFromSystem, or the variable's name ("HTTPS_PROXY")
	Setting string // the setting found, without password ("PAC http://wpad/wpad.dat")
	Reason  string // why it cannot be used, the raw technical message
	// Try is the option that would check through it ("--pac http://…", "--proxy http://…"),
	// "" when no option would.
	Try string
}

// For returns the proxy to use for u, nil for a direct connection: the first choice.
func (p ProxySetting) For(u *url.URL) (*url.URL, error) {
	all, err := p.Choices(context.Background(), u)
	if _, ok := AsDirectFallback(err); ok {
		return nil, nil
	}
	if err != nil || len(all) == 0 {
		return nil, err
	}
	return all[0], nil
}

// Choices are the proxies to try for u, in order, nil meaning a direct connection: a PAC
// script may say "PROXY a:3128; PROXY b:3128; DIRECT", and browsers fall back in that order
// when a proxy cannot be reached.
func (p ProxySetting) Choices(ctx context.Context, u *url.URL) ([]*url.URL, error) {
	if p.fn == nil {
		return []*url.URL{nil}, nil
	}
	all, err := p.fn(ctx, u)
	if err == nil && len(all) == 0 {
		all = []*url.URL{nil}
	}
	return all, err
}

func single(u *url.URL) func(context.Context, *url.URL) ([]*url.URL, error) {
	return func(context.Context, *url.URL) ([]*url.URL, error) { return []*url.URL{u}, nil }
}

// ProxyFromSettings reads --proxy (flag: "", "none" or a URL) and, when it is empty, the
// environment through getenv, the way Go's HTTP client and curl read it: lower-case names win,
// NO_PROXY exempts hosts, and loopback addresses never go through a proxy. A value that is
// not a proxy URL is a *ProxyError, which never holds the password.
func ProxyFromSettings(flag string, getenv func(string) string) (ProxySetting, error) {
	if s, ok, err := fromFlag(flag); ok || err != nil {
		return s, err
	}
	s, ok, err := fromEnvironment(getenv)
	if ok || err != nil {
		return s, err
	}
	return ProxySetting{Source: ProxyNone}, nil
}

func fromFlag(flag string) (ProxySetting, bool, error) {
	switch f := strings.TrimSpace(flag); {
	case f == "":
		return ProxySetting{}, false, nil
	case strings.EqualFold(f, "none"): // NONE, None: a host named so is not what was meant
		return ProxySetting{Source: ProxyNone, Disabled: true}, true, nil
	}
	u, err := ParseProxyURL("--proxy", flag)
	if err != nil {
		return ProxySetting{}, false, err
	}
	// An explicit --proxy applies to every address: it is what the person asked to test.
	return ProxySetting{Source: ProxyFromFlag, Configured: Redact(u), fn: single(u)}, true, nil
}

// fromEnvironment reads the proxy variables as curl does: https:// addresses use HTTPS_PROXY,
// plain-http ones HTTP_PROXY, and both ALL_PROXY when their own is not set (Go's httpproxy
// ignores ALL_PROXY; curl does not); lower-case names win; NO_PROXY exempts hosts. ok is false
// when none names a proxy. Each value is parsed here rather than by httpproxy, which reads
// "http://u:p#w@host" as the host "http" and would print the password back as part of a host
// name.
func fromEnvironment(getenv func(string) string) (ProxySetting, bool, error) {
	var cfg httpproxy.Config
	parsed := map[string]*url.URL{}
	names := map[string]string{}
	for _, v := range []struct {
		key   string
		names []string
	}{{"https", []string{"https_proxy", "HTTPS_PROXY"}}, {"http", []string{"http_proxy", "HTTP_PROXY"}},
		{"all", []string{"all_proxy", "ALL_PROXY"}}} {
		name, raw := envAny(getenv, v.names...)
		if strings.TrimSpace(raw) == "" {
			continue
		}
		u, err := ParseProxyURL(name, raw)
		if err != nil {
			return ProxySetting{}, false, err
		}
		parsed[v.key], names[v.key] = u, name
	}
	for _, scheme := range []string{"https", "http"} {
		if parsed[scheme] == nil && parsed["all"] != nil {
			parsed[scheme], names[scheme] = parsed["all"], names["all"]
		}
	}
	if parsed["https"] == nil && parsed["http"] == nil {
		return ProxySetting{}, false, nil
	}
	s := ProxySetting{Source: ProxyFromEnvironment}
	if u := parsed["https"]; u != nil {
		cfg.HTTPSProxy, s.Configured, s.Var = u.String(), Redact(u), names["https"]
	}
	if u := parsed["http"]; u != nil {
		cfg.HTTPProxy = u.String()
		if s.Configured == "" {
			s.HTTPOnly, s.Var = Redact(u), names["http"]
		}
	}
	_, cfg.NoProxy = envAny(getenv, "no_proxy", "NO_PROXY")
	pf := cfg.ProxyFunc()
	s.fn = func(_ context.Context, u *url.URL) ([]*url.URL, error) {
		// A name written with the root's dot ("login.example.com.") is the same host for
		// NO_PROXY, as curl strips the dot before matching.
		if h := u.Hostname(); strings.HasSuffix(h, ".") {
			c := *u
			c.Host = strings.TrimSuffix(h, ".")
			if p := u.Port(); p != "" {
				c.Host = net.JoinHostPort(c.Host, p)
			}
			u = &c
		}
		p, err := pf(u)
		return []*url.URL{p}, err
	}
	return s, true, nil
}

// Origin says where the proxy an address used came from, for the remedy: "flag", "pac",
// "system", "system_pac", or the environment variable's name.
func (p ProxySetting) Origin() string {
	switch {
	case p.Source == ProxyFromEnvironment:
		return p.Var
	case p.Source == ProxyFromSystem && (p.PAC != "" || p.AutoDetect):
		return "system_pac"
	}
	return p.Source
}

func envAny(getenv func(string) string, names ...string) (string, string) {
	for _, n := range names {
		if v := getenv(n); v != "" {
			return n, v
		}
	}
	return "", ""
}

// DirectBecause is the setting for a proxy variable that cannot be used, where the check must
// still run (the wizard's): direct connections, and the reason said in the header.
func DirectBecause(err error) ProxySetting {
	var pe *ProxyError
	if !errors.As(err, &pe) {
		return ProxySetting{Source: ProxyNone, Unusable: &UnusableProxy{Origin: ProxyFromEnvironment, Reason: err.Error()}}
	}
	return ProxySetting{Source: ProxyNone, Unusable: &UnusableProxy{Origin: pe.Origin, Setting: pe.Value,
		Reason: ErrBadProxy.Error()}}
}
