package diagnose

import (
	"net"
	"strconv"
	"strings"
)

// Owner is who acts on a verdict. The strings are part of the JSON document: never change them.
type Owner string

const (
	OwnerNobody      Owner = "nobody"      // it works (or only the server can fix it)
	OwnerFirewall    Owner = "firewall"    // the firewall or network team: rules, routes, MTU
	OwnerProxy       Owner = "proxy"       // the proxy team: the proxy, its rules, its inspection
	OwnerDNS         Owner = "dns"         // the DNS team: the DNS server or DNS filter
	OwnerWorkstation Owner = "workstation" // this computer: its settings, its network, its user
	OwnerSupport     Owner = "support"     // unexplained: Auvenir's support reads the details
)

// Owners lists every owner, in the order the documentation gives them.
var Owners = []Owner{OwnerFirewall, OwnerProxy, OwnerDNS, OwnerWorkstation, OwnerNobody, OwnerSupport}

// How a failed connection or exchange ended (Result.ErrKind): the system's error number read
// the same way on every system (package probe).
const (
	ErrKindRefused         = "refused"          // nothing listens, or a firewall answers with a reset
	ErrKindReset           = "reset"            // an open connection was reset
	ErrKindClosed          = "closed"           // the peer closed the connection (EOF)
	ErrKindTimeout         = "timeout"          // no answer within the limit
	ErrKindHostUnreachable = "host_unreachable" // an ICMP host unreachable (or prohibited) answer
	ErrKindNetUnreachable  = "net_unreachable"  // no route to the network from this computer
	ErrKindBlockedHere     = "blocked_here"     // this computer's firewall refused (WSAEACCES, EPERM)
)

// How a name's lookup failed (Result.DNSRcode).
const (
	DNSRcodeNXDomain = "nxdomain" // the DNS server says the name does not exist
	DNSRcodeNoAddr   = "noaddr"   // the name exists without an address
	DNSRcodeServFail = "servfail" // the DNS server failed (SERVFAIL): it could not ask further
	DNSRcodeRefused  = "refused"  // the DNS server refused to answer (REFUSED)
	DNSRcodeTimeout  = "timeout"  // no DNS server answered
)

// Causes found by judging what was observed.
const (
	// CauseHostUnreachable: a router or firewall answered the connection with ICMP "host
	// unreachable" or "administratively prohibited". Class refused.
	CauseHostUnreachable Cause = "host_unreachable"
	// CauseNoRoute: this computer has no route to the address's network (a VPN that took the
	// routes, no default gateway). Class refused.
	CauseNoRoute Cause = "no_route"
	// CauseLocalFirewall: this computer's own firewall refused the outgoing connection
	// (Windows Firewall's outbound rule: WSAEACCES). Class refused.
	CauseLocalFirewall Cause = "local_firewall"
	// CauseBlockServer: many names answer with the same certificate that is theirs not, and the
	// connectivity test is answered normally: a filter (DNS, like Cisco Umbrella's, or a
	// transparent proxy) sends the blocked names to its block server.
	CauseBlockServer Cause = "block_server"
	// CauseDNSUnanswered: the network is up but the DNS server does not answer for these names
	// (it drops the questions). Class timeout.
	CauseDNSUnanswered Cause = "dns_unanswered"
	// CauseDNSServerFailure: the DNS server answered SERVFAIL or REFUSED, not "no such name".
	// Class dns.
	CauseDNSServerFailure Cause = "dns_server_failure"
	// CauseProxyRefusal: the proxy answered with its own error page: it could not
	// reach the address (Squid's 503 ERR_CONNECT_FAIL) or refused it (403, 451). Class proxy.
	CauseProxyRefusal Cause = "proxy_refusal"
	// CauseHostsFile: this computer's hosts file sends the name to a sinkhole address (0.0.0.0,
	// 127.0.0.1), where the connection then failed. Class dns.
	CauseHostsFile Cause = "hosts_file"
)

