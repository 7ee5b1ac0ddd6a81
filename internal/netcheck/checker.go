package netcheck

import (
	"context"
	"crypto/x509"
	"net"
	"net/url"
	"sort"
	"sync"
	"time"
)

// Resolver looks up a host's addresses; *net.Resolver is one.
type Resolver interface {
	LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
}

// Dialer opens TCP connections; *net.Dialer is one.
type Dialer interface {
	DialContext(ctx context.Context, network, address string) (net.Conn, error)
}

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
	HasNetwork  func() bool      // test: nil looks at the network interfaces (offline)
	// Portal is the connectivity probe run beside the endpoints to tell a captive portal; nil
	// runs none (tests, which must not reach outside hosts). The command line sets
	// DefaultPortalProbe.
	Portal *PortalProbe
}

// Checker runs checks. It is safe for concurrent use.
type Checker struct {
	cfg    Config
	system *x509.CertPool
	public *x509.CertPool
	// systemErr is why the system roots could not be loaded; checks then rely on the public ones.
	systemErr error
	aiaCache

	proxyAuth ProxyAuthenticator // Config.ProxyAuth, or the system's
}

// New prepares a checker, loading the root stores once.
func New(cfg Config) *Checker {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 5 * time.Second
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = DefaultConcurrency(cfg.Proxy)
	}
	if cfg.MaxRedirects <= 0 {
		cfg.MaxRedirects = 5
	}
	if cfg.Resolver == nil {
		cfg.Resolver = net.DefaultResolver
	}
	if cfg.Dialer == nil {
		// No dialer timeout: the endpoint's context carries the deadline.
		cfg.Dialer = &net.Dialer{KeepAlive: -1}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "auvenir-onboard (network check)"
	}
	c := &Checker{cfg: cfg, proxyAuth: cfg.ProxyAuth}
	if c.proxyAuth == nil {
		c.proxyAuth = systemProxyAuth()
	}
	c.system = cfg.SystemRoots
	if c.system == nil {
		c.system, c.systemErr = x509.SystemCertPool()
		if c.system == nil {
			c.system = x509.NewCertPool()
		}
	} else {
		c.system = c.system.Clone()
	}
	c.public = cfg.PublicRoots
	if c.public == nil {
		c.public = PublicRoots()
	} else {
		c.public = c.public.Clone()
	}
	for _, r := range cfg.ExtraRoots {
		c.system.AddCert(r)
		c.public.AddCert(r)
	}
	return c
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

// Stage is what an endpoint's check is doing, for a live display.
type Stage int

const (
	StageWaiting    Stage = iota // queued behind the concurrency limit
	StageResolving               // looking up the name
	StageConnecting              // opening the TCP connection (to the server or the proxy)
	StageProxy                   // asking the proxy to CONNECT
	StageTLS                     // TLS handshake
	StageHTTP                    // request sent, waiting for the answer
	StageRedirect                // following a redirect
	StageDone                    // Result is set
)

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
	portal := c.startPortalProbe(ctx)
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
	c.markOffline(results)
	c.markPortal(results, portal())
	for i := range results {
		results[i].Severity = SeverityOf(results[i])
	}
	return results
}

// Check checks one endpoint and the redirects it leads to, within Timeout. list is the whole
// list being checked: a redirect to a host it does not cover is flagged as one more to allow.
func (c *Checker) Check(ctx context.Context, ep Endpoint, list []Endpoint, stage func(Stage, string)) Result {
	r := c.check(ctx, ep, list, stage)
	r.Severity = SeverityOf(r)
	return r
}

// passes reports whether the chain goes on after h: an answer over a verified connection, or
// over an inspection this computer trusts that is not a block page.
func (h hop) passes() bool {
	return h.class == OK || (h.class == TLSIntercepted && h.cause != CauseBlockPage && h.status != 0)
}

