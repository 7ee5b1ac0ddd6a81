package probe

import (
	"context"
	"net/url"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/diagnose"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// Check observes one endpoint and the redirects it leads to, within Timeout. list is the whole
// list being checked: a redirect to a host it does not cover is flagged as one more to allow.
// The result holds the class of the step that failed and what was seen; package diagnose
// judges it.
func (c *Prober) Check(ctx context.Context, ep endpoints.Endpoint, list []endpoints.Endpoint, stage func(Stage, string)) diagnose.Result {
	return c.check(ctx, ep, list, stage)
}

// passes reports whether the chain goes on after h: an answer over a verified connection, or
// over an inspection this computer trusts that is not a block page.
func (h hop) passes() bool {
	return h.class == OK || (h.class == TLSIntercepted && h.cause != CauseBlockPage && h.status != 0)
}

func (c *Prober) check(ctx context.Context, ep Endpoint, list []Endpoint, stage func(Stage, string)) Result {
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
	r.ErrKind, r.DNSSource, r.DNSRcode, r.DNSWait = failed.errKind, failed.dnsSource, failed.dnsRcode, failed.dnsWait
	r.ProxyError, r.IPv6Only, r.PACFailed = failed.proxyError, failed.ipv6Only, failed.pacFailed
	if r.Proxy != "" {
		r.ProxyOrigin = c.cfg.Proxy.Origin()
	}
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
	r.Redact()
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
