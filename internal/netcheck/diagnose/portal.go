package diagnose

import (
	"net/url"
	"strings"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// PortalVerdict is what the connectivity probe found: Known is false when it got no answer at all.
type PortalVerdict struct {
	Known, Portal bool
	Page          string // where the portal sent the probe, or the probe's own address
}

// sameCertificateHosts is how many names answering with one certificate that is not theirs
// make a portal: one filter or portal answering for every name.
const sameCertificateHosts = 3

// MarkPortal sets CauseCaptivePortal on the results the portal explains: when the probe was
// answered by a portal, or when many names answer with one certificate that is not theirs
// (and the probe did not show an open network), every failing result, every plain-http result
// (the portal may have answered it) and every result redirected to the portal's page.
func MarkPortal(results []Result, pv PortalVerdict) {
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
	portal := pv.Portal || (oneCert && !pv.Known)
	if !portal {
		return
	}
	page := pv.Page
	portalHost := ""
	if u, err := url.Parse(page); err == nil {
		portalHost = endpoints.Lower(u.Hostname())
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