func (c *Checker) check(ctx context.Context, ep Endpoint, list []Endpoint, stage func(Stage, string)) Result {
	if stage == nil {
		stage = func(Stage, string) {}
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()

	r := Result{URL: ep.URL, Group: ep.Group, Host: ep.Host, Endpoint: ep, Redirects: []Hop{},
		Required: !ep.Optional}
	u, err := url.Parse(ep.URL)
	if err != nil {
		r.Class, r.Detail, r.Phase = Error, err.Error(), PhaseDNS
		return r
	}
	h := c.probe(ctx, u, stage, true)
	r.PACFailed = h.pacFailed
	r.IP, r.HTTPStatus, r.TLSIssuer, r.Proxy, r.ProxyAuth = h.ip, h.status, h.issuer, h.proxy, h.proxyAuth
	if !h.notAfter.IsZero() {
		r.TLSNotAfter = h.notAfter.UTC().Format(time.RFC3339)
	}
	r.Reachable = h.class == OK || h.class == HTTPStatus || (h.passes() && h.class == TLSIntercepted)
	failed := h
	failedHost, failedPort := ep.Host, ep.Port
	// inspected is the first hop that passed through a trusted inspection: the result's class
	// when nothing worse happens further on.
	var inspected *hop
	var inspectedHost, inspectedPort string
	if h.class == TLSIntercepted && h.passes() {
		inspected, inspectedHost, inspectedPort = &h, ep.Host, ep.Port
	}
	for n := 0; failed.passes() && h.next != nil; n++ {
		if n == c.cfg.MaxRedirects {
			failed = hop{class: Error, phase: PhaseHTTP, detail: "too many redirects (more than " + itoa(c.cfg.MaxRedirects) + ")"}
			break
		}
		next := h.next
		stage(StageRedirect, next.Hostname())
		h = c.probe(ctx, next, stage, false)
		host := lower(next.Hostname())
		if a, err := asciiHost(host); err == nil {
			host = a
		}
		r.Redirects = append(r.Redirects, Hop{URL: DisplayURL(next), Host: host, Listed: covered(host, list),
			IP: h.ip, Class: h.class, HTTPStatus: h.status, TLSIssuer: h.issuer, Detail: h.detail})
		if inspected == nil && h.class == TLSIntercepted && h.passes() {
			hh := h
			inspected, inspectedHost, inspectedPort = &hh, host, portOf(next)
		}
		if !h.passes() {
			failed, failedHost, failedPort = h, host, portOf(next)
			if h.detail != "" {
				failed.detail = host + ": " + h.detail
			}
		}
	}
	if failed.passes() && inspected != nil {
		failed, failedHost, failedPort = *inspected, inspectedHost, inspectedPort
	}
	r.Class, r.Phase, r.Detail = failed.class, failed.phase, failed.detail
	r.CertNames, r.NotAfter = failed.certNames, failed.notAfter
	r.Cause, r.TLSAlert, r.CauseURL, r.DNSAnswer, r.CertSHA256 = failed.cause, failed.alert, failed.causeURL, failed.dnsAnswer, failed.certSHA256
	r.DNSAnswered = failed.dnsAnswered
	if failed.proxyAuth != nil {
		r.ProxyAuth, r.SignInRefused = failed.proxyAuth, failed.signInRefused
	}
	if r.Class == OK {
		r.Phase = PhaseDone
	} else {
		r.FailedHost, r.FailedPort = failedHost, failedPort
		if r.Class == TLSIntercepted || r.Class == TLSUntrusted || r.Class == TLSExpired || r.Class == TLSHostname {
			r.TLSIssuer = failed.issuer
		}
	}
	r.Elapsed = time.Since(start)
	r.ElapsedMS = r.Elapsed.Milliseconds()
	r.redact()
	return r
}

// covered reports whether host is one of the list's hosts or falls under one of its rules.
func covered(host string, list []Endpoint) bool {
	for _, e := range list {
		if e.Host == host || Covers(e.Allow, host) {
			return true
		}
	}
	return false
}

// NewReport summarises results for the JSON document and the table.
func (c *Checker) NewReport(results []Result, elapsed time.Duration) Report {
	s := Summary{Total: len(results), Classes: map[Class]int{}, Allow: []string{},
		ExemptFromInspection: []string{}, Unlisted: []string{}, DNS: []string{},
		Severities: map[Severity]int{}, ProxySource: c.ProxySource(),
		Proxy: c.cfg.Proxy.Configured, ProxyPAC: c.cfg.Proxy.PAC,
		TimeoutMS: c.cfg.Timeout.Milliseconds(), ElapsedMS: elapsed.Milliseconds()}
	for _, cl := range Classes {
		s.Classes[cl] = 0
	}
	for _, sv := range Severities {
		s.Severities[sv] = 0
	}
	allow, exempt, unlisted, dns := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, r := range results {
		s.Classes[r.Class]++
		if r.Severity == "" {
			r.Severity = SeverityOf(r)
		}
		s.Severities[r.Severity]++
		if r.Class == OK {
			s.OK++
		} else {
			s.Failed++
		}
		switch r.Cause {
		case CauseOffline:
			s.Offline = true
		case CauseCaptivePortal:
			s.CaptivePortal = true
		}
		for _, h := range r.Redirects {
			if !h.Listed && r.Cause != CauseCaptivePortal {
				unlisted[h.Host] = true
				allow[h.Host] = true
			}
		}
		listFor(r, allow, exempt, dns)
	}
	if u := c.cfg.Proxy.Unusable; u != nil {
		s.ProxyUnusable = u.Reason
	}
	s.Allow, s.ExemptFromInspection, s.Unlisted = sorted(allow), sorted(exempt), sorted(unlisted)
	s.DNS = sorted(dns)
	if results == nil {
		results = []Result{}
	}
	return Report{Endpoints: results, Summary: s}
}

// ruleFor is the firewall rule that unblocks a failing result: the endpoint's own rule when the
// endpoint itself failed, the redirect target's host otherwise.
func ruleFor(r Result) string {
	if r.FailedHost == "" || r.FailedHost == r.Endpoint.Host {
		if r.Endpoint.Allow != "" {
			return r.Endpoint.Allow
		}
		return r.Endpoint.Host
	}
	return r.FailedHost
}

func sorted(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		if k != "" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
