package diagnose

import (
	"sort"
	"time"
)

// Run is what the report says of the run as a whole, beside its results.
type Run struct {
	ProxySource   string // "flag", "pac", "environment", "system" or "none"
	Proxy         string // the proxy configured, without credentials; "" for none
	ProxyPAC      string // the PAC script deciding per address, "" for none
	ProxyUnusable string // why a proxy setting found could not be used, "" when none
	Timeout       time.Duration
	Elapsed       time.Duration
}

// NewReport summarises results for the JSON document and the table.
func NewReport(results []Result, run Run) Report {
	s := Summary{Total: len(results), Classes: map[Class]int{}, Allow: []string{},
		ExemptFromInspection: []string{}, Unlisted: []string{}, DNS: []string{},
		Severities: map[Severity]int{}, ProxySource: run.ProxySource,
		Proxy: run.Proxy, ProxyPAC: run.ProxyPAC, ProxyUnusable: run.ProxyUnusable,
		TimeoutMS: run.Timeout.Milliseconds(), ElapsedMS: run.Elapsed.Milliseconds()}
	for _, cl := range Classes {
		s.Classes[cl] = 0
	}
	for _, sv := range Severities {
		s.Severities[sv] = 0
	}
	allow, exempt, unlisted, dns := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, r := range results {
		s.Classes[r.Class]++
		if r.Severity == "" {
			r.Severity = SeverityOf(r)
		}
		s.Severities[r.Severity]++
		if r.Class == OK {
			s.OK++
		} else {
			s.Failed++
		}
		switch r.Cause {
		case CauseOffline:
			s.Offline = true
		case CauseCaptivePortal:
			s.CaptivePortal = true
		}
		for _, h := range r.Redirects {
			if !h.Listed && r.Cause != CauseCaptivePortal {
				unlisted[h.Host] = true
				allow[h.Host] = true
			}
		}
		listFor(r, allow, exempt, dns)
	}
	s.Allow, s.ExemptFromInspection, s.Unlisted = sorted(allow), sorted(exempt), sorted(unlisted)
	s.DNS = sorted(dns)
	if results == nil {
		results = []Result{}
	}
	return Report{Endpoints: results, Summary: s}
}

// ruleFor is the firewall rule that unblocks a failing result: the endpoint's own rule when the
// endpoint itself failed, the redirect target's host otherwise.
func ruleFor(r Result) string {
	if r.FailedHost == "" || r.FailedHost == r.Endpoint.Host {
		if r.Endpoint.Allow != "" {
			return r.Endpoint.Allow
		}
		return r.Endpoint.Host
	}
	return r.FailedHost
}

func sorted(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		if k != "" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
