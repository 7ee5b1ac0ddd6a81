package diagnose

import "github.com/auvenir/auvenir-onboard/internal/redact"

// maxSchemes bounds the sign-in schemes a result keeps of a 407: real proxies offer two or three.
const maxSchemes = 8

// Redact passes every text of r that came from outside (the list, the servers, the proxy, the
// PAC script) through redact.Text, the one masking and length bound of what is shown, written
// or put in --json, and cuts the list of sign-in schemes.
func (r *Result) Redact() {
	const long = 2 * redact.MaxValue // a detail quotes a URL and a reason
	r.URL = redact.Text(r.URL, long)
	r.Detail = redact.Text(r.Detail, long)
	r.PACFailed = redact.Text(r.PACFailed, long)
	r.TLSIssuer = redact.Text(r.TLSIssuer, redact.MaxValue)
	r.CauseURL = redact.Text(r.CauseURL, long)
	for i := range r.Redirects {
		h := &r.Redirects[i]
		h.URL = redact.Text(h.URL, long)
		h.Detail = redact.Text(h.Detail, long)
		h.TLSIssuer = redact.Text(h.TLSIssuer, redact.MaxValue)
	}
	if r.ProxyAuth != nil {
		r.ProxyAuth, r.ProxyAuthMore = redact.List(r.ProxyAuth, maxSchemes)
	}
}
