// Package netreport puts the results of package netcheck into words in the person's language:
// the label of each class, the step a check is at, the remedy for each failure, and the table
// printed by --check-network. The command line and the wizard both use it, so IT reading a
// terminal and a client on the "Before you begin" screen are told the same thing.
package netreport

import (
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/redact"
	"github.com/auvenir/auvenir-onboard/internal/sanitize"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Data is the template data of the Net* messages: the guide's facts and the flag names.
func Data() map[string]any {
	return guide.With(steps.Facts(),
		"CheckFlag", "--check-network",
		"TimeoutFlag", "--timeout",
		"ProxyFlag", "--proxy",
		"ProxyNoneFlag", "--proxy none",
		"PACFlag", "--pac",
		"PACName", "PAC",
		"SOCKS", "SOCKS",
		"WPAD", "WPAD",
		"EndpointsFlag", "--endpoints",
		"CAFileFlag", "--ca-file",
		"Format", "TOML",
		"URLKey", "url",
		"EndpointTable", "[[group.endpoint]]",
		"HTTPS", "https",
		"ProxySchemes", "http(s)://",
		"ProxyVar", "HTTPS_PROXY",
		"StrictFlag", "--strict",
		"ParallelFlag", "--parallel",
		"IPv4", "IPv4",
		"IPv6", "IPv6",
		"MTU", "MTU",
		"VPN", "VPN",
	)
}

var classIDs = map[netcheck.Class]string{
	netcheck.OK:             "NetClassOK",
	netcheck.DNS:            "NetClassDNS",
	netcheck.Refused:        "NetClassRefused",
	netcheck.Timeout:        "NetClassTimeout",
	netcheck.TLSUntrusted:   "NetClassTLSUntrusted",
	netcheck.TLSIntercepted: "NetClassTLSIntercepted",
	netcheck.TLSExpired:     "NetClassTLSExpired",
	netcheck.TLSHostname:    "NetClassTLSHostname",
	netcheck.HTTPStatus:     "NetClassHTTPStatus",
	netcheck.Proxy:          "NetClassProxy",
	netcheck.ProxyAuth:      "NetClassProxyAuth",
	netcheck.Error:          "NetClassError",
}

// Label is a class in a few words ("no answer", « aucune réponse »).
func Label(z *locales.Localizer, c netcheck.Class) string {
	if id, ok := classIDs[c]; ok {
		return z.T(id, Data())
	}
	return string(c)
}

// severity is the result's, graded now for a result made by hand (tests, older documents).
func severity(r netcheck.Result) netcheck.Severity {
	if r.Severity == "" {
		return netcheck.SeverityOf(r)
	}
	return r.Severity
}

var causeIDs = map[netcheck.Cause]string{
	netcheck.CauseDNSFilter:        "NetCauseDNSFilter",
	netcheck.CauseCaptivePortal:    "NetCauseCaptivePortal",
	netcheck.CauseIncompleteChain:  "NetCauseIncompleteChain",
	netcheck.CauseTLSStall:         "NetCauseTLSStall",
	netcheck.CauseTLSAlert:         "NetCauseTLSAlert",
	netcheck.CauseIPv6Broken:       "NetCauseIPv6Broken",
	netcheck.CauseOffline:          "NetCauseOffline",
	netcheck.CauseBlockPage:        "NetCauseBlockPage",
	netcheck.CauseHostUnreachable:  "NetCauseHostUnreachable",
	netcheck.CauseNoRoute:          "NetCauseNoRoute",
	netcheck.CauseLocalFirewall:    "NetCauseLocalFirewall",
	netcheck.CauseBlockServer:      "NetCauseBlockServer",
	netcheck.CauseDNSUnanswered:    "NetCauseDNSUnanswered",
	netcheck.CauseDNSServerFailure: "NetCauseDNSServerFailure",
	netcheck.CauseProxyRefusal:     "NetCauseProxyRefusal",
	netcheck.CauseHostsFile:        "NetCauseHostsFile",
}

// ResultLabel is a result in a few words: its cause when one is named, else its class, marked
// optional when the address is.
func ResultLabel(z *locales.Localizer, r netcheck.Result) string {
	label := Label(z, r.Class)
	if id, ok := causeIDs[r.Cause]; ok {
		label = z.T(id, guide.With(Data(), "Alert", clean(r.TLSAlert)))
	}
	if r.Endpoint.Optional && severity(r) != netcheck.SeverityOK {
		label = z.T("NetOptional", guide.With(Data(), "Label", label))
	}
	return label
}

var stageIDs = map[netcheck.Stage]string{
	netcheck.StageWaiting:    "NetStageWaiting",
	netcheck.StageResolving:  "NetStageResolving",
	netcheck.StageConnecting: "NetStageConnecting",
	netcheck.StageProxy:      "NetStageProxy",
	netcheck.StageTLS:        "NetStageTLS",
	netcheck.StageHTTP:       "NetStageHTTP",
	netcheck.StageRedirect:   "NetStageRedirect",
}

// StageText says what a running check is doing; host matters after a redirect.
func StageText(z *locales.Localizer, s netcheck.Stage, host string) string {
	if id, ok := stageIDs[s]; ok {
		return z.T(id, guide.With(Data(), "Host", clean(netcheck.DisplayHost(host))))
	}
	return ""
}

// Duration is "182 ms" under a second and "5.0 s" above, with the language's decimal mark.
func Duration(z *locales.Localizer, d time.Duration) string {
	if d < time.Second {
		return z.T("NetMillis", guide.With(Data(), "N", strconv.FormatInt(d.Milliseconds(), 10)))
	}
	s := strconv.FormatFloat(d.Seconds(), 'f', 1, 64)
	if z.Lang() == locales.French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return z.T("NetSeconds", guide.With(Data(), "N", s))
}

// Limit is a --timeout value as the person would say it ("5 s", "1.5 s", "800 ms").
func Limit(z *locales.Localizer, d time.Duration) string {
	if d < time.Second {
		return Duration(z, d)
	}
	s := strconv.FormatFloat(d.Seconds(), 'f', -1, 64)
	if z.Lang() == locales.French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return z.T("NetSeconds", guide.With(Data(), "N", s))
}

// GroupName is the heading of a group: translated for the built-in groups, the file's own name
// for others.
func GroupName(z *locales.Localizer, ep netcheck.Endpoint) string {
	switch ep.Group {
	case "auvenir":
		return z.T("NetGroupAuvenir", Data())
	case "microsoft":
		return z.T("NetGroupMicrosoft", Data())
	case "revocation":
		return z.T("NetGroupRevocation", Data())
	case "phone":
		return z.T("NetGroupPhone", Data())
	case netcheck.GroupCommandLine:
		return z.T("NetGroupCommandLine", Data())
	}
	if ep.GroupName != "" {
		return clean(ep.GroupName)
	}
	return clean(ep.Group)
}

// ProxyLines say which proxy the check uses and where the setting came from, then, when a
// setting was found that cannot be used, why, and the command that would check through it.
func ProxyLines(z *locales.Localizer, p netcheck.ProxySetting) []string {
	d := guide.With(Data(), "Proxy", clean(p.Configured), "PAC", clean(p.PAC))
	var out []string
	switch {
	case p.Disabled:
		out = append(out, z.T("NetProxyDisabled", d))
	case p.Source == netcheck.ProxyFromFlag:
		out = append(out, z.T("NetProxyFlag", d))
	case p.Source == netcheck.ProxyFromPAC:
		out = append(out, z.T("NetProxyPACFile", d))
	case p.Source == netcheck.ProxyFromEnvironment && p.Configured == "" && p.HTTPOnly != "":
		out = append(out, z.T("NetProxyEnvHTTPOnly", guide.With(d, "Proxy", clean(p.HTTPOnly), "Var", clean(p.Var))))
	case p.Source == netcheck.ProxyFromEnvironment:
		out = append(out, z.T("NetProxyEnv", guide.With(d, "Var", clean(p.Var))))
	case p.Source == netcheck.ProxyFromSystem && p.AutoDetect:
		out = append(out, z.T("NetProxySystemAuto", d))
	case p.Source == netcheck.ProxyFromSystem && p.PAC != "":
		out = append(out, z.T("NetProxySystemPAC", d))
	case p.Source == netcheck.ProxyFromSystem:
		out = append(out, z.T("NetProxySystem", d))
	case p.Unusable == nil:
		out = append(out, z.T("NetProxyDirect", d))
	}
	if u := p.Unusable; u != nil {
		d := guide.With(d, "Setting", clean(u.Setting), "Detail", clean(u.Reason), "Var", clean(u.Origin))
		switch {
		case u.Origin == netcheck.ProxyFromSystem && u.Setting == "":
			out = append(out, z.T("NetProxyUnreadable", d))
		case u.Origin == netcheck.ProxyFromSystem:
			out = append(out, z.T("NetProxyUnusable", d))
		default:
			out = append(out, z.T("NetProxyUnusableVar", d))
		}
		if u.Try != "" {
			out = append(out, z.T("NetProxyTry", guide.With(d, "Option", clean(u.Try))))
		}
	}
	return out
}

// Remedy is one sentence saying what to change for a failed result; "" for ok.
func Remedy(z *locales.Localizer, r netcheck.Result, timeout time.Duration) string {
	host, port := r.FailedHost, r.FailedPort
	if host == "" {
		host, port = r.Endpoint.Host, r.Endpoint.Port
	}
	rule := host
	if host == r.Endpoint.Host && r.Endpoint.Allow != "" {
		rule = r.Endpoint.Allow
	}
	ip := r.IP
	if len(r.Redirects) > 0 && host != r.Endpoint.Host {
		ip = r.Redirects[len(r.Redirects)-1].IP
	}
	if ip == "" {
		ip = host
	}
	aiaHost := r.CauseURL
	if u, err := url.Parse(r.CauseURL); err == nil && u.Hostname() != "" {
		aiaHost = u.Hostname()
	}
	d := guide.With(Data(),
		"Host", clean(host), "HostPort", clean(hostPort(host, port)), "Rule", clean(rule), "IP", clean(ip),
		"Alert", clean(r.TLSAlert), "URL", clean(r.CauseURL), "AIAHost", clean(aiaHost), "Answer", clean(r.DNSAnswer),
		"Issuer", clean(shortIssuer(r.TLSIssuer)), "Names", clean(NameList(z, r.CertNames)),
		"Timeout", Limit(z, timeout), "Proxy", clean(r.Proxy), "Detail", clean(detailIn(z, r)),
		"ProxyHost", clean(strings.TrimPrefix(strings.TrimPrefix(r.Proxy, "http://"), "https://")),
		"Schemes", clean(SchemeList(z, r)),
		"Status", strconv.Itoa(lastStatus(r)),
		"Date", r.NotAfter.UTC().Format("2006-01-02"),
		"Limit", headerLimit(z),
		"Wait", Duration(z, r.DNSWait), "Rcode", strings.ToUpper(r.DNSRcode), "ProxyError", clean(r.ProxyError),
		"Where", proxyWhere(z, r.ProxyOrigin))
	if r.Phase == netcheck.PhaseDNS && r.DNSWait > 0 {
		// What the resolver really waited, not the limit the check would have allowed.
		d = guide.With(d, "Timeout", Duration(z, r.DNSWait))
	}
	if id := causeFixIDs[r.Cause]; id != "" {
		if r.Cause == netcheck.CauseIncompleteChain && r.Class != netcheck.OK {
			id = "NetFixIncompleteChainFetch"
		}
		if r.Cause == netcheck.CauseOversizedAnswer && r.Phase == netcheck.PhaseProxy {
			id = "NetFixOversizedProxy"
		}
		return z.T(id, d)
	}
	var id string
	switch r.Class {
	case netcheck.OK:
		return ""
	case netcheck.DNS:
		id = "NetFixDNS"
	case netcheck.Refused:
		id = "NetFixRefused"
	case netcheck.Timeout:
		id = map[netcheck.Phase]string{netcheck.PhaseDNS: "NetFixTimeoutDNS", netcheck.PhaseConnect: "NetFixTimeoutConnect",
			netcheck.PhaseProxy: "NetFixTimeoutProxy", netcheck.PhaseTLS: "NetFixTimeoutTLS"}[r.Phase]
		if id == "" {
			id = "NetFixTimeoutHTTP"
		}
	case netcheck.TLSUntrusted:
		id = "NetFixUntrusted"
	case netcheck.TLSIntercepted:
		id = "NetFixIntercepted"
	case netcheck.TLSExpired:
		id = "NetFixExpired"
	case netcheck.TLSHostname:
		id = "NetFixHostname"
	case netcheck.HTTPStatus:
		id = "NetFixHTTPStatus"
	case netcheck.Proxy:
		id = "NetFixProxy"
		switch r.Phase {
		case netcheck.PhaseProxyReach:
			id = "NetFixProxyReach"
		case netcheck.PhasePAC:
			id = "NetFixPAC"
		}
	case netcheck.ProxyAuth:
		id = "NetFixProxyAuth"
		switch {
		case r.SignInRefused:
			id = "NetFixProxyAuthRefused"
		case windowsSignInOnly(r.ProxyAuth):
			// A password in the proxy URL would never be sent to it in Basic: no such advice.
			id = "NetFixProxyAuthWindows"
		}
	default:
		id = "NetFixError"
		if r.Phase == netcheck.PhaseTLS {
			id = "NetFixErrorTLS"
		}
	}
	return z.T(id, d)
}

// causeFixIDs are the remedies of the named culprits; they replace the class's. Offline and
// captive portal give the same sentence for every address: said once (Remedies).
var causeFixIDs = map[netcheck.Cause]string{
	netcheck.CauseDNSFilter:        "NetFixDNSFilter",
	netcheck.CauseCaptivePortal:    "NetFixCaptivePortal",
	netcheck.CauseIncompleteChain:  "NetFixIncompleteChain",
	netcheck.CauseTLSStall:         "NetFixTLSStall",
	netcheck.CauseTLSAlert:         "NetFixTLSAlert",
	netcheck.CauseIPv6Broken:       "NetFixIPv6Broken",
	netcheck.CauseOffline:          "NetFixOffline",
	netcheck.CauseBlockPage:        "NetFixBlockPage",
	netcheck.CauseOversizedAnswer:  "NetFixOversized",
	netcheck.CauseHostUnreachable:  "NetFixHostUnreachable",
	netcheck.CauseNoRoute:          "NetFixNoRoute",
	netcheck.CauseLocalFirewall:    "NetFixLocalFirewall",
	netcheck.CauseBlockServer:      "NetFixBlockServer",
	netcheck.CauseDNSUnanswered:    "NetFixDNSUnanswered",
	netcheck.CauseDNSServerFailure: "NetFixDNSServerFailure",
	netcheck.CauseProxyRefusal:     "NetFixProxyRefusal",
	netcheck.CauseHostsFile:        "NetFixHostsFile",
}

// ownerIDs are the words for who acts on a verdict.
var ownerIDs = map[netcheck.Owner]string{
	netcheck.OwnerFirewall:    "NetOwnerFirewall",
	netcheck.OwnerProxy:       "NetOwnerProxy",
	netcheck.OwnerDNS:         "NetOwnerDNS",
	netcheck.OwnerWorkstation: "NetOwnerWorkstation",
	netcheck.OwnerSupport:     "NetOwnerSupport",
	netcheck.OwnerNobody:      "NetOwnerNobody",
}

// OwnerName is who acts, in words.
func OwnerName(z *locales.Localizer, o netcheck.Owner) string {
	if id, ok := ownerIDs[o]; ok {
		return z.T(id, Data())
	}
	return string(o)
}

// RemedyLine is a result's remedy for the table: who acts, what to change, and the error a
// Chromium browser shows for the same failure; "" for ok.
func RemedyLine(z *locales.Localizer, r netcheck.Result, timeout time.Duration) string {
	fix := Remedy(z, r, timeout)
	if fix == "" {
		return ""
	}
	owner := r.Owner
	if owner == "" {
		owner = netcheck.OwnerOf(r)
	}
	netErr := r.NetError
	if netErr == "" {
		netErr = netcheck.NetError(r)
	}
	d := guide.With(Data(), "Owner", OwnerName(z, owner), "Fix", fix, "NetError", netErr)
	if netErr == "" {
		return z.T("NetFixLineNoError", d)
	}
	return z.T("NetFixLine", d)
}

// UnlistedRemedies are the sentences for redirects to hosts outside the list: IT must allow
// them as well, even when they answered.
func UnlistedRemedies(z *locales.Localizer, r netcheck.Result) []string {
	var out []string
	from := r.Endpoint.Host
	for _, h := range r.Redirects {
		if !h.Listed {
			out = append(out, z.T("NetFixUnlisted", guide.With(Data(), "From", clean(from), "Host", clean(h.Host))))
		}
		from = h.Host
	}
	return out
}

func lastStatus(r netcheck.Result) int {
	for i := len(r.Redirects) - 1; i >= 0; i-- {
		if r.Redirects[i].HTTPStatus != 0 {
			return r.Redirects[i].HTTPStatus
		}
	}
	return r.HTTPStatus
}

func hostPort(host, port string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]:" + port
	}
	return host + ":" + port
}

