package proxy

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// SystemProxy is this computer's proxy configuration, as browsers read it: Windows' Internet
// settings for the current user, macOS's network settings (scutil --proxy). Browsers try the
// automatic configuration first (detection, then the PAC URL), then the fixed proxy.
type SystemProxy struct {
	AutoDetect bool   // automatic detection (WPAD)
	PACURL     string // the PAC script's address, "" for none
	// Servers are the fixed proxies by the scheme of the address ("http", "https", "socks";
	// "" for every scheme), each "host:port".
	Servers map[string]string
	// Bypass are the exceptions: host patterns with "*", "<local>" for names without a dot,
	// address ranges ("10.0.0.0/8", macOS's "169.254/16").
	Bypass []string
	// Resolve asks the system which proxies to use for an address, where the system evaluates
	// the automatic configuration itself (WinHTTP on Windows); nil elsewhere.
	Resolve func(ctx context.Context, u *url.URL) ([]*url.URL, error)
}

// ErrNoAutoConfig is automatic detection finding no PAC script: the usual answer on home
// networks, where Windows' "Automatically detect settings" is on by default and browsers then
// go direct without a word.
var ErrNoAutoConfig = errors.New("automatic detection found no PAC script")

// Found reports whether the system has any proxy setting.
func (s SystemProxy) Found() bool {
	return s.AutoDetect || s.PACURL != "" || len(s.Servers) > 0
}

// ProxyOptions are the places a proxy setting comes from, strongest first: --proxy, --pac,
// the environment's variables, the system's settings.
type ProxyOptions struct {
	Flag   string // --proxy: "", "none" or a URL
	PAC    string // --pac: "", a file, or a URL
	Getenv func(string) string
	// System reads the system's settings; nil has none (tests, and systems without any).
	System func() (SystemProxy, error)
	// Resolver is used by PAC scripts' dnsResolve; nil is the system's.
	Resolver Resolver
	// Timeout bounds fetching a PAC script and asking the system; 0 is 5 s.
	Timeout time.Duration
}

// PACError is a --pac that cannot be used: unreadable, not JavaScript, or no FindProxyForURL.
type PACError struct {
	Location string
	Reason   string
	Err      error // the cause, so that a missing file can be said in the person's language
}

func (e *PACError) Error() string { return "PAC " + e.Location + ": " + e.Reason }

func (e *PACError) Unwrap() error { return e.Err }

// ChooseProxy picks the proxy setting of a check. Its errors are the person's mistakes: a
// *ProxyError for --proxy or a variable, a *PACError for --pac. A system setting that cannot
// be used is no error: the setting says so in Unusable and the check goes without it.
func ChooseProxy(ctx context.Context, o ProxyOptions) (ProxySetting, error) {
	if o.Timeout <= 0 {
		o.Timeout = 5 * time.Second
	}
	if o.Getenv == nil {
		o.Getenv = func(string) string { return "" }
	}
	if s, ok, err := fromFlag(o.Flag); ok || err != nil {
		return s, err
	}
	if o.PAC != "" {
		pac, err := loadPAC(ctx, o.PAC, o)
		if err != nil {
			return ProxySetting{}, &PACError{Location: o.PAC, Reason: err.Error(), Err: err}
		}
		return PACSetting(ProxyFromPAC, pac), nil
	}
	if s, ok, err := fromEnvironment(o.Getenv); ok || err != nil {
		return s, err
	}
	if o.System != nil {
		sp, err := o.System()
		if err != nil {
			return ProxySetting{Source: ProxyNone, Unusable: &UnusableProxy{Origin: ProxyFromSystem,
				Reason: err.Error()}}, nil
		}
		if sp.Found() {
			return fromSystem(ctx, sp, o), nil
		}
	}
	return ProxySetting{Source: ProxyNone}, nil
}

func loadPAC(ctx context.Context, loc string, o ProxyOptions) (*PAC, error) {
	pac, _, err := loadPACSource(ctx, loc, o)
	return pac, err
}

// loadPACSource also returns the script's text, when it could be read.
func loadPACSource(ctx context.Context, loc string, o ProxyOptions) (*PAC, []byte, error) {
	src, err := ReadPAC(ctx, loc, o.Timeout)
	if err != nil {
		return nil, nil, err
	}
	pac, err := NewPAC(loc, src, PACOptions{Resolver: o.Resolver, Context: ctx})
	return pac, src, err
}

var pacProxyRE = regexp.MustCompile(`(?i)\bPROXY\s+([a-z0-9.-]+:[0-9]{1,5})\b`)

// tryOption is the option that would check through a system PAC that cannot be evaluated:
// --proxy with the first proxy its text names, else --pac with its address.
func tryOption(pacURL string, src []byte) string {
	if m := pacProxyRE.FindSubmatch(src); m != nil {
		return "--proxy http://" + string(m[1])
	}
	return "--pac " + RedactValue(pacURL)
}

