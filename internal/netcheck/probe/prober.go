package probe

import (
	"context"
	"crypto/x509"
	"net"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

// Dialer opens TCP connections; *net.Dialer is one.
type Dialer interface {
	DialContext(ctx context.Context, network, address string) (net.Conn, error)
}

// Config is what probing needs. The zero values of the fields marked "test" are the real
// thing (the system's resolver, dialer and roots); tests replace them to serve everything on
// loopback.
type Config struct {
	Timeout      time.Duration // per endpoint, covering every step and every redirect; default 5s
	MaxRedirects int           // default 5
	Proxy        proxy.ProxySetting
	// ProxyAuth answers a proxy's Negotiate and NTLM sign-in; nil is the system's (the logged-in
	// user's credentials through SSPI on Windows, none elsewhere).
	ProxyAuth proxy.ProxyAuthenticator
	// ExtraRoots (--ca-file) count as genuine: added to both the system and the public roots.
	ExtraRoots []*x509.Certificate
	UserAgent  string

	Resolver    proxy.Resolver   // test: nil is net.DefaultResolver
	Dialer      Dialer           // test: nil is a plain net.Dialer (also used to reach the proxy)
	SystemRoots *x509.CertPool   // test: nil is x509.SystemCertPool()
	PublicRoots *x509.CertPool   // test: nil is the public web roots (Mozilla's, via x/crypto)
	Now         func() time.Time // test: nil is time.Now
	HostsFile   string           // test: "" is the system's hosts file
	// Portal is the connectivity probe run beside the endpoints to tell a captive portal; nil
	// runs none (tests, which must not reach outside hosts). The command line sets
	// DefaultPortalProbe.
	Portal *PortalProbe
}

// Prober observes: it resolves, connects, shakes hands and asks, for one address at a time.
// It is safe for concurrent use.
type Prober struct {
	cfg    Config
	system *x509.CertPool
	public *x509.CertPool
	// systemErr is why the system roots could not be loaded; checks then rely on the public ones.
	systemErr error
	aiaCache

	proxyAuth proxy.ProxyAuthenticator // Config.ProxyAuth, or the system's
}

// New prepares a prober, loading the root stores once.
func New(cfg Config) *Prober {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 5 * time.Second
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
	c := &Prober{cfg: cfg, proxyAuth: cfg.ProxyAuth}
	if c.proxyAuth == nil {
		c.proxyAuth = proxy.SystemAuth()
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
func (c *Prober) Timeout() time.Duration { return c.cfg.Timeout }

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
