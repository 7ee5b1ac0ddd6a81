package proxy

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
)

// ErrBadProxy is returned (wrapped in a *ProxyError) for a proxy value that is neither "none"
// nor an http(s) proxy URL.
var ErrBadProxy = errors.New("not an http or https proxy URL")

// ProxyError is a proxy value that cannot be used. It never holds the password: Value is what
// was given with any password replaced, so it can be printed as it is.
type ProxyError struct {
	Origin string // "--proxy", or the variable's name ("HTTPS_PROXY", "https_proxy", …)
	Value  string // the value given, password replaced by RedactValue
	// Scheme is the scheme given when it is a known one the check cannot use (socks5, socks4…),
	// "" otherwise.
	Scheme string
}

func (e *ProxyError) Error() string {
	return e.Origin + ": " + ErrBadProxy.Error() + ": " + e.Value
}

func (e *ProxyError) Is(target error) bool { return target == ErrBadProxy }

// ParseProxyURL accepts "http://[user:password@]host[:port][/]", the same with https, and a
// bare "host:port" (http). Anything else, a path or query included, is an error that does not
// hold the password.
func ParseProxyURL(origin, s string) (*url.URL, error) {
	bad := func(scheme string) (*url.URL, error) {
		return nil, &ProxyError{Origin: origin, Value: RedactValue(s), Scheme: scheme}
	}
	t := escapeDomainUser(strings.TrimSpace(s))
	if !strings.Contains(t, "://") {
		t = "http://" + t
	}
	u, err := url.Parse(t)
	if err != nil {
		return bad("")
	}
	switch u.Scheme {
	case "http", "https":
	case "socks", "socks4", "socks4a", "socks5", "socks5h":
		return bad(u.Scheme)
	default:
		return bad("")
	}
	if u.Opaque != "" || u.Hostname() == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" ||
		u.ForceQuery || u.Fragment != "" || !hostChars(u.Host) {
		return bad("")
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return bad("")
		}
	}
	u.Path = ""
	return u, nil
}

// hostChars accepts the characters of a host name, an IP address (IPv6 in brackets, with a
// zone) and a port.
func hostChars(h string) bool {
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(".-_:[]%", c) >= 0) {
			return false
		}
	}
	return true
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