// probeURL is asked of a system's automatic configuration before the check, so that one that
// does not work is said once, in the header, rather than once per address.
var probeURL = &url.URL{Scheme: "https", Host: "login.microsoftonline.com", Path: "/"}

// fromSystem turns the system's settings into the check's: the automatic configuration when
// it works, else the fixed proxy, else none, saying what could not be used.
func fromSystem(ctx context.Context, sp SystemProxy, o ProxyOptions) ProxySetting {
	fixed, socksOnly := fixedProxy(sp)
	var unusable *UnusableProxy
	if sp.AutoDetect || sp.PACURL != "" {
		setting := "WPAD"
		if sp.PACURL != "" {
			setting = "PAC " + RedactValue(sp.PACURL)
		}
		switch {
		case sp.Resolve != nil:
			_, err := sp.Resolve(ctx, probeURL)
			if err == nil {
				pac := RedactValue(sp.PACURL)
				if pac == "" {
					pac = "WPAD"
				}
				return ProxySetting{Source: ProxyFromSystem, PAC: pac, AutoDetect: sp.PACURL == "",
					fn: sp.Resolve}
			}
			if sp.PACURL == "" && errors.Is(err, ErrNoAutoConfig) {
				break // nothing to detect: the fixed proxy, else direct, as browsers do
			}
			unusable = &UnusableProxy{Origin: ProxyFromSystem, Setting: setting, Reason: err.Error()}
			if sp.PACURL != "" {
				// WinHTTP could not use the PAC URL; the check's own engine may still.
				pac, src, err := loadPACSource(ctx, sp.PACURL, o)
				if err == nil {
					return PACSetting(ProxyFromSystem, pac)
				}
				unusable.Try = tryOption(sp.PACURL, src)
			}
		case sp.PACURL != "":
			pac, src, err := loadPACSource(ctx, sp.PACURL, o)
			if err == nil {
				return PACSetting(ProxyFromSystem, pac)
			}
			unusable = &UnusableProxy{Origin: ProxyFromSystem, Setting: setting, Reason: err.Error(),
				Try: tryOption(sp.PACURL, src)}
		default:
			unusable = &UnusableProxy{Origin: ProxyFromSystem, Setting: setting,
				Reason: "automatic proxy detection is not evaluated by the check on this system"}
		}
		if sp.PACURL != "" && unusable.Try == "" {
			unusable.Try = "--pac " + RedactValue(sp.PACURL)
		}
	}
	if fixed.fn != nil {
		fixed.Unusable = unusable
		return fixed
	}
	if socksOnly != "" && unusable == nil {
		unusable = &UnusableProxy{Origin: ProxyFromSystem, Setting: "SOCKS " + socksOnly,
			Reason: "a SOCKS proxy, which the check does not use"}
	}
	return ProxySetting{Source: ProxyNone, Unusable: unusable}
}

// fixedProxy is the setting of the system's fixed proxies, with its exceptions; socksOnly is
// the SOCKS proxy when it is the only one.
func fixedProxy(sp SystemProxy) (ProxySetting, string) {
	get := func(scheme string) *url.URL {
		hp := sp.Servers[scheme]
		if hp == "" {
			hp = sp.Servers[""]
		}
		if hp == "" {
			return nil
		}
		// A proxy named for https addresses is still an http proxy that is asked to CONNECT.
		u, err := ParseProxyURL(ProxyFromSystem, hp)
		if err != nil {
			return nil
		}
		return u
	}
	httpP, httpsP := get("http"), get("https")
	if httpP == nil && httpsP == nil {
		return ProxySetting{}, sp.Servers["socks"]
	}
	shown := httpsP
	if shown == nil {
		shown = httpP
	}
	bypass := sp.Bypass
	return ProxySetting{Source: ProxyFromSystem, Configured: Redact(shown),
		fn: func(_ context.Context, u *url.URL) ([]*url.URL, error) {
			if Bypassed(u.Hostname(), bypass) {
				return []*url.URL{nil}, nil
			}
			if u.Scheme == "https" {
				return []*url.URL{httpsP}, nil
			}
			return []*url.URL{httpP}, nil
		}}, ""
}

// Bypassed reports whether host goes direct under the exceptions rules, as Windows and macOS
// read them. Loopback always goes direct.
func Bypassed(host string, rules []string) bool {
	host = strings.ToLower(strings.Trim(host, "[]"))
	ip, ipErr := netip.ParseAddr(host)
	if host == "localhost" || (ipErr == nil && ip.IsLoopback()) {
		return true
	}
	for _, r := range rules {
		r = strings.ToLower(strings.TrimSpace(r))
		if i := strings.Index(r, "://"); i >= 0 {
			r = r[i+3:]
		}
		switch {
		case r == "":
		case r == "<local>":
			if ipErr != nil && !strings.Contains(host, ".") {
				return true
			}
		case strings.Contains(r, "/"):
			if p, ok := parseRange(r); ok && ipErr == nil && p.Contains(ip.Unmap()) {
				return true
			}
		case strings.HasPrefix(r, "."): // ".corp.example": the domain's hosts
			if strings.HasSuffix(host, r) {
				return true
			}
		default:
			if shExpMatch(host, r) {
				return true
			}
		}
	}
	return false
}