// shortIssuer is the issuer's common name, else its organisation, else the whole name. dn is
// pkix.Name.String(): attributes separated by commas, commas inside values escaped as "\,".
func shortIssuer(dn string) string {
	var parts []string
	start := 0
	for i := 0; i < len(dn); i++ {
		switch dn[i] {
		case '\\':
			i++
		case ',':
			parts = append(parts, dn[start:i])
			start = i + 1
		}
	}
	parts = append(parts, dn[start:])
	for _, key := range []string{"CN=", "O="} {
		for _, part := range parts {
			if v, ok := strings.CutPrefix(part, key); ok {
				return strings.ReplaceAll(v, "\\", "")
			}
		}
	}
	return dn
}

// clean is text from outside (a server, a proxy, a file, an argument) made safe to write to a
// terminal: every table, live line and remedy goes through it; the JSON document does not.
// clean is every value from outside as this package shows it: passwords masked and length
// bounded (redact.Text, the same pass as the results'), escape sequences removed.
func clean(s string) string { return sanitize.Text(redact.Text(s, 2*redact.MaxValue)) }

// headerLimit is netcheck.MaxHeaderBytes as the person writes it: "100 KB", « 100 Ko ».
func headerLimit(z *locales.Localizer) string {
	unit := " KB"
	if z.Lang() == locales.French {
		unit = "\u00a0Ko"
	}
	return strconv.Itoa(netcheck.MaxHeaderBytes>>10) + unit
}

