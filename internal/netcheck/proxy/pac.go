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

	"github.com/auvenir/auvenir-onboard/internal/pacrun"
	"github.com/auvenir/auvenir-onboard/internal/redact"
)

// PACLimit is how long a PAC script may run: its top level once, then each FindProxyForURL
// call, name lookups included. Browsers give up on a script that loops; so does the check.
const PACLimit = 2 * time.Second

// MaxPACSize bounds a PAC file read from disk or the network; real ones are a few kilobytes.
const MaxPACSize = 1 << 20

// PAC evaluates a proxy auto-config script and gives the helper functions browsers give PAC
// scripts. The script runs in a confined child process (internal/pacrun says why): whatever it
// does, a call ends within its limit and the program's memory stays bounded. It is safe for
// concurrent use: calls run one at a time (a script's runtime is single-threaded), and
// answers and name lookups are cached for the life of the PAC, which is one run of the check.
type PAC struct {
	Location string // the file or URL it came from, for output

	mu       sync.Mutex
	ev       *pacrun.Evaluator
	resolver Resolver
	limit    time.Duration
	now      func() time.Time
	myIP     func() []net.IP
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
	ctx := o.Context
	if ctx == nil {
		ctx = context.Background()
	}
	ev, err := pacrun.Load(ctx, pacrun.Options{Name: location, Src: src, Limit: p.limit,
		Lookup: p.lookup, MyIP: func() []net.IP { return p.myIP() }})
	if err != nil {
		return nil, pacError(err)
	}
	p.ev = ev
	return p, nil
}

// Close ends the script's process. A PAC not closed ends its own after a while idle.
func (p *PAC) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ev.Close()
}

// pacError is the evaluator's failure as the check says it: the engine's one-line reason.
func pacError(err error) error {
	var pe *pacrun.Error
	if errors.As(err, &pe) {
		return &PACFailure{Kind: pe.Kind, Reason: pe.Msg}
	}
	return err
}

// PACFailure is a script that failed: it threw, ran past its time or memory limit, answered
// something else than a string. Kind is one of pacrun's Kind constants.
type PACFailure struct {
	Kind   string
	Reason string
}

func (e *PACFailure) Error() string { return e.Reason }

// Find is the script's answer for u, as written ("PROXY a:3128; DIRECT").
func (p *PAC) Find(ctx context.Context, u *url.URL) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.find1(ctx, u)
}

func (p *PAC) find1(ctx context.Context, u *url.URL) (string, error) {
	s, err := p.ev.Find(ctx, pacURL(u), strings.ToLower(u.Hostname()), p.now())
	return s, pacError(err)
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
	scriptFailed := err != nil
	if err == nil {
		var entries []PACEntry
		if entries, err = ParsePACResult(s); err == nil {
			a.choices, err = pacChoices(entries)
		} else {
			scriptFailed = true
			err = AnswerError(err, s) // masked and bounded: a PAC answer may hold a password
		}
	}
	if err != nil {
		a.err = fmt.Errorf("PAC %s: %w", p.Location, err)
	}
	if scriptFailed && ctx.Err() == nil {
		a.choices, a.err = directFallback(a.err)
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
	lctx, cancel := context.WithTimeout(ctx, p.lookupBudget())
	defer cancel()
	addrs, err := p.resolver.LookupIPAddr(lctx, host)
	if err != nil && ctx.Err() != nil {
		return // cut short by the address's own deadline: the script will ask again
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

// lookup resolves host once per PAC (scripts call dnsResolve and isInNet for the same names
// over and over), within the call's time limit (ctx).
func (p *PAC) lookup(ctx context.Context, host string) []net.IP {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if ip := net.ParseIP(host); ip != nil {
		return []net.IP{ip}
	}
	if ips, ok := p.dns[host]; ok {
		return ips
	}
	var ips []net.IP
	if host != "" {
		// Half the call's limit: a DNS server that drops the question leaves the script time to
		// finish, and the name resolves to nothing on every run instead of racing the limit.
		lctx, cancel := context.WithTimeout(ctx, p.lookupBudget())
		addrs, err := p.resolver.LookupIPAddr(lctx, host)
		cancel()
		if err == nil {
			for _, a := range addrs {
				ips = append(ips, a.IP)
			}
		}
		if ctx.Err() != nil {
			return ips // cut short by the call's limit: not an answer to keep
		}
	}
	p.dns[host] = ips
	return ips
}

// AnswerError is an unusable answer of the script, quoted masked and bounded: an answer
// "PROXY alice:s3cret@host:3128" is refused, as Chromium refuses it, and its password never
// printed.
func AnswerError(err error, answer string) error {
	return fmt.Errorf("%w: %q", err, redact.Text(answer, 200))
}
