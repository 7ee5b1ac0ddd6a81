// Package netcheck tells whether this network lets a client reach the addresses onboarding
// needs, and when it does not, what stops it. It runs the layers below it, as tailscale's
// net/netcheck runs its probes: package endpoints holds the address list, package proxy
// decides which proxy each address goes through (flag, variables, the system's settings, PAC
// scripts, proxy sign-in), package probe observes each address (name resolution, each
// connection, the proxy's answers, TLS, HTTP), and package diagnose judges what was observed
// without any input or output. No layer calls the one above it. It has no user interface: the
// command line and the wizard show its results in the person's language.
package netcheck

import (
	"context"
	"crypto/x509"
	"sync"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/diagnose"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/probe"
	"github.com/auvenir/auvenir-onboard/internal/redact"
)

// Config is what a check needs. The zero values of the fields marked "test" are the real
// thing (the system's resolver, dialer and roots); tests replace them to serve everything on
// loopback.
type Config struct {
	Timeout time.Duration // per endpoint, covering every step and every redirect; default 5s
	// Concurrency is how many endpoints are checked at once (--parallel); default
	// DefaultParallel, or DefaultParallelProxy when a proxy is configured (parallel.go).
	Concurrency  int
	MaxRedirects int // default 5
	Proxy        ProxySetting
	// ProxyAuth answers a proxy's Negotiate and NTLM sign-in; nil is the system's (the logged-in
	// user's credentials through SSPI on Windows, none elsewhere).
	ProxyAuth ProxyAuthenticator
	// ExtraRoots (--ca-file) count as genuine: added to both the system and the public roots.
	ExtraRoots []*x509.Certificate
	UserAgent  string

	Resolver    Resolver         // test: nil is net.DefaultResolver
	Dialer      Dialer           // test: nil is a plain net.Dialer (also used to reach the proxy)
	SystemRoots *x509.CertPool   // test: nil is x509.SystemCertPool()
	PublicRoots *x509.CertPool   // test: nil is the public web roots (Mozilla's, via x/crypto)
	Now         func() time.Time // test: nil is time.Now
	HostsFile   string           // test: "" is the system's hosts file
	HasNetwork  func() bool      // test: nil looks at the network interfaces (offline)
	// Portal is the connectivity probe run beside the endpoints to tell a captive portal; nil
	// runs none (tests, which must not reach outside hosts). The command line sets
	// DefaultPortalProbe.
	Portal *PortalProbe
}

// Checker runs checks: the probe observes each address, diagnose judges what it observed. It
// is safe for concurrent use.
type Checker struct {
	cfg   Config
	probe *probe.Prober
}

// New prepares a checker, loading the root stores once.
func New(cfg Config) *Checker {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 5 * time.Second
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = DefaultConcurrency(cfg.Proxy)
	}
	if cfg.HasNetwork == nil {
		cfg.HasNetwork = probe.HasNetwork
	}
	p := probe.New(probe.Config{Timeout: cfg.Timeout, MaxRedirects: cfg.MaxRedirects, Proxy: cfg.Proxy,
		ProxyAuth: cfg.ProxyAuth, ExtraRoots: cfg.ExtraRoots, UserAgent: cfg.UserAgent,
		Resolver: cfg.Resolver, Dialer: cfg.Dialer, SystemRoots: cfg.SystemRoots,
		PublicRoots: cfg.PublicRoots, Now: cfg.Now, Portal: cfg.Portal, HostsFile: cfg.HostsFile})
	return &Checker{cfg: cfg, probe: p}
}

// Timeout is the per-endpoint time limit in use.
func (c *Checker) Timeout() time.Duration { return c.cfg.Timeout }

// Proxy is the proxy setting in use.
func (c *Checker) Proxy() ProxySetting { return c.cfg.Proxy }

// ProxySource says where the proxy setting came from.
func (c *Checker) ProxySource() string {
	if c.cfg.Proxy.Source == "" {
		return ProxyNone
	}
	return c.cfg.Proxy.Source
}

// Event reports progress on one endpoint. Host is the host being worked on (a redirect target
// after StageRedirect). Result is set with StageDone.
type Event struct {
	Index  int
	Stage  Stage
	Host   string
	Result *Result
}

// Run checks every endpoint, at most Concurrency at a time, each within Timeout, and returns
// the results in the order of eps. progress, if not nil, is called for each step of each
// endpoint, never concurrently. Cancelling ctx ends every check at once.
func (c *Checker) Run(ctx context.Context, eps []Endpoint, progress func(Event)) []Result {
	var mu sync.Mutex
	emit := func(e Event) {
		if progress != nil {
			mu.Lock()
			defer mu.Unlock()
			progress(e)
		}
	}
	results := make([]Result, len(eps))
	sem := make(chan struct{}, c.cfg.Concurrency)
	var wg sync.WaitGroup
	portal := c.probe.StartPortalProbe(ctx)
	for i, ep := range eps {
		emit(Event{Index: i, Stage: StageWaiting, Host: ep.Host})
	}
	for i, ep := range eps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
				defer func() { <-sem }()
			case <-ctx.Done():
				// Cancelled while queued: Check returns at once with the cancellation.
			}
			r := c.Check(ctx, ep, eps, func(s Stage, host string) { emit(Event{Index: i, Stage: s, Host: host}) })
			results[i] = r
			emit(Event{Index: i, Stage: StageDone, Host: ep.Host, Result: &r})
		}()
	}
	wg.Wait()
	// Judged once every observation is in: a cause said once for the run (offline, a portal)
	// needs all of them.
	diagnose.Diagnose(results, diagnose.Facts{ProxyConfigured: c.cfg.Proxy.Configured,
		Network: c.cfg.HasNetwork(), Portal: portal()})
	return results
}

// Check checks one endpoint and the redirects it leads to, within Timeout. list is the whole
// list being checked: a redirect to a host it does not cover is flagged as one more to allow.
func (c *Checker) Check(ctx context.Context, ep Endpoint, list []Endpoint, stage func(Stage, string)) Result {
	r := c.probe.Check(ctx, ep, list, stage)
	diagnose.Judge(&r)
	diagnose.Finish(&r)
	return r
}

// NewReport summarises results for the JSON document and the table.
func (c *Checker) NewReport(results []Result, elapsed time.Duration) Report {
	run := diagnose.Run{ProxySource: c.ProxySource(), Proxy: c.cfg.Proxy.Configured,
		ProxyPAC: c.cfg.Proxy.PAC, Timeout: c.cfg.Timeout, Elapsed: elapsed}
	if u := c.cfg.Proxy.Unusable; u != nil {
		run.ProxyUnusable = redact.Text(u.Reason, 2*redact.MaxValue)
	}
	return diagnose.NewReport(results, run)
}