// parseRange reads "10.0.0.0/8", "fd00::/8" and macOS's short "169.254/16".
func parseRange(r string) (netip.Prefix, bool) {
	addr, bits, _ := strings.Cut(r, "/")
	if !strings.Contains(addr, ":") {
		for strings.Count(addr, ".") < 3 {
			addr += ".0"
		}
	}
	n, err := strconv.Atoi(bits)
	a, err2 := netip.ParseAddr(addr)
	if err != nil || err2 != nil || n < 0 || n > a.BitLen() {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(a, n).Masked(), true
}

// ParseWinProxyList reads Windows' proxy setting ("proxy:8080", or per scheme
// "http=p:80;https=p:443;socks=s:1080"), entries separated by ";" or spaces. A list without
// "scheme=" gives its first proxy for every scheme (key "").
func ParseWinProxyList(s string) map[string]string {
	out := map[string]string{}
	for _, e := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ' ' || r == '\t' }) {
		scheme, hp, ok := strings.Cut(e, "=")
		if !ok {
			scheme, hp = "", e
		}
		scheme = strings.ToLower(scheme)
		if i := strings.Index(hp, "://"); i >= 0 {
			hp = hp[i+3:]
		}
		hp = strings.TrimSuffix(hp, "/")
		if hp == "" || (scheme != "" && scheme != "http" && scheme != "https" && scheme != "socks" && scheme != "ftp") {
			continue
		}
		if _, dup := out[scheme]; !dup {
			out[scheme] = hp
		}
	}
	delete(out, "ftp")
	return out
}

// SplitBypass reads an exceptions list written with ";", "," or spaces between rules.
func SplitBypass(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
}

// ParseScutil reads the output of macOS's "scutil --proxy": a dictionary of "Key : value"
// lines, with ExceptionsList an array of "N : rule" lines. The keys are Apple's "Proxies Entity
// Keys" (https://developer.apple.com/documentation/systemconfiguration/proxies-entity-keys).
func ParseScutil(out string) (SystemProxy, error) {
	var sp SystemProxy
	keys := map[string]string{}
	inList, seen := false, false
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "<dictionary>") {
			seen = true
			continue
		}
		if line == "}" {
			inList = false
			continue
		}
		k, v, ok := strings.Cut(line, " : ")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch {
		case inList:
			sp.Bypass = append(sp.Bypass, v)
		case k == "ExceptionsList" && strings.HasPrefix(v, "<array>"):
			inList = true
		default:
			keys[k] = v
		}
	}
	if err := sc.Err(); err != nil {
		return SystemProxy{}, err
	}
	if !seen {
		return SystemProxy{}, errors.New("scutil --proxy: no dictionary in its output")
	}
	on := func(k string) bool { return keys[k] == "1" }
	sp.AutoDetect = on("ProxyAutoDiscoveryEnable")
	if on("ProxyAutoConfigEnable") {
		sp.PACURL = keys["ProxyAutoConfigURLString"]
	}
	if on("ExcludeSimpleHostnames") {
		sp.Bypass = append(sp.Bypass, "<local>")
	}
	for _, s := range []struct{ scheme, prefix string }{{"http", "HTTP"}, {"https", "HTTPS"}, {"socks", "SOCKS"}} {
		host, port := keys[s.prefix+"Proxy"], keys[s.prefix+"Port"]
		if on(s.prefix+"Enable") && host != "" {
			if sp.Servers == nil {
				sp.Servers = map[string]string{}
			}
			if port == "" {
				port = map[string]string{"http": "80", "https": "443", "socks": "1080"}[s.scheme]
			}
			sp.Servers[s.scheme] = net.JoinHostPort(host, port)
		}
	}
	return sp, nil
}

// WinProxyChoices reads the proxies WinHTTP chose for an address ("a:8080;b:8080", entries
// possibly "http=a:8080" or "DIRECT"), in order, nil meaning direct.
func WinProxyChoices(list string) ([]*url.URL, error) {
	var out []*url.URL
	for _, e := range strings.FieldsFunc(list, func(r rune) bool { return r == ';' || r == ' ' || r == '\t' }) {
		if strings.EqualFold(e, "DIRECT") {
			out = append(out, nil)
			continue
		}
		scheme, hp, ok := strings.Cut(e, "=")
		if ok && !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") {
			continue // socks=…, ftp=…
		}
		if !ok {
			hp = e
		}
		if u, err := ParseProxyURL(ProxyFromSystem, hp); err == nil {
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("WinHTTP named no usable proxy: " + clip(RedactValue(list), 200))
	}
	return out, nil
}
