package diagnose_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/diagnose"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// observed is a result as the probe records it for one address: the class of the step that
// failed, and what it saw. The rows below are recorded from the lab runs of issue 19.
func observed(rawURL string, class diagnose.Class, phase diagnose.Phase, f func(*diagnose.Result)) diagnose.Result {
	eps, _, err := endpoints.FromURLs([]string{rawURL})
	if err != nil {
		panic(err)
	}
	ep := eps[0]
	r := diagnose.Result{URL: ep.URL, Host: ep.Host, Endpoint: ep, Class: class, Phase: phase,
		Required: true, Redirects: []diagnose.Hop{}, Detail: "recorded"}
	if class != diagnose.OK {
		r.FailedHost, r.FailedPort = ep.Host, ep.Port
	}
	if f != nil {
		f(&r)
	}
	return r
}

type want struct {
	class    diagnose.Class
	cause    diagnose.Cause
	severity diagnose.Severity
	owner    diagnose.Owner
	netError string
	allow    []string // the summary's firewall lines; nil for none
	dns      []string // the summary's DNS lines; nil for none
	exempt   []string // the summary's inspection lines; nil for none
	portal   bool
	offline  bool
}

// One row per misdiagnosis of issue 19: the observations of the lab that showed it, and the
// verdict a network engineer expects. Each row gave another verdict before (said in "before").
func TestMisdiagnoses(t *testing.T) {
	ok := func(rawURL, ip string) diagnose.Result {
		return observed(rawURL, diagnose.OK, diagnose.PhaseDone, func(r *diagnose.Result) { r.IP, r.HTTPStatus = ip, 200 })
	}
	rows := []struct {
		name, before string
		results      []diagnose.Result
		facts        diagnose.Facts
		want         want // of the first result
	}{{
		name:   "1 sinkhole answer from the DNS server, then the connection is refused",
		before: "dns_filter without any connection tried, or an open connection called a filter",
		results: []diagnose.Result{observed("https://login.microsoftonline.com/", diagnose.Refused, diagnose.PhaseConnect, func(r *diagnose.Result) {
			r.DNSAnswer, r.DNSSource, r.ErrKind, r.IP = "0.0.0.0", "dns", diagnose.ErrKindRefused, "0.0.0.0"
		})},
		facts: diagnose.Facts{Network: true},
		want: want{class: diagnose.DNS, cause: diagnose.CauseDNSFilter, severity: diagnose.SeverityFail, owner: diagnose.OwnerDNS,
			netError: "ERR_CONNECTION_REFUSED", dns: []string{"login.microsoftonline.com"}},
	}, {
		name:   "1 sinkhole answer from the hosts file, then the connection is refused",
		before: `"the DNS answered", a DNS filter to allow`,
		results: []diagnose.Result{observed("https://login.microsoftonline.com/", diagnose.Refused, diagnose.PhaseConnect, func(r *diagnose.Result) {
			r.DNSAnswer, r.DNSSource, r.ErrKind, r.IP = "127.0.0.1", "hosts", diagnose.ErrKindRefused, "127.0.0.1"
		})},
		facts: diagnose.Facts{Network: true},
		want: want{class: diagnose.DNS, cause: diagnose.CauseHostsFile, severity: diagnose.SeverityFail, owner: diagnose.OwnerWorkstation,
			netError: "ERR_CONNECTION_REFUSED"},
	}, {
		name:   "1 loopback answer where a local proxy answers: the browser gets the page",
		before: "dns_filter",
		results: []diagnose.Result{observed("https://login.microsoftonline.com/", diagnose.OK, diagnose.PhaseDone, func(r *diagnose.Result) {
			r.DNSAnswer, r.DNSSource, r.IP, r.HTTPStatus = "127.0.0.1", "hosts", "127.0.0.1", 200
		})},
		want: want{class: diagnose.OK, severity: diagnose.SeverityOK, owner: diagnose.OwnerNobody},
	}, {
		name:   "2 untrusted inspection whose AIA address is unreachable",
		before: "incomplete_chain, allow the AIA host",
		results: []diagnose.Result{observed("https://login.microsoftonline.com/", diagnose.TLSUntrusted, diagnose.PhaseTLS, func(r *diagnose.Result) {
			r.Cause, r.CauseURL, r.TLSIssuer = diagnose.CauseIncompleteChain, "http://aia.fortinet.example/ca.crt", "CN=FortiGate CA"
		})},
		want: want{class: diagnose.TLSUntrusted, severity: diagnose.SeverityFail, owner: diagnose.OwnerFirewall,
			netError: "ERR_CERT_AUTHORITY_INVALID", exempt: []string{"login.microsoftonline.com"}},
	}, {
		name:   "4 connectivity test refused by policy (403): no portal",
		before: "captive_portal, and reachable plain-http addresses reported failing",
		results: []diagnose.Result{ok("http://crl3.digicert.com/", "192.0.2.10"),
			observed("https://login.microsoftonline.com/", diagnose.Timeout, diagnose.PhaseConnect, func(r *diagnose.Result) {
				r.ErrKind, r.IP = diagnose.ErrKindTimeout, "192.0.2.11"
			})},
		facts: diagnose.Facts{Network: true, Portal: diagnose.PortalAnswer("http://www.msftconnecttest.com/connecttest.txt", 403, "", false)},
		want:  want{class: diagnose.OK, severity: diagnose.SeverityOK, owner: diagnose.OwnerNobody, allow: []string{"login.microsoftonline.com"}},
	}, {
		name:   "4 a block server answers three names with its own certificate (Umbrella)",
		before: `captive_portal with an empty address ("hotels and airports): . Open a browser")`,
		results: []diagnose.Result{
			blocked("https://login.microsoftonline.com/"), blocked("https://aadcdn.msftauth.net/"), blocked("https://login.live.com/")},
		facts: diagnose.Facts{Network: true, Portal: diagnose.PortalAnswer("http://www.msftconnecttest.com/connecttest.txt", 200, "", true)},
		want: want{class: diagnose.TLSHostname, cause: diagnose.CauseBlockServer, severity: diagnose.SeverityFail, owner: diagnose.OwnerDNS,
			netError: "ERR_CERT_COMMON_NAME_INVALID", dns: []string{"aadcdn.msftauth.net", "login.live.com", "login.microsoftonline.com"}},
	}, {
		name:   "4 a portal verdict gives no firewall line",
		before: `"allow" lines beside the portal's sign-in`,
		results: []diagnose.Result{observed("https://login.microsoftonline.com/", diagnose.TLSHostname, diagnose.PhaseTLS, func(r *diagnose.Result) {
			r.CertSHA256 = "portal"
		})},
		facts: diagnose.Facts{Network: true, Portal: diagnose.PortalAnswer("http://www.msftconnecttest.com/connecttest.txt", 302, "http://wifi.hotel.example/login", false)},
		want: want{class: diagnose.TLSHostname, cause: diagnose.CauseCaptivePortal, severity: diagnose.SeverityFail,
			owner: diagnose.OwnerWorkstation, netError: "ERR_CERT_COMMON_NAME_INVALID", portal: true},
	}, {
		name:   "5 Squid's 503 ERR_CONNECT_FAIL through the configured proxy",
		before: "http_status: a warning, reachable",
		results: []diagnose.Result{observed("http://crl3.digicert.com/", diagnose.HTTPStatus, diagnose.PhaseHTTP, func(r *diagnose.Result) {
			r.HTTPStatus, r.Proxy, r.ProxyError, r.Reachable = 503, "http://proxy.corp.example:3128", "ERR_CONNECT_FAIL 111", true
		})},
		want: want{class: diagnose.Proxy, cause: diagnose.CauseProxyRefusal, severity: diagnose.SeverityFail, owner: diagnose.OwnerProxy,
			netError: "ERR_HTTP_RESPONSE_CODE_FAILURE"},
	}, {
		name:   "5 a transparent proxy's 403 on a plain-http revocation address",
		before: "ok",
		results: []diagnose.Result{observed("http://crl3.digicert.com/", diagnose.OK, diagnose.PhaseDone, func(r *diagnose.Result) {
			r.HTTPStatus, r.ProxyError, r.Reachable, r.IP = 403, "via 1.1 squid-transparent", true, "192.0.2.20"
		})},
		want: want{class: diagnose.Proxy, cause: diagnose.CauseProxyRefusal, severity: diagnose.SeverityFail, owner: diagnose.OwnerFirewall,
			netError: "ERR_HTTP_RESPONSE_CODE_FAILURE"},
	}, {
		name:   "5 a transparent proxy's 451 without any header",
		before: "ok",
		results: []diagnose.Result{observed("http://ocsp.digicert.com/", diagnose.OK, diagnose.PhaseDone, func(r *diagnose.Result) {
			r.HTTPStatus, r.Reachable, r.IP = 451, true, "192.0.2.21"
		})},
		want: want{class: diagnose.Proxy, cause: diagnose.CauseProxyRefusal, severity: diagnose.SeverityFail, owner: diagnose.OwnerFirewall,
			netError: "ERR_HTTP_RESPONSE_CODE_FAILURE"},
	}, {
		name:   "6 ICMP host unreachable",
		before: "error: unexpected problem, send to support",
		results: []diagnose.Result{observed("https://login.microsoftonline.com/", diagnose.Refused, diagnose.PhaseConnect, func(r *diagnose.Result) {
			r.ErrKind, r.IP = diagnose.ErrKindHostUnreachable, "20.190.151.7"
		})},
		want: want{class: diagnose.Refused, cause: diagnose.CauseHostUnreachable, severity: diagnose.SeverityFail,
			owner: diagnose.OwnerFirewall, netError: "ERR_ADDRESS_UNREACHABLE", allow: []string{"login.microsoftonline.com"}},
	}, {
		name:   "6 no route to the network (ENETUNREACH, WSAENETUNREACH 10051)",
		before: "error: unexpected problem, send to support",
		results: []diagnose.Result{observed("https://login.microsoftonline.com/", diagnose.Refused, diagnose.PhaseConnect, func(r *diagnose.Result) {
			r.ErrKind, r.IP = diagnose.ErrKindNetUnreachable, "20.190.151.7"
		})},
		want: want{class: diagnose.Refused, cause: diagnose.CauseNoRoute, severity: diagnose.SeverityFail,
			owner: diagnose.OwnerWorkstation, netError: "ERR_INTERNET_DISCONNECTED"},
	}, {
		name:   "6 Windows Firewall's outbound block (WSAEACCES 10013)",
		before: "error: unexpected problem, send to support",
		results: []diagnose.Result{observed("https://login.microsoftonline.com/", diagnose.Refused, diagnose.PhaseConnect, func(r *diagnose.Result) {
			r.ErrKind, r.IP = diagnose.ErrKindBlockedHere, "20.190.151.7"
		})},
		want: want{class: diagnose.Refused, cause: diagnose.CauseLocalFirewall, severity: diagnose.SeverityFail,
			owner: diagnose.OwnerWorkstation, netError: "ERR_ACCESS_DENIED"},
	}, {
		name:    "7 the DNS server drops the checked names while the network is up",
		before:  "offline, with an empty DNS summary",
		results: []diagnose.Result{dropped("https://login.microsoftonline.com/"), dropped("https://aadcdn.msftauth.net/")},
		facts:   diagnose.Facts{Network: true},
		want: want{class: diagnose.Timeout, cause: diagnose.CauseDNSUnanswered, severity: diagnose.SeverityFail, owner: diagnose.OwnerDNS,
			netError: "ERR_NAME_NOT_RESOLVED", dns: []string{"aadcdn.msftauth.net", "login.microsoftonline.com"}},
	}, {
		name:   "7 addresses given as IPs answer, one name does not resolve",
		before: "offline",
		results: []diagnose.Result{observed("https://login.microsoftonline.com/", diagnose.DNS, diagnose.PhaseDNS, func(r *diagnose.Result) {
			r.DNSRcode = diagnose.DNSRcodeServFail
		}), ok("https://20.190.151.7/", "20.190.151.7"), ok("https://40.126.31.1/", "40.126.31.1")},
		facts: diagnose.Facts{Network: true},
		want: want{class: diagnose.DNS, cause: diagnose.CauseDNSServerFailure, severity: diagnose.SeverityFail, owner: diagnose.OwnerDNS,
			netError: "ERR_NAME_NOT_RESOLVED", dns: []string{"login.microsoftonline.com"}},
	}, {
		name:   "7 REFUSED is not a name that does not exist",
		before: "dns, no cause: “cannot be found by name”",
		results: []diagnose.Result{observed("https://login.microsoftonline.com/", diagnose.DNS, diagnose.PhaseDNS, func(r *diagnose.Result) {
			r.DNSRcode, r.DNSAnswered = diagnose.DNSRcodeRefused, false
		}), ok("https://aadcdn.msftauth.net/", "152.199.4.33")},
		want: want{class: diagnose.DNS, cause: diagnose.CauseDNSServerFailure, severity: diagnose.SeverityFail, owner: diagnose.OwnerDNS,
			netError: "ERR_NAME_NOT_RESOLVED", dns: []string{"login.microsoftonline.com"}},
	}, {
		name:   "10 a name with only IPv6 addresses whose packets are dropped",
		before: "timeout: allow the host in the firewall",
		results: []diagnose.Result{observed("https://v6only.example/", diagnose.Timeout, diagnose.PhaseConnect, func(r *diagnose.Result) {
			r.IPv6Only, r.IP, r.ErrKind = true, "2001:db8::5", diagnose.ErrKindTimeout
		}), ok("https://login.microsoftonline.com/", "20.190.151.7")},
		want: want{class: diagnose.Timeout, cause: diagnose.CauseIPv6Broken, severity: diagnose.SeverityFail, owner: diagnose.OwnerFirewall,
			netError: "ERR_CONNECTION_TIMED_OUT"},
	}}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			results := slices.Clone(row.results)
			diagnose.Diagnose(results, row.facts)
			r := results[0]
			w := row.want
			if r.Class != w.class || r.Cause != w.cause || r.Severity != w.severity || r.Owner != w.owner || r.NetError != w.netError {
				t.Errorf("class %q cause %q severity %q owner %q net error %q (detail %q)\nwant  %q       %q          %q       %q           %q\n(before: %s)",
					r.Class, r.Cause, r.Severity, r.Owner, r.NetError, r.Detail, w.class, w.cause, w.severity, w.owner, w.netError, row.before)
			}
			rep := diagnose.NewReport(results, diagnose.Run{Timeout: 5 * time.Second})
			s := rep.Summary
			if !same(s.Allow, w.allow) || !same(s.DNS, w.dns) || !same(s.ExemptFromInspection, w.exempt) ||
				s.CaptivePortal != w.portal || s.Offline != w.offline {
				t.Errorf("summary allow %v dns %v exempt %v portal %v offline %v; want %v %v %v %v %v",
					s.Allow, s.DNS, s.ExemptFromInspection, s.CaptivePortal, s.Offline, w.allow, w.dns, w.exempt, w.portal, w.offline)
			}
		})
	}
}

