package netcheck_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

func wantCause(t *testing.T, r netcheck.Result, class netcheck.Class, cause netcheck.Cause) {
	t.Helper()
	if r.Class != class || r.Cause != cause {
		t.Fatalf("%s: class %q cause %q, want %q %q (detail %q)", r.URL, r.Class, r.Cause, class, cause, r.Detail)
	}
}

func report(t *testing.T, cfg netcheck.Config, urls ...string) netcheck.Report {
	t.Helper()
	c := netcheck.New(cfg)
	var eps []netcheck.Endpoint
	for _, u := range urls {
		eps = append(eps, endpoint(t, u))
	}
	return c.NewReport(c.Run(context.Background(), eps, nil), time.Second)
}

// A DNS filter answers 0.0.0.0, ::, 127.0.0.1 or ::1 for the names it blocks. Looked up with
// Go's own resolver against a DNS server on loopback; before, the check connected to the
// sinkhole and said "refused: allow it in the firewall".
func TestDNSFilterSinkholeAnswers(t *testing.T) {
	p := newPKI(t)
	dns := netchecktest.NewDNSServer(t, map[string][]net.IP{
		"zero.test":  {net.IPv4zero},
		"zero6.test": {net.IPv6unspecified},
		"local.test": {net.IPv4(127, 0, 0, 1)},
		"both.test":  {net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	})
	cfg := p.config(3 * time.Second)
	cfg.Resolver = dns.Resolver()
	rep := report(t, cfg, "https://zero.test/", "https://zero6.test/", "https://local.test/", "https://both.test/")
	for _, r := range rep.Endpoints {
		wantCause(t, r, netcheck.DNS, netcheck.CauseDNSFilter)
		if r.DNSAnswer == "" || r.Severity != netcheck.SeverityFail {
			t.Errorf("%s: answer %q, severity %q", r.URL, r.DNSAnswer, r.Severity)
		}
	}
	if got := strings.Join(rep.Summary.DNS, ","); got != "both.test,local.test,zero.test,zero6.test" || len(rep.Summary.Allow) != 0 {
		t.Errorf("dns %v, allow %v", rep.Summary.DNS, rep.Summary.Allow)
	}
	if rep.Summary.Offline {
		t.Error("names that resolve are not offline")
	}
}

// "localhost" is loopback by definition: never a filter's answer.
func TestLocalhostIsNotASinkhole(t *testing.T) {
	p := newPKI(t)
	dns := netchecktest.NewDNSServer(t, map[string][]net.IP{"localhost": {net.IPv4(127, 0, 0, 1)}})
	cfg := p.config(3 * time.Second)
	cfg.Resolver = dns.Resolver()
	_, port, _ := net.SplitHostPort(netchecktest.Refused(t))
	r := check(t, cfg, "https://localhost:"+port+"/")[0]
	if r.Cause == netcheck.CauseDNSFilter {
		t.Fatalf("localhost taken for a DNS filter: %q", r.Detail)
	}
}

func TestOffline(t *testing.T) {
	p := newPKI(t)
	urls := []string{"https://one.test/", "https://two.test/", "https://three.test/"}
	t.Run("no DNS server answers", func(t *testing.T) {
		dns := netchecktest.FailingDNSServer(t)
		cfg := p.config(3 * time.Second)
		cfg.Resolver = dns.Resolver()
		cfg.HasNetwork = func() bool { return true }
		rep := report(t, cfg, urls...)
		for _, r := range rep.Endpoints {
			wantCause(t, r, netcheck.DNS, netcheck.CauseOffline)
		}
		if !rep.Summary.Offline || len(rep.Summary.DNS) != 0 {
			t.Errorf("offline %v, dns list %v", rep.Summary.Offline, rep.Summary.DNS)
		}
	})
	t.Run("no network interface", func(t *testing.T) {
		cfg := p.config(3 * time.Second)
		cfg.Resolver = netchecktest.Resolver{Missing: map[string]bool{"one.test": true, "two.test": true, "three.test": true}}
		cfg.HasNetwork = func() bool { return false }
		if rep := report(t, cfg, urls...); !rep.Summary.Offline {
			t.Error("not offline without a network interface")
		}
	})
	t.Run("the DNS answers that the names do not exist", func(t *testing.T) {
		// Internal DNS that does not resolve outside names: the DNS works, the computer is online.
		dns := netchecktest.NewDNSServer(t, nil)
		cfg := p.config(3 * time.Second)
		cfg.Resolver = dns.Resolver()
		cfg.HasNetwork = func() bool { return true }
		rep := report(t, cfg, urls...)
		if rep.Summary.Offline || rep.Endpoints[0].Cause != "" || len(rep.Summary.DNS) != 3 {
			t.Errorf("offline %v, cause %q, dns %v", rep.Summary.Offline, rep.Endpoints[0].Cause, rep.Summary.DNS)
		}
	})
	t.Run("one name resolves", func(t *testing.T) {
		srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
		cfg := p.config(3 * time.Second)
		cfg.Resolver = netchecktest.Resolver{Missing: map[string]bool{"one.test": true}}
		cfg.HasNetwork = func() bool { return false }
		if rep := report(t, cfg, "https://one.test/", at("ok.test", netchecktest.Port(srv))); rep.Summary.Offline {
			t.Error("offline although a name resolved")
		}
	})
}

// A hotel portal: the connectivity test is redirected to the sign-in page, every https name
// gets the portal's one certificate, and a plain-http address "works" because the portal
// answers it. Before: three "certificate for another name" lines and a false ok.
func TestCaptivePortal(t *testing.T) {
	p := newPKI(t)
	portal := netchecktest.NewPortal(t, p.rogue)
	urls := []string{at("a.test", portal.TLSPort), at("b.test", portal.TLSPort), at("c.test", portal.TLSPort),
		"http://crl.test:" + portal.HTTPPort + "/"}
	t.Run("probe redirected", func(t *testing.T) {
		cfg := p.config(3 * time.Second)
		cfg.Portal = &netcheck.PortalProbe{URL: portal.PortalURL(), Body: "Microsoft Connect Test"}
		rep := report(t, cfg, urls...)
		for _, r := range rep.Endpoints {
			if r.Cause != netcheck.CauseCaptivePortal || r.Severity != netcheck.SeverityFail {
				t.Errorf("%s: class %q cause %q severity %q", r.URL, r.Class, r.Cause, r.Severity)
			}
			if !strings.Contains(r.CauseURL, "portal.test") {
				t.Errorf("%s: portal page %q", r.URL, r.CauseURL)
			}
		}
		s := rep.Summary
		if !s.CaptivePortal || len(s.Allow) != 0 || len(s.Unlisted) != 0 || len(s.ExemptFromInspection) != 0 {
			t.Errorf("portal %v, allow %v, unlisted %v, exempt %v", s.CaptivePortal, s.Allow, s.Unlisted, s.ExemptFromInspection)
		}
	})
	// Issue 19 item 4: without a connectivity test that shows the portal, one certificate for
	// many names is a block server (Umbrella-style): no portal verdict with an empty address.
	t.Run("one certificate for many names, no portal shown", func(t *testing.T) {
		rep := report(t, p.config(3*time.Second), urls[:3]...)
		if rep.Summary.CaptivePortal || rep.Endpoints[0].Cause != netcheck.CauseBlockServer || len(rep.Summary.DNS) != 3 {
			t.Errorf("three names answered with one certificate: portal %v, cause %q, dns %v",
				rep.Summary.CaptivePortal, rep.Endpoints[0].Cause, rep.Summary.DNS)
		}
	})
	// A connectivity test refused by policy (403 from a filter) is no portal either.
	t.Run("probe refused by policy", func(t *testing.T) {
		cfg := p.config(3 * time.Second)
		cfg.Portal = &netcheck.PortalProbe{URL: netchecktest.StatusServer(t, "connectivity.test", 403, nil), Body: "Microsoft Connect Test"}
		rep := report(t, cfg, urls[3])
		if rep.Summary.CaptivePortal || rep.Endpoints[0].Cause != "" {
			t.Errorf("portal %v, cause %q", rep.Summary.CaptivePortal, rep.Endpoints[0].Cause)
		}
	})
	t.Run("probe answered: no portal", func(t *testing.T) {
		cfg := p.config(3 * time.Second)
		cfg.Portal = &netcheck.PortalProbe{URL: netchecktest.ConnectivityServer(t, "Microsoft Connect Test"), Body: "Microsoft Connect Test"}
		rep := report(t, cfg, urls[0])
		if rep.Summary.CaptivePortal || rep.Endpoints[0].Cause != "" {
			t.Errorf("portal %v, cause %q", rep.Summary.CaptivePortal, rep.Endpoints[0].Cause)
		}
	})
}

// The server sends its certificate without the intermediate; the intermediate is published at
// the certificate's AIA address. Before: "certificate not trusted".
func TestIncompleteChainFetchedFromAIA(t *testing.T) {
	p := newPKI(t)
	inter := p.public.Intermediate(t, "Test Public Issuing CA")
	aiaPort, fetches := netchecktest.ServeCertificate(t, inter)
	leaf := inter.IssueWithAIA(t, "http://aia.test:"+aiaPort+"/issuer.crt", "chain.test", "chain2.test")
	srv := netchecktest.ServeTLS(t, leaf, 0, nil)
	rep := report(t, p.config(3*time.Second), at("chain.test", netchecktest.Port(srv)), at("chain2.test", netchecktest.Port(srv)))
	for _, r := range rep.Endpoints {
		wantCause(t, r, netcheck.OK, netcheck.CauseIncompleteChain)
		if r.Severity != netcheck.SeverityWarn || r.HTTPStatus != 200 || !strings.Contains(r.CauseURL, "aia.test") {
			t.Errorf("%s: severity %q, status %d, url %q", r.URL, r.Severity, r.HTTPStatus, r.CauseURL)
		}
	}
	if n := fetches(); n != 1 {
		t.Errorf("the intermediate was fetched %d times, want once for both names", n)
	}
	if !rep.Summary.Passed(false) || rep.Summary.Passed(true) {
		t.Errorf("a warning passes, except with --strict: %v", rep.Summary.Severities)
	}
}

// Issue 19 item 2: an issuer that neither this computer nor the public roots know, whose AIA
// address cannot be reached, is what an inspection device with an untrusted root presents.
// Before: incomplete_chain and "allow the AIA host"; the remedy is to exempt the host from
// inspection (or trust the device's root), and nothing to open for the AIA host.
func TestIncompleteChainWhoseIntermediateCannotBeFetched(t *testing.T) {
	p := newPKI(t)
	inter := p.public.Intermediate(t, "Test Public Issuing CA")
	_, closed, _ := net.SplitHostPort(netchecktest.Refused(t))
	leaf := inter.IssueWithAIA(t, "http://aia.test:"+closed+"/issuer.crt", "chain.test")
	srv := netchecktest.ServeTLS(t, leaf, 0, nil)
	rep := report(t, p.config(3*time.Second), at("chain.test", netchecktest.Port(srv)))
	wantCause(t, rep.Endpoints[0], netcheck.TLSUntrusted, "")
	if len(rep.Summary.Allow) != 0 || strings.Join(rep.Summary.ExemptFromInspection, ",") != "chain.test" {
		t.Errorf("allow %v, exempt %v", rep.Summary.Allow, rep.Summary.ExemptFromInspection)
	}
	if r := rep.Endpoints[0]; r.NetError != "ERR_CERT_AUTHORITY_INVALID" || r.Owner != netcheck.OwnerFirewall {
		t.Errorf("net error %q, owner %q", r.NetError, r.Owner)
	}
}

// The server's hello arrives, the rest does not (an MTU problem on a VPN). Before: "no answer".
func TestStallAfterTheServerHello(t *testing.T) {
	p := newPKI(t)
	port := netchecktest.StallAfterHello(t, p.public.Leaf(t, "vpn.test"))
	r := check(t, p.config(1500*time.Millisecond), at("vpn.test", port))[0]
	wantCause(t, r, netcheck.Timeout, netcheck.CauseTLSStall)
	if r.Phase != netcheck.PhaseTLS {
		t.Errorf("phase %q", r.Phase)
	}
	// A server that never answers at all is not a stall after its hello.
	_, silent, _ := net.SplitHostPort(netchecktest.Silent(t))
	if r := check(t, p.config(time.Second), at("silent.test", silent))[0]; r.Cause != "" {
		t.Errorf("silent server: cause %q", r.Cause)
	}
}

func TestTLSAlertIsNamed(t *testing.T) {
	p := newPKI(t)
	rep := report(t, p.config(3*time.Second), at("denied.test", netchecktest.AlertSender(t, 49)),
		at("failure.test", netchecktest.AlertSender(t, 40)))
	for i, want := range []string{"access_denied", "handshake_failure"} {
		r := rep.Endpoints[i]
		wantCause(t, r, netcheck.Error, netcheck.CauseTLSAlert)
		if r.TLSAlert != want {
			t.Errorf("%s: alert %q, want %q", r.URL, r.TLSAlert, want)
		}
	}
	// A connection refused during TLS is the firewall's: the host goes to "allow".
	if strings.Join(rep.Summary.Allow, ",") != "denied.test,failure.test" {
		t.Errorf("allow %v", rep.Summary.Allow)
	}
}

// The name has both families; IPv6 connects and stalls, IPv4 works. Before: ok (IPv4 only).
func TestIPv6StallsWhileIPv4Works(t *testing.T) {
	p := newPKI(t)
	port := netchecktest.DualStack(t, p.public.Leaf(t, "dual.test", "v4first.test"))
	cfg := p.config(1500 * time.Millisecond)
	cfg.Resolver = netchecktest.Resolver{Addrs: map[string][]net.IP{
		"dual.test":    {net.IPv6loopback, net.IPv4(127, 0, 0, 1)},
		"v4first.test": {net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}}
	rs := check(t, cfg, at("dual.test", port), at("v4first.test", port))
	wantCause(t, rs[0], netcheck.Timeout, netcheck.CauseIPv6Broken)
	if rs[0].IP != "::1" || rs[0].Severity != netcheck.SeverityFail {
		t.Errorf("ip %q, severity %q", rs[0].IP, rs[0].Severity)
	}
	// The resolver prefers IPv4 for this one: the check, like a browser, goes there first.
	wantCause(t, rs[1], netcheck.OK, "")
}

// IPv6 refuses, IPv4 answers: the family that connects wins, as in a browser.
func TestHappyEyeballsFallsBackToIPv4(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "fallback.test"), 0, nil)
	cfg := p.config(3 * time.Second)
	cfg.Resolver = netchecktest.Resolver{Addrs: map[string][]net.IP{"fallback.test": {net.IPv6loopback, net.IPv4(127, 0, 0, 1)}}}
	r := check(t, cfg, at("fallback.test", netchecktest.Port(srv)))[0]
	wantCause(t, r, netcheck.OK, "")
	if r.IP != "127.0.0.1" {
		t.Errorf("ip %q", r.IP)
	}
}

