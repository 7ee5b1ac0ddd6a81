package probe

import (
	"context"
	"net/url"
	"strings"
	"sync"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/diagnose"
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

// StartPortalProbe runs the probe beside the endpoints, within the same limit, and returns a
// function that waits for its verdict.
func (c *Prober) StartPortalProbe(ctx context.Context) func() diagnose.PortalVerdict {
	p := c.cfg.Portal
	if p == nil {
		return func() diagnose.PortalVerdict { return diagnose.PortalVerdict{} }
	}
	ch := make(chan diagnose.PortalVerdict, 1)
	go func() {
		pctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
		defer cancel()
		status, loc, body, err := c.get(pctx, p.URL, 4096)
		switch {
		case err != nil && status == 0:
			ch <- diagnose.PortalVerdict{}
		case status == 200 && strings.HasPrefix(strings.TrimSpace(string(body)), p.Body):
			ch <- diagnose.PortalVerdict{Known: true}
		default:
			page := p.URL
			if loc != "" {
				if next, err := url.Parse(p.URL); err == nil {
					if l, err := next.Parse(loc); err == nil {
						page = l.String()
					}
				}
			}
			ch <- diagnose.PortalVerdict{Known: true, Portal: true, Page: page}
		}
	}()
	return sync.OnceValue(func() diagnose.PortalVerdict { return <-ch })
}
