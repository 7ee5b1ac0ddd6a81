package proxy

import (
	"errors"
	"net/url"
	"time"
)

// DirectFallback is the "error" of a PAC script that gave no usable answer for an address: it
// threw, returned something that is not a list of proxies (garbage, undefined, ""), or ran past
// its limit. Chromium then sends the request DIRECT (net/proxy_resolution: a failed script
// "falls back to direct"; ProxyList::SetFromPacString uses DIRECT when nothing parses), and so
// does the check: Choices returns DIRECT with this error, which says why, for the result.
type DirectFallback struct {
	Reason string
}

func (e *DirectFallback) Error() string { return "went direct, as browsers do: " + e.Reason }

// directFallback is the answer of a failed evaluation: DIRECT, and why.
func directFallback(err error) ([]*url.URL, error) {
	return []*url.URL{nil}, &DirectFallback{Reason: err.Error()}
}

// AsDirectFallback reports whether err is a PAC failure the address went DIRECT after.
func AsDirectFallback(err error) (*DirectFallback, bool) {
	var fb *DirectFallback
	return fb, errors.As(err, &fb)
}

// lookupBudget is how long one name lookup of the script may take: half of the call's limit,
// so that a DNS server that drops the question leaves the script time to finish, and the
// answer (no address) is the same on every run rather than a race with the call's limit.
func (p *PAC) lookupBudget() time.Duration { return p.limit / 2 }