// Inspection by a CA this computer trusts: the request completes (the browser works) and the
// result warns; a 403 from the filter is a block page and fails. Before: both failed at the
// handshake, without an answer.
func TestTrustedInspectionCompletesTheRequest(t *testing.T) {
	p := newPKI(t)
	allowed := netchecktest.ServeTLS(t, p.corp.Leaf(t, "inspected.test"), 0, nil)
	blocked := netchecktest.ServeTLS(t, p.corp.Leaf(t, "blocked.test"), 0, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		io.WriteString(w, "Blocked by corporate policy")
	}))
	rep := report(t, p.config(3*time.Second), at("inspected.test", netchecktest.Port(allowed)), at("blocked.test", netchecktest.Port(blocked)))
	in, bl := rep.Endpoints[0], rep.Endpoints[1]
	wantCause(t, in, netcheck.TLSIntercepted, "")
	if in.HTTPStatus != 200 || !in.Reachable || in.Severity != netcheck.SeverityWarn {
		t.Errorf("inspected: status %d, reachable %v, severity %q", in.HTTPStatus, in.Reachable, in.Severity)
	}
	wantCause(t, bl, netcheck.TLSIntercepted, netcheck.CauseBlockPage)
	if bl.HTTPStatus != 403 || bl.Severity != netcheck.SeverityFail {
		t.Errorf("blocked: status %d, severity %q", bl.HTTPStatus, bl.Severity)
	}
	s := rep.Summary
	if strings.Join(s.Allow, ",") != "blocked.test" || strings.Join(s.ExemptFromInspection, ",") != "inspected.test" {
		t.Errorf("allow %v, exempt %v", s.Allow, s.ExemptFromInspection)
	}
}