// blocked is a name sent to a block server: its certificate is the block server's.
func blocked(rawURL string) diagnose.Result {
	return observed(rawURL, diagnose.TLSHostname, diagnose.PhaseTLS, func(r *diagnose.Result) {
		r.CertSHA256, r.CertNames, r.IP = "umbrella", []string{"*.opendns.com"}, "146.112.61.104"
	})
}

// dropped is a name whose DNS questions get no answer.
func dropped(rawURL string) diagnose.Result {
	return observed(rawURL, diagnose.Timeout, diagnose.PhaseDNS, func(r *diagnose.Result) {
		r.DNSRcode, r.DNSWait = diagnose.DNSRcodeTimeout, 2*time.Second
	})
}

func same(got, want []string) bool {
	if len(got) == 0 && len(want) == 0 {
		return true
	}
	return slices.Equal(got, want)
}

// The same observations give the same verdicts, whatever order the addresses finished in.
func TestDiagnoseIsDeterministic(t *testing.T) {
	build := func() []diagnose.Result {
		return []diagnose.Result{blocked("https://login.microsoftonline.com/"), dropped("https://a.example/"),
			blocked("https://aadcdn.msftauth.net/"), blocked("https://login.live.com/"),
			observed("https://b.example/", diagnose.Refused, diagnose.PhaseConnect, func(r *diagnose.Result) { r.ErrKind = diagnose.ErrKindHostUnreachable })}
	}
	first := build()
	diagnose.Diagnose(first, diagnose.Facts{Network: true})
	for range 20 {
		again := build()
		diagnose.Diagnose(again, diagnose.Facts{Network: true})
		for i := range first {
			a, b := first[i], again[i]
			if a.Class != b.Class || a.Cause != b.Cause || a.Owner != b.Owner || a.NetError != b.NetError || a.Severity != b.Severity {
				t.Fatalf("%s: %+v then %+v", a.URL, a, b)
			}
		}
	}
}

// Every cause has an owner other than support, and every failing class a browser error.
func TestEveryCauseHasAnOwner(t *testing.T) {
	for _, c := range diagnose.Causes {
		r := observed("https://login.microsoftonline.com/", diagnose.Error, diagnose.PhaseTLS, func(r *diagnose.Result) { r.Cause = c })
		diagnose.Finish(&r)
		if r.Owner == diagnose.OwnerSupport || r.Owner == "" {
			t.Errorf("cause %s: owner %q", c, r.Owner)
		}
	}
	for _, c := range diagnose.Classes {
		r := observed("https://login.microsoftonline.com/", c, diagnose.PhaseConnect, nil)
		diagnose.Finish(&r)
		if (c == diagnose.OK || c == diagnose.TLSIntercepted || c == diagnose.HTTPStatus) != (r.NetError == "") {
			t.Errorf("class %s: net error %q", c, r.NetError)
		}
		if !strings.HasPrefix(r.NetError, "ERR_") && r.NetError != "" {
			t.Errorf("class %s: net error %q", c, r.NetError)
		}
	}
}
