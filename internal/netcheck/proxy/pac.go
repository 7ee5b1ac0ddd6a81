package proxy

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// PACLimit is how long a PAC script may run: its top level once, then each FindProxyForURL
// call, name lookups included. Browsers give up on a script that loops; so does the check.
const PACLimit = 2 * time.Second

// MaxPACSize bounds a PAC file read from disk or the network; real ones are a few kilobytes.
const MaxPACSize = 1 << 20

// PAC evaluates a proxy auto-config script with goja, a JavaScript engine written in Go, and
// the helper functions browsers give PAC scripts. It is safe for concurrent use: calls run
// one at a time (a goja runtime is single-threaded), and answers and name lookups are cached
// for the life of the PAC, which is one run of the check.
type PAC struct {
	Location string // the file or URL it came from, for output

	mu       sync.Mutex
	vm       *goja.Runtime
	find     goja.Callable
	ex       bool // the script defines FindProxyForURLEx (Microsoft's IPv6-aware entry point)
	resolver Resolver
	limit    time.Duration
	now      func() time.Time
	myIP     func() []net.IP
	ctx      context.Context // the call under way, for lookups
	dns      map[string][]net.IP
	answers  map[string]pacAnswer
	// lookups: the script resolves names, so the address's own name is looked up before the
	// script runs, outside the lock, letting addresses' lookups overlap rather than queue.
	lookups bool
}

type pacAnswer struct {
	choices []*url.URL
	err     error
}

// PACOptions are the parts of a PAC's world that tests replace.
type PACOptions struct {
	Resolver Resolver         // nil: the system's
	Limit    time.Duration    // 0: PACLimit
	Now      func() time.Time // nil: time.Now
	MyIP     func() []net.IP  // nil: the addresses of the interface that routes outside
	Context  context.Context  // bounds the top level's lookups; nil: background
	_        struct{}         // keyed fields only
}

// errPACTimeout is the interruption of a script that ran past its limit.
var errPACTimeout = errors.New("the PAC script ran longer than its time limit")

// NewPAC compiles src and runs its top level, which must define FindProxyForURL.
func NewPAC(location string, src []byte, o PACOptions) (*PAC, error) {
	p := &PAC{Location: location, resolver: o.Resolver, limit: o.Limit, now: o.Now, myIP: o.MyIP,
		dns: map[string][]net.IP{}, answers: map[string]pacAnswer{}}
	if p.resolver == nil {
		p.resolver = net.DefaultResolver
	}
	if p.limit <= 0 {
		p.limit = PACLimit
	}
	if p.now == nil {
		p.now = time.Now
	}
	if p.myIP == nil {
		p.myIP = outboundIPs
	}
	p.lookups = strings.Contains(string(src), "dnsResolve") || strings.Contains(string(src), "isInNet") ||
		strings.Contains(string(src), "isResolvable")
	prog, err := goja.Compile(location, string(src), false)
	if err != nil {
		return nil, fmt.Errorf("JavaScript syntax: %w", err)
	}
	p.vm = goja.New()
	p.vm.SetMaxCallStackSize(1000)
	p.helpers()
	ctx := o.Context
	if ctx == nil {
		ctx = context.Background()
	}
	if _, err := p.run(ctx, func() (goja.Value, error) { return p.vm.RunProgram(prog) }); err != nil {
		return nil, err
	}
	for _, name := range []string{"FindProxyForURLEx", "FindProxyForURL"} {
		if f, ok := goja.AssertFunction(p.vm.Get(name)); ok {
			p.find, p.ex = f, name == "FindProxyForURLEx"
			return p, nil
		}
	}
	return nil, errors.New("the script defines no FindProxyForURL function")
}

// run calls f with the script's time limit, under p.mu.
func (p *PAC) run(ctx context.Context, f func() (goja.Value, error)) (v goja.Value, err error) {
	ctx, cancel := context.WithTimeout(ctx, p.limit)
	defer cancel()
	p.ctx = ctx
	stop := context.AfterFunc(ctx, func() { p.vm.Interrupt(errPACTimeout) })
	defer func() {
		stop()
		p.vm.ClearInterrupt()
		p.ctx = nil
	}()
	v, err = f()
	var ie *goja.InterruptedError
	switch {
	case errors.As(err, &ie):
		return nil, fmt.Errorf("%w (%v)", errPACTimeout, p.limit)
	case err != nil:
		return nil, errors.New(oneLine(err.Error()))
	}
	return v, nil
}

// Find is the script's answer for u, as written ("PROXY a:3128; DIRECT").
func (p *PAC) Find(ctx context.Context, u *url.URL) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.find1(ctx, u)
}

func (p *PAC) find1(ctx context.Context, u *url.URL) (string, error) {
	arg := pacURL(u)
	host := strings.ToLower(u.Hostname())
	v, err := p.run(ctx, func() (goja.Value, error) {
		return p.find(goja.Undefined(), p.vm.ToValue(arg), p.vm.ToValue(host))
	})
	if err != nil {
		return "", err
	}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return "", errors.New("FindProxyForURL returned nothing")
	}
	return v.String(), nil
}

// Choices are the proxies the script chooses for u, in order, nil meaning DIRECT.
func (p *PAC) Choices(ctx context.Context, u *url.URL) ([]*url.URL, error) {
	if p.lookups {
		p.prefetch(ctx, strings.ToLower(strings.TrimSuffix(u.Hostname(), ".")))
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	key := pacURL(u)
	if a, ok := p.answers[key]; ok {
		return a.choices, a.err
	}
	a := pacAnswer{}
	s, err := p.find1(ctx, u)
	if err == nil {
		var entries []PACEntry
		if entries, err = ParsePACResult(s); err == nil {
			a.choices, err = pacChoices(entries)
		} else {
			err = fmt.Errorf("%w: %q", err, clip(s, 200))
		}
	}
	if err != nil {
		a.err = fmt.Errorf("PAC %s: %w", p.Location, err)
	}
	// A call cut short by the endpoint's own deadline says nothing of the next endpoint.
	if ctx.Err() == nil {
		p.answers[key] = a
	}
	return a.choices, a.err
}

// prefetch resolves host into the cache, within the script's limit, unless it is known.
func (p *PAC) prefetch(ctx context.Context, host string) {
	p.mu.Lock()
	_, known := p.dns[host]
	p.mu.Unlock()
	if known || host == "" || net.ParseIP(host) != nil {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, p.limit)
	defer cancel()
	addrs, err := p.resolver.LookupIPAddr(ctx, host)
	if err != nil && ctx.Err() != nil {
		return // cut short: the script will ask again
	}
	ips := make([]net.IP, 0, len(addrs))
	for _, a := range addrs {
		ips = append(ips, a.IP)
	}
	p.mu.Lock()
	p.dns[host] = ips
	p.mu.Unlock()
}

// pacURL is the URL given to FindProxyForURL: for https, only scheme, host and port, as
// Chrome and Firefox do so that a script never sees paths and queries of encrypted requests.
func pacURL(u *url.URL) string {
	c := url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path, RawQuery: u.RawQuery}
	if u.Scheme == "https" {
		c.Path, c.RawQuery = "/", ""
	}
	return c.String()
}

func oneLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	return clip(s, 300)
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// PACSetting is the setting of a PAC script: source is ProxyFromPAC for --pac,
// ProxyFromSystem for the system's PAC URL.
func PACSetting(source string, p *PAC) ProxySetting {
	return ProxySetting{Source: source, PAC: p.Location, fn: p.Choices}
}
