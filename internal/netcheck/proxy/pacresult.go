package proxy

import (
	"errors"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// PACEntry is one choice of a PAC script's answer: "DIRECT", or a proxy with its kind.
type PACEntry struct {
	Kind string // "DIRECT", "PROXY" (an http proxy), "HTTPS", "SOCKS", "SOCKS4" or "SOCKS5"
	Host string // host:port, "" for DIRECT
}

func (e PACEntry) String() string {
	if e.Kind == "DIRECT" {
		return e.Kind
	}
	return e.Kind + " " + e.Host
}

// ErrPACResult is an answer of FindProxyForURL with no entry the check understands.
var ErrPACResult = errors.New("the PAC script's answer has no usable entry")

// ParsePACResult reads what FindProxyForURL returned ("PROXY a:3128; PROXY b:3128; DIRECT"):
// entries separated by ";", case-insensitive kinds. Entries that make no sense are skipped,
// as browsers skip them; an answer left with none is ErrPACResult.
func ParsePACResult(s string) ([]PACEntry, error) {
	var out []PACEntry
	for _, part := range strings.Split(s, ";") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		kind := strings.ToUpper(f[0])
		if kind == "HTTP" {
			kind = "PROXY" // Firefox and Chrome take "HTTP host:port" for "PROXY host:port"
		}
		switch {
		case kind == "DIRECT" && len(f) == 1:
			out = append(out, PACEntry{Kind: kind})
		case len(f) == 2 && (kind == "PROXY" || kind == "HTTPS" || kind == "SOCKS" || kind == "SOCKS4" || kind == "SOCKS5"):
			if hp, ok := pacHostPort(f[1], kind); ok {
				out = append(out, PACEntry{Kind: kind, Host: hp})
			}
		}
	}
	if len(out) == 0 {
		return nil, ErrPACResult
	}
	return out, nil
}

// pacHostPort checks a proxy's "host:port", giving the port browsers use when it is left out.
func pacHostPort(s, kind string) (string, bool) {
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		host, port = strings.Trim(s, "[]"), map[string]string{"PROXY": "80", "HTTPS": "443"}[kind]
		if port == "" {
			port = "1080"
		}
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 || host == "" || !hostChars(host) || strings.ContainsAny(host, "[]%") {
		return "", false
	}
	if strings.Contains(host, ":") && net.ParseIP(host) == nil {
		return "", false
	}
	return net.JoinHostPort(host, strconv.Itoa(n)), true
}

// pacChoices turns a PAC answer into the proxies to try in order (nil is DIRECT). SOCKS
// proxies, which the check does not speak, are left out; an answer of SOCKS proxies only is
// an error that names them.
func pacChoices(entries []PACEntry) ([]*url.URL, error) {
	var out []*url.URL
	var socks []string
	for _, e := range entries {
		switch e.Kind {
		case "DIRECT":
			out = append(out, nil)
		case "PROXY":
			out = append(out, &url.URL{Scheme: "http", Host: e.Host})
		case "HTTPS":
			out = append(out, &url.URL{Scheme: "https", Host: e.Host})
		default:
			socks = append(socks, e.String())
		}
	}
	if len(out) == 0 {
		return nil, errors.New("only SOCKS proxies, which the check does not use: " + strings.Join(socks, "; "))
	}
	return out, nil
}