// An address the list marks required = false warns when it fails: the run still passes.
func TestOptionalAddressWarns(t *testing.T) {
	p := newPKI(t)
	_, port, _ := net.SplitHostPort(netchecktest.Refused(t))
	ep := endpoint(t, at("optional.test", port))
	ep.Optional = true
	c := netcheck.New(p.config(3 * time.Second))
	rep := c.NewReport(c.Run(context.Background(), []netcheck.Endpoint{ep}, nil), time.Second)
	r := rep.Endpoints[0]
	if r.Class != netcheck.Refused || r.Severity != netcheck.SeverityWarn || r.Required {
		t.Fatalf("class %q severity %q required %v", r.Class, r.Severity, r.Required)
	}
	if !rep.Summary.Passed(false) || rep.Summary.Passed(true) {
		t.Errorf("an optional failure passes, except with --strict")
	}
}

// tcp://host:port is a connect-only probe: the phones' push channels.
func TestTCPAddressIsConnectOnly(t *testing.T) {
	p := newPKI(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, open, _ := net.SplitHostPort(l.Addr().String())
	_, closed, _ := net.SplitHostPort(netchecktest.Refused(t))
	rs := check(t, p.config(3*time.Second), "tcp://push.test:"+open, "tcp://push.test:"+closed)
	wantCause(t, rs[0], netcheck.OK, "")
	wantClass(t, rs[1], netcheck.Refused)
	if rs[0].URL != "tcp://push.test:"+open || rs[0].TLSIssuer != "" {
		t.Errorf("url %q issuer %q", rs[0].URL, rs[0].TLSIssuer)
	}
}

// The summary's lists match the remedies: a connection cut during TLS is a filter's (allow),
// a server slow to answer after TLS is neither the firewall's nor the DNS's.
func TestSummaryListsMatchTheRemedies(t *testing.T) {
	p := newPKI(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			buf := make([]byte, 512)
			c.Read(buf)
			c.Close()
		}
	}()
	_, cut, _ := net.SplitHostPort(l.Addr().String())
	release := make(chan struct{})
	defer close(release)
	slow := netchecktest.ServeTLS(t, p.public.Leaf(t, "slowapp.test"), 0, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	rep := report(t, p.config(1500*time.Millisecond), at("cut.test", cut), at("slowapp.test", netchecktest.Port(slow)))
	if rep.Endpoints[0].Class != netcheck.Error || rep.Endpoints[1].Class != netcheck.Timeout {
		t.Fatalf("classes %q %q", rep.Endpoints[0].Class, rep.Endpoints[1].Class)
	}
	if s := rep.Summary; strings.Join(s.Allow, ",") != "cut.test" || len(s.DNS) != 0 || len(s.ExemptFromInspection) != 0 {
		t.Errorf("allow %v, dns %v, exempt %v", s.Allow, s.DNS, s.ExemptFromInspection)
	}
}
