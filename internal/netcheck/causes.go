package netcheck

import (
	"crypto/tls"
	"errors"
	"net"
	"reflect"
	"strconv"
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
	CauseTLSAlert, CauseIPv6Broken, CauseOffline, CauseBlockPage, CauseOversizedAnswer}

// LoopbackResolver is a Resolver whose loopback answers are real servers, not a DNS filter's
// sinkhole: the test servers of package netchecktest run on 127.0.0.1 and ::1.
type LoopbackResolver interface {
	Resolver
	LoopbackIsReal() bool
}

// sinkholed returns the answer as text when every address of a name looked up through DNS is
// one that DNS filters give for blocked names, "" otherwise. "localhost" and its subdomains
// (RFC 6761) are loopback by definition.
func (c *Checker) sinkholed(host string, ips []net.IPAddr) string {
	if lr, ok := c.cfg.Resolver.(LoopbackResolver); ok && lr.LoopbackIsReal() {
		return ""
	}
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

// alertNames are the TLS alerts by number, spelled as RFC 8446 section 6 spells them.
var alertNames = map[uint64]string{
	0: "close_notify", 10: "unexpected_message", 20: "bad_record_mac", 22: "record_overflow",
	40: "handshake_failure", 42: "bad_certificate", 43: "unsupported_certificate",
	44: "certificate_revoked", 45: "certificate_expired", 46: "certificate_unknown",
	47: "illegal_parameter", 48: "unknown_ca", 49: "access_denied", 50: "decode_error",
	51: "decrypt_error", 70: "protocol_version", 71: "insufficient_security", 80: "internal_error",
	86: "inappropriate_fallback", 90: "user_canceled", 109: "missing_extension",
	110: "unsupported_extension", 112: "unrecognized_name", 113: "bad_certificate_status_response",
	115: "unknown_psk_identity", 116: "certificate_required", 120: "no_application_protocol",
}

// remoteAlert is the name of the alert the peer sent, if err is one. crypto/tls reports a
// received alert as a net.OpError "remote error" around its unexported alert type, a uint8.
func remoteAlert(err error) string {
	var oe *net.OpError
	if !errors.As(err, &oe) || oe.Op != "remote error" || oe.Err == nil {
		return ""
	}
	if v := reflect.ValueOf(oe.Err); v.Kind() == reflect.Uint8 {
		if name, ok := alertNames[v.Uint()]; ok {
			return name
		}
		return "alert_" + strconv.FormatUint(v.Uint(), 10)
	}
	var ae tls.AlertError
	if errors.As(oe.Err, &ae) {
		return strings.ReplaceAll(strings.TrimPrefix(ae.Error(), "tls: "), " ", "_")
	}
	return ""
}

// hasNetwork reports whether this computer has an interface that is up, not loopback, with an
// address that can reach past the local link.
func hasNetwork() bool {
	ifs, err := net.Interfaces()
	if err != nil {
		return true // unknown: do not claim offline
	}
	for _, i := range ifs {
		if i.Flags&net.FlagUp == 0 || i.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := i.Addrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.IsGlobalUnicast() {
				return true
			}
		}
	}
	return false
}

// markOffline sets CauseOffline on every result when no name resolved, none went through a
// proxy, and either this computer has no network at all or no DNS server answered (a name
// that does not exist is an answer: the DNS works, it just does not know outside names).
func (c *Checker) markOffline(results []Result) {
	named, noAnswer := 0, true
	for _, r := range results {
		if r.Proxy != "" || c.cfg.Proxy.Configured != "" {
			return
		}
		if net.ParseIP(r.Endpoint.Host) != nil {
			continue
		}
		if r.Phase != PhaseDNS || r.Cause == CauseDNSFilter || (r.Class != DNS && r.Class != Timeout) {
			return
		}
		named++
		if r.DNSAnswered {
			noAnswer = false
		}
	}
	network := hasNetwork
	if c.cfg.HasNetwork != nil {
		network = c.cfg.HasNetwork
	}
	if named == 0 || (!noAnswer && network()) {
		return
	}
	for i := range results {
		if results[i].Phase == PhaseDNS {
			results[i].Cause = CauseOffline
		}
	}
}
