package probe

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

// askProxy connects to the proxy p and sends it req: a CONNECT (the tunnel for https and
// tcp), or, with forward, a plain-http GET in absolute form ("GET http://host/path"), as
// browsers send it (many corporate proxies refuse CONNECT to port 80). It signs in when the
// proxy asks (407). sent is called once the proxy is reached, for the live display. It returns
// the proxy's final answer, its body unread, and the exchange holding the connection to close;
// or no exchange and the failed hop.
func (c *Prober) askProxy(ctx context.Context, p *url.URL, req *http.Request, forward bool, left int, sent func(), stage func(Stage, string), h hop) (*http.Response, *proxyExchange, hop) {
	if p.Scheme != "http" && p.Scheme != "https" {
		return nil, nil, h.fail(Proxy, PhaseProxyReach, "unsupported proxy scheme "+p.Scheme)
	}
	pport := p.Port()
	if pport == "" {
		pport = map[string]string{"http": "80", "https": "443"}[p.Scheme]
	}
	paddr := net.JoinHostPort(p.Hostname(), pport)
	stage(StageConnecting, p.Hostname())
	conn, err := c.dialProxy(ctx, left, p, paddr)
	if err != nil {
		h.errKind = errKind(ctx, err)
		return nil, nil, h.fail(Proxy, PhaseProxyReach, "proxy "+paddr+": "+err.Error())
	}
	if ra, ok := conn.RemoteAddr().(*net.TCPAddr); ok {
		h.ip = ra.IP.String()
	}
	sent()
	// No credentials with the first request: a password goes only in a scheme the proxy
	// offers in its 407 (proxy.SignIn), never as Basic to a proxy that did not ask for it.
	auth := ""
	x := &proxyExchange{ctx: ctx, conn: conn, r: conn, req: req, forward: forward, paddr: paddr,
		dial: func() (net.Conn, error) { return c.dialProxy(ctx, 1, p, paddr) }}
	resp, err := x.Send(auth)
	if err == nil && resp.StatusCode == http.StatusProxyAuthRequired {
		resp, err = proxy.SignIn(ctx, x, resp, p, c.proxyAuth)
	}
	if err == nil {
		return resp, x, h
	}
	x.conn.Close()
	what := "CONNECT " + req.Host
	if forward {
		what = "GET " + req.URL.String()
	}
	var authErr *proxy.AuthError
	var aerr *answerError
	switch {
	case errors.As(err, &authErr):
		h.proxyAuth, h.signInRefused = authErr.Schemes, authErr.Refused != ""
		return nil, nil, h.fail(ProxyAuth, PhaseProxy, "proxy "+paddr+": "+authErr.Error())
	case errors.As(err, &aerr) && aerr.class == Timeout:
		// A proxy that accepted the request but has not answered yet is usually waiting on a
		// server whose packets are dropped further on: that is the endpoint's timeout, not the
		// proxy's.
		return nil, nil, h.fail(Timeout, PhaseProxy, "proxy "+paddr+": no answer to "+what)
	case errors.As(err, &aerr):
		h.cause = aerr.cause
		if forward {
			return nil, nil, h.fail(aerr.class, PhaseHTTP, "proxy "+paddr+", reading the answer: "+aerr.detail)
		}
		return nil, nil, h.fail(Proxy, PhaseProxy, "proxy "+paddr+": "+aerr.detail)
	case forward:
		return nil, nil, h.fail(httpErrClass(ctx, err), PhaseHTTP, "proxy "+paddr+", sending the request: "+err.Error())
	case isTimeout(ctx, err):
		return nil, nil, h.fail(Timeout, PhaseProxy, "proxy "+paddr+": "+err.Error())
	}
	return nil, nil, h.fail(Proxy, PhaseProxy, "proxy "+paddr+": "+err.Error())
}

// forward asks an http(s) proxy for a plain-http address with an absolute-form GET. It returns
// the final answer, its body unread, and the connection to close; or no connection and the
// failed hop.
func (c *Prober) forward(ctx context.Context, p *url.URL, u *url.URL, left int, stage func(Stage, string), h hop) (*http.Response, net.Conn, hop) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, h.fail(Error, PhaseHTTP, err.Error())
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "*/*")
	resp, x, h := c.askProxy(ctx, p, req, true, left, func() { stage(StageHTTP, lower(u.Hostname())) }, stage, h)
	if x == nil {
		return nil, nil, h
	}
	return resp, x.conn, h
}

// proxyRefusal reports an answer that a forwarding proxy gives for itself rather than passing
// the server's on: it refused the address (403, 451) or could not reach it (502, 504). A
// server's own 403 or 502 through a proxy reads the same; for the plain-http addresses checked
// (revocation lists, OCSP, connectivity tests) those are the proxy's far more often.
func proxyRefusal(status int) bool {
	switch status {
	case http.StatusForbidden, http.StatusUnavailableForLegalReasons, http.StatusBadGateway, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// probeForwarded checks a plain-http address through a proxy with a forwarded GET.
func (c *Prober) probeForwarded(ctx context.Context, p *url.URL, u *url.URL, left int, stage func(Stage, string), h hop) hop {
	resp, conn, h := c.forward(ctx, p, u, left, stage, h)
	if conn == nil {
		return h
	}
	defer conn.Close() // the body is never read (see request)
	if proxyRefusal(resp.StatusCode) {
		return h.fail(Proxy, PhaseProxy, "the proxy answered "+resp.Status+" to GET "+u.String())
	}
	return answerHop(resp, u, h)
}
