package endpoints

import (
	"errors"
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/idna"

	"github.com/auvenir/auvenir-onboard/internal/idn"
)

// International host names (bücher.example) are looked up, dialled, named in TLS and matched
// against certificates in their ASCII form (xn--bcher-kva.example), as browsers do; people read
// them in Unicode. Endpoint.URL keeps the Unicode form, Endpoint.Host and Allow the ASCII one
// (the name a firewall rule or a DNS filter needs).

// ErrBadIDN is returned for a host name that is not a valid international name.
var ErrBadIDN = errors.New("not a valid international domain name")

// asciiHost is host in ASCII, lower case; an IP address or an ASCII name is only lowered.
func asciiHost(host string) (string, error) {
	if net.ParseIP(host) != nil || isASCII(host) {
		return lower(host), nil
	}
	a, err := idna.Lookup.ToASCII(host)
	if err != nil || a == "" {
		return "", ErrBadIDN
	}
	return lower(a), nil
}

// asciiRule is an allow rule ("*.bücher.example") in ASCII.
func asciiRule(rule string) string {
	rule = strings.ToLower(strings.TrimSpace(rule))
	star, rest := "", rule
	if r, ok := strings.CutPrefix(rule, "*."); ok {
		star, rest = "*.", r
	}
	a, err := asciiHost(rest)
	if err != nil {
		return rule // validRule refuses it
	}
	return star + a
}

// withASCIIHost is a copy of u whose host is in ASCII.
func withASCIIHost(u *url.URL) (*url.URL, error) {
	h := u.Hostname()
	if isASCII(h) {
		return u, nil
	}
	a, err := asciiHost(h)
	if err != nil {
		return nil, err
	}
	c := *u
	c.Host = a
	if p := u.Port(); p != "" {
		c.Host = net.JoinHostPort(a, p)
	}
	return &c, nil
}

// DisplayURL is u as a person reads it: an international host in Unicode rather than
// percent-encoded or in its xn-- form. A name whose Unicode form is not valid for display, or
// that Chromium's IDN policy keeps in xn-- form (mixed scripts, Cyrillic spelling Latin), stays
// in ASCII.
func DisplayURL(u *url.URL) string {
	a, err := withASCIIHost(u)
	if err != nil {
		return u.String()
	}
	s := a.String()
	h := a.Hostname()
	if !strings.Contains(h, "xn--") {
		return s
	}
	uni := idn.Display(h) // a mixed-script or look-alike name stays in xn-- form, as in Chromium
	if uni == h {
		return s
	}
	return strings.Replace(s, "//"+h, "//"+uni, 1)
}

// DisplayHost is a host name in Unicode when it is an international one that may be shown so.
func DisplayHost(host string) string {
	if !strings.Contains(host, "xn--") {
		return host
	}
	return idn.Display(host)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Lower is a host name as compared and looked up: lower case, without the root's trailing dot.
func Lower(s string) string { return strings.ToLower(strings.TrimSuffix(s, ".")) }

func lower(s string) string { return Lower(s) }

// ASCIIHost is host in ASCII, lower case (see asciiHost).
func ASCIIHost(host string) (string, error) { return asciiHost(host) }

// WithASCIIHost is a copy of u whose host is in ASCII (see withASCIIHost).
func WithASCIIHost(u *url.URL) (*url.URL, error) { return withASCIIHost(u) }

// PortOf is u's port, or its scheme's default (see portOf).
func PortOf(u *url.URL) string { return portOf(u) }
