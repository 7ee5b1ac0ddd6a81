package diagnose

import (
	"net"
	"strings"
)

// Cause is the culprit behind a class, when the check can name it. Classes stay as they were
// (the JSON's "class" strings are stable); the cause says why, and picks the remedy. The
// strings are part of the JSON document: never change them.
type Cause string

const (
	// CauseDNSFilter: the name resolves only to a sinkhole address (0.0.0.0, 127.0.0.1, ::,
	// ::1), the answer DNS filters give for a blocked name. Class dns.
	CauseDNSFilter Cause = "dns_filter"
	// CauseCaptivePortal: a sign-in page holds the traffic (the connectivity probe is
	// redirected or answered by someone else, or many names answer with one certificate).
	CauseCaptivePortal Cause = "captive_portal"
	// CauseIncompleteChain: the server does not send its intermediate certificate. Fetched from
	// the certificate's AIA address and verified: class ok, warn (browsers cope). Not fetched:
	// class tls_untrusted.
	CauseIncompleteChain Cause = "incomplete_chain"
	// CauseTLSStall: the server's first answer (its hello) arrived, then nothing: large packets
	// are lost, typically on a VPN or tunnel whose MTU is too small. Class timeout.
	CauseTLSStall Cause = "tls_stall"
	// CauseTLSAlert: the server, or a filter in its place, ended the handshake with a TLS
	// alert, named in "tls_alert". Class error.
	CauseTLSAlert Cause = "tls_alert"
	// CauseIPv6Broken: over IPv6 the address connects but the exchange fails or stalls, while
	// IPv4 works: browsers that prefer IPv6 hang.
	CauseIPv6Broken Cause = "ipv6_broken"
	// CauseOffline: no name resolved and no proxy is used: the computer seems offline.
	CauseOffline Cause = "offline"
	// CauseBlockPage: inspected by a CA this computer trusts, and answered by the filter with
	// a block page (403, 451, 511). Class tls_intercepted, fail.
	CauseBlockPage Cause = "block_page"
)

// Causes lists every cause, in the order the README documents them.
var Causes = []Cause{CauseDNSFilter, CauseCaptivePortal, CauseIncompleteChain, CauseTLSStall,
	CauseTLSAlert, CauseIPv6Broken, CauseOffline, CauseBlockPage, CauseOversizedAnswer,
	CauseHostUnreachable, CauseNoRoute, CauseLocalFirewall, CauseBlockServer, CauseDNSUnanswered,
	CauseDNSServerFailure, CauseProxyRefusal, CauseHostsFile}

// CauseOversizedAnswer: an answer's status line and headers went past the bound on what is
// read of them (an endless header, a broken server, a filter answering with garbage). Class
// error, or proxy for a proxy's answer to CONNECT.
const CauseOversizedAnswer Cause = "oversized_answer"

// Sinkholed returns the answer as text when every address of a name looked up through DNS is
// one that DNS filters give for blocked names, "" otherwise. "localhost" and its subdomains
// (RFC 6761) are loopback by definition.
func Sinkholed(host string, ips []net.IPAddr) string {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || len(ips) == 0 {
		return ""
	}
	var out []string
	for _, ip := range ips {
		if !ip.IP.IsUnspecified() && !ip.IP.IsLoopback() {
			return ""
		}
		out = append(out, ip.IP.String())
	}
	return strings.Join(out, ", ")
}

// MarkOffline sets CauseOffline on every result when no name resolved, none went through a
// proxy, no address given as an IP answered, and either this computer has no network at all
// or no DNS server gave a real answer (a name that does not exist is an answer: the DNS works,
// it just does not know outside names; SERVFAIL for every name is what a forwarder with no way
// out answers). Names that only time out while the network is up are the DNS server dropping
// them (CauseDNSUnanswered), not an offline computer.
// proxyConfigured is the run's proxy setting ("" for none); network says whether this computer
// has a network interface that can reach past the local link.
func MarkOffline(results []Result, proxyConfigured string, network bool) {
	named, timeouts, answered := 0, 0, false
	for _, r := range results {
		if r.Proxy != "" || proxyConfigured != "" {
			return
		}
		if net.ParseIP(r.Endpoint.Host) != nil {
			if r.Phase != PhaseConnect && r.Phase != PhaseDNS {
				return // an address given as an IP answered: the network works
			}
			continue
		}
		if r.Phase != PhaseDNS || r.Cause == CauseDNSFilter || r.Cause == CauseHostsFile || (r.Class != DNS && r.Class != Timeout) {
			return
		}
		named++
		if r.DNSAnswered {
			answered = true
		}
		if r.Class == Timeout {
			timeouts++
		}
	}
	if named == 0 || (network && (answered || timeouts == named)) {
		return
	}
	for i := range results {
		if results[i].Phase == PhaseDNS {
			results[i].Cause = CauseOffline
		}
	}
}
