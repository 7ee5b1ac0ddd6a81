package probe

import (
	"context"
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
		if err != nil && status == 0 {
			ch <- diagnose.PortalVerdict{}
			return
		}
		ch <- diagnose.PortalAnswer(p.URL, status, loc, strings.HasPrefix(strings.TrimSpace(string(body)), p.Body))
	}()
	return sync.OnceValue(func() diagnose.PortalVerdict { return <-ch })
}
