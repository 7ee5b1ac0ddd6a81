package netcheck

import (
	"context"
	"net/url"
	"strings"
	"sync"
)

// PortalProbe is a connectivity test: a plain-http address whose answer is known. A captive
// portal (hotel, airport) answers it itself, or redirects it to its sign-in page.
type PortalProbe struct {
	URL  string
	Body string // what the answer's body starts with when nothing is in the way
}

// DefaultPortalProbe is Windows' own connectivity test (NCSI): a plain-http GET of
// http://www.msftconnecttest.com/connecttest.txt, whose body is "Microsoft Connect Test"
// (Microsoft Learn, "Troubleshoot the Network Connectivity Status Indicator").
var DefaultPortalProbe = &PortalProbe{URL: "http://www.msftconnecttest.com/connecttest.txt", Body: "Microsoft Connect Test"}

// portalVerdict is what the probe found: known is false when it got no answer at all.
type portalVerdict struct {
	known, portal bool
	page          string // where the portal sent the probe, or the probe's own address
}

// startPortalProbe runs the probe beside the endpoints, within the same limit, and returns a
// function that waits for its verdict.
func (c *Checker) startPortalProbe(ctx context.Context) func() portalVerdict {
	p := c.cfg.Portal
	if p == nil {
		return func() portalVerdict { return portalVerdict{} }
	}
	ch := make(chan portalVerdict, 1)
	go func() {
		pctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
		defer cancel()
		status, loc, body, err := c.get(pctx, p.URL, 4096)
		switch {
		case err != nil && status == 0:
			ch <- portalVerdict{}
		case status == 200 && strings.HasPrefix(strings.TrimSpace(string(body)), p.Body):
			ch <- portalVerdict{known: true}
		default:
			page := p.URL
			if loc != "" {
				if next, err := url.Parse(p.URL); err == nil {
					if l, err := next.Parse(loc); err == nil {
						page = l.String()
					}
				}
			}
			ch <- portalVerdict{known: true, portal: true, page: page}
		}
	}()
	return sync.OnceValue(func() portalVerdict { return <-ch })
}

// sameCertificateHosts is how many names answering with one certificate that is not theirs
// make a portal: one filter or portal answering for every name.
const sameCertificateHosts = 3

// markPortal sets CauseCaptivePortal on the results the portal explains: when the probe was
// answered by a portal, or when many names answer with one certificate that is not theirs
// (and the probe did not show an open network), every failing result, every plain-http result
// (the portal may have answered it) and every result redirected to the portal's page.
func (c *Checker) markPortal(results []Result, pv portalVerdict) {
	byCert := map[string]map[string]bool{}
	for _, r := range results {
		if r.CertSHA256 == "" || (r.Class != TLSHostname && r.Class != TLSUntrusted) {
			continue
		}
		if byCert[r.CertSHA256] == nil {
			byCert[r.CertSHA256] = map[string]bool{}
		}
		byCert[r.CertSHA256][r.FailedHost] = true
	}
	oneCert := false
	for _, hosts := range byCert {
		if len(hosts) >= sameCertificateHosts {
			oneCert = true
		}
	}
	portal := pv.portal || (oneCert && !pv.known)
	if !portal {
		return
	}
	page := pv.page
	portalHost := ""
	if u, err := url.Parse(page); err == nil {
		portalHost = lower(u.Hostname())
	}
	for i := range results {
		r := &results[i]
		if r.Cause == CauseOffline {
			continue
		}
		mark := r.Class != OK || strings.HasPrefix(r.URL, "http://")
		for _, h := range r.Redirects {
			if portalHost != "" && h.Host == portalHost {
				mark = true
			}
		}
		if mark {
			r.Cause, r.CauseURL = CauseCaptivePortal, page
		}
	}
}
