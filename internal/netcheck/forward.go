package netcheck

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
)

// forward asks an http(s) proxy for a plain-http address with an absolute-form GET
// ("GET http://host/path"), as browsers do: many corporate proxies refuse CONNECT to port 80.
// It signs in when the proxy asks, like CONNECT does. It returns the final answer, its body
// unread, and the connection to close; or no connection and the failed hop.
func (c *Checker) forward(ctx context.Context, p *url.URL, u *url.URL, stage func(Stage, string), h hop) (*http.Response, net.Conn, hop) {
	if p.Scheme != "http" && p.Scheme != "https" {
		return nil, nil, h.fail(Proxy, PhaseProxyReach, "unsupported proxy scheme "+p.Scheme)
	}
	pport := p.Port()
	if pport == "" {
		pport = map[string]string{"http": "80", "https": "443"}[p.Scheme]
	}
	paddr := net.JoinHostPort(p.Hostname(), pport)
	stage(StageConnecting, p.Hostname())
	conn, err := c.dialProxy(ctx, p, paddr)
	if err != nil {
		return nil, nil, h.fail(Proxy, PhaseProxyReach, "proxy "+paddr+": "+err.Error())
	}
	if ra, ok := conn.RemoteAddr().(*net.TCPAddr); ok {
		h.ip = ra.IP.String()
	}
	stage(StageHTTP, lower(u.Hostname()))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		conn.Close()
		return nil, nil, h.fail(Error, PhaseHTTP, err.Error())
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "*/*")
	// No credentials with the first request: a password goes only in a scheme the proxy
	// offers in its 407 (signIn), never as Basic to a proxy that did not ask for it.
	auth := ""
	x := &proxyExchange{ctx: ctx, conn: conn, r: conn, req: req, forward: true,
		dial: func() (net.Conn, error) { return c.dialProxy(ctx, p, paddr) }}
	resp, err := x.send(auth)
	if err == nil && resp.StatusCode == http.StatusProxyAuthRequired {
		resp, err = signIn(ctx, x, resp, p, c.proxyAuth)
	}
	conn = x.conn
	var authErr *proxyAuthError
	var aerr *answerError
	switch {
	case errors.As(err, &authErr):
		conn.Close()
		h.proxyAuth, h.signInRefused = authErr.schemes, authErr.refused != ""
		return nil, nil, h.fail(ProxyAuth, PhaseProxy, "proxy "+paddr+": "+authErr.Error())
	case errors.As(err, &aerr) && aerr.class == Timeout:
		// Usually the proxy waiting on a server whose packets are dropped further on.
		conn.Close()
		return nil, nil, h.fail(Timeout, PhaseProxy, "proxy "+paddr+": no answer to GET "+u.String())
	case errors.As(err, &aerr):
		conn.Close()
		h.cause = aerr.cause
		return nil, nil, h.fail(aerr.class, PhaseHTTP, "proxy "+paddr+", reading the answer: "+aerr.detail)
	case err != nil:
		conn.Close()
		return nil, nil, h.fail(httpErrClass(ctx, err), PhaseHTTP, "proxy "+paddr+", sending the request: "+err.Error())
	}
	return resp, conn, h
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
func (c *Checker) probeForwarded(ctx context.Context, p *url.URL, u *url.URL, stage func(Stage, string), h hop) hop {
	resp, conn, h := c.forward(ctx, p, u, stage, h)
	if conn == nil {
		return h
	}
	defer conn.Close() // the body is never read (see request)
	if proxyRefusal(resp.StatusCode) {
		return h.fail(Proxy, PhaseProxy, "the proxy answered "+resp.Status+" to GET "+u.String())
	}
	return answerHop(resp, u, h)
}
