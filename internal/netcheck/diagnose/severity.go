package diagnose

import "net/url"

// Severity is what a result means for signing in: nothing to do, works but should be fixed,
// or stops onboarding. The strings are part of the JSON document: never change them.
type Severity string

const (
	SeverityOK   Severity = "ok"
	SeverityWarn Severity = "warn"
	SeverityFail Severity = "fail"
)

// Severities lists every severity, in the order a summary shows them.
var Severities = []Severity{SeverityOK, SeverityWarn, SeverityFail}

// SeverityOf grades a result. Warn is for what works in a browser but is worth fixing: an
// inspection this computer trusts (Microsoft asks to exempt sign-in hosts from it), a server
// that forgets its intermediate certificate, IPv6 failing where the check fell back to IPv4, a
// server answering 5xx (the network is fine), and any failure of an optional address.
func SeverityOf(r Result) Severity {
	sev := SeverityFail
	switch {
	case r.Cause == CauseCaptivePortal:
		// A portal makes even a plain-http answer a lie: the portal answered.
	case r.Class == OK && r.Cause == "":
		sev = SeverityOK
	case r.Class == OK:
		sev = SeverityWarn
	case r.Class == TLSIntercepted && r.Cause != CauseBlockPage && r.HTTPStatus != 0:
		sev = SeverityWarn
	case r.Class == HTTPStatus:
		sev = SeverityWarn
	}
	if sev == SeverityFail && r.Endpoint.Optional {
		sev = SeverityWarn
	}
	return sev
}

// Passed reports whether the run passes: nothing fails, and with strict nothing warns either.
// --check-network exits 0 when it passes, 1 otherwise.
func (s Summary) Passed(strict bool) bool {
	if s.Severities[SeverityFail] > 0 {
		return false
	}
	return !strict || s.Severities[SeverityWarn] == 0
}

// listFor puts a result's host or rule in the summary list its remedy names: the firewall
// (allow), TLS inspection (exempt) or the DNS (dns). A cause said once for the run (offline,
// captive portal) lists nothing: there is no rule to add.
func listFor(r Result, allow, exempt, dns map[string]bool) {
	switch r.Cause {
	case CauseOffline, CauseCaptivePortal, CauseTLSStall, CauseIPv6Broken, CauseNoRoute, CauseLocalFirewall, CauseHostsFile:
		// Fixed on this computer or in the network's paths: no rule to add anywhere.
		return
	case CauseBlockServer:
		dns[ruleFor(r)] = true // the filter that sends the name to its block server
		return
	case CauseIncompleteChain:
		if r.Class != OK {
			if u, err := url.Parse(r.CauseURL); err == nil && u.Hostname() != "" {
				allow[u.Hostname()] = true
			}
		}
		return
	case CauseBlockPage:
		allow[ruleFor(r)] = true
		return
	}
	switch r.Class {
	case DNS:
		dns[ruleFor(r)] = true
	case Refused, TLSHostname:
		allow[ruleFor(r)] = true
	case Timeout:
		switch r.Phase {
		case PhaseDNS:
			dns[ruleFor(r)] = true
		case PhaseConnect, PhaseProxy:
			allow[ruleFor(r)] = true
		case PhaseTLS:
			allow[ruleFor(r)] = true
			exempt[r.FailedHost] = true
		}
	case Error:
		if r.Phase == PhaseTLS {
			allow[ruleFor(r)] = true // reset or alert during TLS: a filter
		}
	case TLSIntercepted, TLSUntrusted:
		exempt[r.FailedHost] = true
	}
}