// Judge names the cause of one result from what the probe observed. It reads nothing but r.
func Judge(r *Result) {
	// The browser's error is the failed step's, before a sinkhole renames the class (its
	// refused connection is ERR_CONNECTION_REFUSED in the browser).
	step := r.NetError // judged before (a result is judged alone, then with the run's)
	if step == "" {
		step = NetError(*r)
	}
	defer func() {
		if r.Cause == CauseDNSFilter || r.Cause == CauseHostsFile {
			r.NetError = step
		} else {
			r.NetError = NetError(*r)
		}
	}()
	switch {
	case r.DNSAnswer != "" && failing(*r):
		// The name resolved to a sinkhole address and the connection to it failed: only now
		// is the answer the culprit, and where it came from says who gave it.
		from := "the DNS server"
		r.Cause = CauseDNSFilter
		if r.DNSSource == "hosts" {
			from, r.Cause = "this computer's hosts file", CauseHostsFile
		}
		if !strings.HasPrefix(r.Detail, "the name resolved") {
			r.Detail = "the name resolved to " + r.DNSAnswer + " (from " + from + "), the answer a DNS filter gives for a blocked name, and there: " + r.Detail
		}
		r.Class, r.Phase = DNS, PhaseDNS
	case r.Class == Refused && r.ErrKind == ErrKindHostUnreachable:
		r.Cause = CauseHostUnreachable
	case r.Class == Refused && r.ErrKind == ErrKindNetUnreachable:
		r.Cause = CauseNoRoute
	case r.Class == Refused && r.ErrKind == ErrKindBlockedHere:
		r.Cause = CauseLocalFirewall
	case r.Class == Timeout && r.Phase == PhaseDNS && r.Cause == "":
		r.Cause = CauseDNSUnanswered
	case r.Class == DNS && r.Cause == "" && (r.DNSRcode == DNSRcodeServFail || r.DNSRcode == DNSRcodeRefused):
		r.Cause = CauseDNSServerFailure
	case r.Class == Proxy && r.Cause == "" && r.ProxyError != "":
		r.Cause = CauseProxyRefusal
	case r.Class == HTTPStatus && r.ProxyError != "",
		r.Class == OK && proxyRefusal(r.HTTPStatus) && r.ProxyError != "",
		r.Class == OK && r.HTTPStatus == 451:
		// Not the server's answer: a proxy on the way (configured, or transparent) answered
		// for itself that it could not reach the address (Squid's 503 ERR_CONNECT_FAIL) or
		// refused it (403, and 451 whoever sends it). Browsers show that page, not the site.
		r.Class, r.Phase, r.Cause, r.Reachable = Proxy, PhaseProxy, CauseProxyRefusal, false
		r.Detail = "the answer " + strconv.Itoa(r.HTTPStatus) + " comes from a proxy on the way, not from the server"
		if r.ProxyError != "" {
			r.Detail += " (" + r.ProxyError + ")"
		}
	case r.Class == TLSUntrusted && r.Cause == CauseIncompleteChain:
		// The issuer could not be fetched from the certificate's AIA address: nothing shows the
		// chain is a real one missing its intermediate. For Microsoft's hosts the issuer that
		// neither this computer nor the public roots know is an inspection device: the remedy is
		// to exempt the host from inspection (or trust the device's root), not to open the AIA
		// host the device wrote into its own certificate.
		r.Cause, r.CauseURL = "", ""
	}
}

// Finish grades a judged result and names the browser's error and who acts.
func Finish(r *Result) {
	r.Severity = SeverityOf(*r)
	if r.Cause != CauseDNSFilter && r.Cause != CauseHostsFile {
		r.NetError = NetError(*r)
	}
	r.Owner = OwnerOf(*r)
}

// Facts are what the run observed beside the addresses.
type Facts struct {
	ProxyConfigured string        // the run's proxy setting, "" for none
	Network         bool          // this computer has an interface that reaches past its link
	Portal          PortalVerdict // the connectivity test's answer
}

// Diagnose judges every result, then what only the whole run shows (offline, a captive
// portal, a block server, IPv6 dropped everywhere), then grades them. Same results and facts,
// same verdicts.
func Diagnose(results []Result, f Facts) {
	for i := range results {
		Judge(&results[i])
	}
	MarkOffline(results, f.ProxyConfigured, f.Network)
	MarkPortal(results, f.Portal)
	MarkIPv6Only(results)
	for i := range results {
		Finish(&results[i])
	}
}

// NetError is the error a Chromium browser shows for the result (net/base/net_error_list.h),
// "" when a browser gets the page.
func NetError(r Result) string {
	switch r.Cause {
	case CauseOffline, CauseNoRoute:
		return "ERR_INTERNET_DISCONNECTED"
	case CauseHostUnreachable:
		return "ERR_ADDRESS_UNREACHABLE"
	case CauseLocalFirewall:
		return "ERR_ACCESS_DENIED"
	case CauseOversizedAnswer:
		return "ERR_RESPONSE_HEADERS_TOO_BIG"
	case CauseBlockPage:
		return "ERR_BLOCKED_BY_ADMINISTRATOR"
	}
	switch r.Class {
	case OK, TLSIntercepted, HTTPStatus:
		return ""
	case DNS:
		return "ERR_NAME_NOT_RESOLVED"
	case Refused:
		return "ERR_CONNECTION_REFUSED"
	case Timeout:
		switch r.Phase {
		case PhaseDNS:
			return "ERR_NAME_NOT_RESOLVED"
		case PhaseConnect:
			return "ERR_CONNECTION_TIMED_OUT"
		}
		return "ERR_TIMED_OUT"
	case TLSUntrusted:
		return "ERR_CERT_AUTHORITY_INVALID"
	case TLSExpired:
		return "ERR_CERT_DATE_INVALID"
	case TLSHostname:
		return "ERR_CERT_COMMON_NAME_INVALID"
	case Proxy:
		switch r.Phase {
		case PhaseProxyReach:
			return "ERR_PROXY_CONNECTION_FAILED"
		case PhasePAC:
			return "ERR_PAC_SCRIPT_FAILED"
		}
		if strings.HasPrefix(r.URL, "http://") {
			// A forwarded GET: the browser shows the proxy's own error page.
			return "ERR_HTTP_RESPONSE_CODE_FAILURE"
		}
		return "ERR_TUNNEL_CONNECTION_FAILED"
	case ProxyAuth:
		if r.SignInRefused {
			return "ERR_INVALID_AUTH_CREDENTIALS"
		}
		return "ERR_PROXY_AUTH_UNSUPPORTED"
	}
	switch {
	case r.TLSAlert == "handshake_failure" || r.TLSAlert == "protocol_version" || r.TLSAlert == "insufficient_security":
		return "ERR_SSL_VERSION_OR_CIPHER_MISMATCH"
	case r.TLSAlert != "":
		return "ERR_SSL_PROTOCOL_ERROR"
	case r.ErrKind == ErrKindReset:
		return "ERR_CONNECTION_RESET"
	case r.ErrKind == ErrKindClosed && r.Phase == PhaseHTTP:
		return "ERR_EMPTY_RESPONSE"
	case r.ErrKind == ErrKindClosed:
		return "ERR_CONNECTION_CLOSED"
	}
	return "ERR_FAILED"
}

