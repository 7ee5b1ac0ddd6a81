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
	if !pv.Portal {
		if oneCert {
			markBlockServer(results, byCert)
		}
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

// markBlockServer names the failures answered by one certificate for many names when the
// connectivity test shows no portal (it was answered normally, or not at all): a filter sends
// the blocked names to its block server (Cisco Umbrella's answers every blocked name with its
// own certificate). It has no sign-in page to open, so no portal verdict with an empty address.
func markBlockServer(results []Result, byCert map[string]map[string]bool) {
	for i := range results {
		r := &results[i]
		if r.Cause == "" && len(byCert[r.CertSHA256]) >= sameCertificateHosts &&
			(r.Class == TLSHostname || r.Class == TLSUntrusted) {
			r.Cause = CauseBlockServer
		}
	}
}

// PortalAnswer is what the connectivity test's answer says: status and location of the answer
// to its plain-http address, and whether the body is the expected one. Only a redirect, another
// page in place of the expected one, or 511 (RFC 6585, network authentication required) is a
// portal. A refusal (403, 451), a proxy's error or a server error says the test is blocked by
// policy, not that a portal holds the traffic: unknown.
func PortalAnswer(probeURL string, status int, location string, expectedBody bool) PortalVerdict {
	switch {
	case status == 200 && expectedBody:
		return PortalVerdict{Known: true}
	case status == 511, status == 200, status >= 300 && status < 400 && location != "":
		page := probeURL
		if location != "" {
			if base, err := url.Parse(probeURL); err == nil {
				if l, err := base.Parse(location); err == nil {
					page = l.String()
				}
			}
		}
		return PortalVerdict{Known: true, Portal: true, Page: page}
	}
	return PortalVerdict{}
}