// proxyWhere names where the proxy an address used came from, for the remedy that asks to
// check it: the flag, the variable, the system's settings, or the PAC file that chose it.
func proxyWhere(z *locales.Localizer, origin string) string {
	switch origin {
	case netcheck.ProxyFromFlag, "":
		return "--proxy"
	case netcheck.ProxyFromPAC, "system_pac":
		return z.T("NetProxyWherePAC", Data())
	case netcheck.ProxyFromSystem:
		if runtime.GOOS == "darwin" {
			return z.T("NetProxyWhereMac", Data())
		}
		return z.T("NetProxyWhereWindows", Data())
	}
	return z.T("NetProxyWhereVar", guide.With(Data(), "Var", clean(origin)))
}

// detailKinds are the words for how a connection ended, said instead of the system's English
// message in French.
var detailKinds = map[string]string{
	netcheck.ErrKindRefused: "NetDetailRefused", netcheck.ErrKindReset: "NetDetailReset",
	netcheck.ErrKindClosed: "NetDetailClosed", netcheck.ErrKindTimeout: "NetDetailTimeout",
	netcheck.ErrKindHostUnreachable: "NetDetailHostUnreachable", netcheck.ErrKindNetUnreachable: "NetDetailNetUnreachable",
	netcheck.ErrKindBlockedHere: "NetDetailBlockedHere",
}

// detailIn is a result's technical detail for a remedy in the person's language: in English
// the system's message as it came; in French the kind of failure in French when it is known,
// else the message marked as English (issue 19: the French table carried English details).
func detailIn(z *locales.Localizer, r netcheck.Result) string {
	if z.Lang() != locales.French || r.Detail == "" {
		return r.Detail
	}
	if id, ok := detailKinds[r.ErrKind]; ok {
		return z.T(id, Data())
	}
	return z.T("NetDetailInEnglish", guide.With(Data(), "Detail", r.Detail))
}