// OwnerOf is who acts on the result.
func OwnerOf(r Result) Owner {
	if r.Severity == SeverityOK || (r.Class == OK && r.Cause == "") {
		return OwnerNobody
	}
	switch r.Cause {
	case CauseOffline, CauseCaptivePortal, CauseNoRoute, CauseLocalFirewall:
		return OwnerWorkstation
	case CauseHostsFile:
		return OwnerWorkstation
	case CauseDNSFilter:
		return OwnerDNS
	case CauseDNSUnanswered, CauseDNSServerFailure, CauseBlockServer:
		return OwnerDNS
	case CauseIncompleteChain:
		if r.Class == OK {
			return OwnerNobody // the server's configuration; browsers cope
		}
		return OwnerFirewall
	case CauseTLSStall, CauseIPv6Broken, CauseHostUnreachable:
		return OwnerFirewall
	case CauseBlockPage, CauseProxyRefusal:
		return viaProxy(r)
	}
	switch r.Class {
	case HTTPStatus:
		return OwnerNobody // the network is fine: the server answered
	case DNS:
		return OwnerDNS
	case Proxy:
		return OwnerProxy
	case ProxyAuth:
		if r.SignInRefused {
			return OwnerWorkstation // the credentials given
		}
		return OwnerProxy
	case TLSExpired:
		return OwnerWorkstation // the computer's clock first
	case TLSIntercepted, TLSUntrusted, TLSHostname:
		return viaProxy(r)
	case Timeout:
		if r.Phase == PhaseDNS {
			return OwnerDNS
		}
		return viaProxy(r)
	case Refused:
		return viaProxy(r)
	case Error:
		if r.Phase == PhaseTLS || r.Phase == PhaseHTTP {
			return viaProxy(r)
		}
	}
	return OwnerSupport
}

// viaProxy is the proxy team when the traffic went through a proxy (its rules, its inspection),
// the firewall team otherwise.
func viaProxy(r Result) Owner {
	if r.Proxy != "" {
		return OwnerProxy
	}
	return OwnerFirewall
}

// failing: the result did not reach a working answer (a 5xx answer and a trusted inspection
// that let the page through do reach one).
func failing(r Result) bool {
	switch r.Class {
	case OK, HTTPStatus:
		return false
	case TLSIntercepted:
		return r.Cause == CauseBlockPage || r.HTTPStatus == 0
	}
	return true
}

// proxyRefusal is a status a proxy gives for itself: refused (403, 451) or could not reach
// the address (502, 503, 504).
func proxyRefusal(status int) bool {
	switch status {
	case 403, 451, 502, 503, 504:
		return true
	}
	return false
}

// MarkIPv6Only names the IPv6 path as the culprit for the names that have only IPv6 addresses
// and whose connection or exchange went unanswered, when other addresses of the run worked
// over IPv4: the network drops IPv6, and there is no IPv4 address to fall back to.
func MarkIPv6Only(results []Result) {
	v4works := false
	for _, r := range results {
		if ip := net.ParseIP(r.IP); ip != nil && ip.To4() != nil && r.Proxy == "" && !failing(r) {
			v4works = true
		}
	}
	if !v4works {
		return
	}
	for i := range results {
		r := &results[i]
		if r.IPv6Only && r.Cause == "" && r.Proxy == "" && r.Class == Timeout && r.Phase != PhaseDNS {
			r.Cause = CauseIPv6Broken
			r.Detail = "the name has only IPv6 addresses and nothing came back over IPv6 (" + r.IP + "), while IPv4 works for other addresses: " + r.Detail
		}
	}
}

// Reached reports whether the address gave a working answer (a 5xx and a trusted inspection
// that let the page through count; an optional address that failed does not, though it only
// warns): what "reachable" counts.
func Reached(r Result) bool { return !failing(r) && r.Cause != CauseCaptivePortal }
