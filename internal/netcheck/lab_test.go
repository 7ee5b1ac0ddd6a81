package netcheck_test

import (
	"crypto/tls"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// Issue 19 item 9: a server that only offers RSA key exchange, or only HTTP/2, is reached as a
// browser reaches it. Before: Go's defaults (no RSA key exchange since 1.22, http/1.1 only)
// ended the handshake with an alert, blamed on a filter ("allow it in that filter").
func TestServersBrowsersReachAreNotAFilter(t *testing.T) {
	p := newPKI(t)
	t.Run("RSA key exchange only", func(t *testing.T) {
		srv := netchecktest.ServeTLSConfig(t, p.public.IssueRSA(t, "rsa.test"), false, func(c *tls.Config) {
			c.MaxVersion = tls.VersionTLS12
			c.CipherSuites = []uint16{tls.TLS_RSA_WITH_AES_128_GCM_SHA256}
		})
		r := check(t, p.config(5*time.Second), at("rsa.test", netchecktest.Port(srv)))[0]
		if r.Class != netcheck.OK || r.Cause != "" {
			t.Errorf("class %q cause %q alert %q (%s)", r.Class, r.Cause, r.TLSAlert, r.Detail)
		}
	})
	t.Run("HTTP/2 only", func(t *testing.T) {
		srv := netchecktest.ServeTLSConfig(t, p.public.Leaf(t, "h2.test"), true, func(c *tls.Config) {
			// Strict, as some servers are: a client that does not offer h2 is refused (Go's own
			// server would fall back to HTTP/1.1).
			c.GetConfigForClient = func(hi *tls.ClientHelloInfo) (*tls.Config, error) {
				if !slices.Contains(hi.SupportedProtos, "h2") {
					return nil, errors.New("HTTP/2 only")
				}
				return nil, nil
			}
		})
		r := check(t, p.config(5*time.Second), at("h2.test", netchecktest.Port(srv)))[0]
		if r.Class != netcheck.OK || r.HTTPStatus != 200 {
			t.Errorf("class %q status %d cause %q alert %q (%s)", r.Class, r.HTTPStatus, r.Cause, r.TLSAlert, r.Detail)
		}
	})
}

// Issue 19 item 1, in a lab: a name whose DNS answer is loopback is connected to first. Where
// a server answers there, the browser gets the page: ok. Where nothing answers, the sinkhole is
// the culprit, named by where it came from: the DNS server, or this computer's hosts file.
func TestLabSinkholeIsJudgedAfterTheConnection(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "local.test"), 0, nil)
	_, closed, _ := net.SplitHostPort(netchecktest.Refused(t))
	dns := netchecktest.NewDNSServer(t, map[string][]net.IP{
		"local.test": {net.IPv4(127, 0, 0, 1)}, "blocked.test": {net.IPv4(127, 0, 0, 1)}, "hosts.test": {net.IPv4(127, 0, 0, 1)}})
	hosts := filepath.Join(t.TempDir(), "hosts")
	if err := os.WriteFile(hosts, []byte("# test\n127.0.0.1 hosts.test\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := p.config(3 * time.Second)
	cfg.Resolver, cfg.HostsFile, cfg.HasNetwork = dns.Resolver(), hosts, func() bool { return true }
	rep := report(t, cfg, at("local.test", netchecktest.Port(srv)), at("blocked.test", closed), at("hosts.test", closed))
	want := []struct {
		class netcheck.Class
		cause netcheck.Cause
		owner netcheck.Owner
	}{{netcheck.OK, "", netcheck.OwnerNobody}, {netcheck.DNS, netcheck.CauseDNSFilter, netcheck.OwnerDNS},
		{netcheck.DNS, netcheck.CauseHostsFile, netcheck.OwnerWorkstation}}
	for i, w := range want {
		r := rep.Endpoints[i]
		if r.Class != w.class || r.Cause != w.cause || r.Owner != w.owner {
			t.Errorf("%s: class %q cause %q owner %q (%s); want %q %q %q", r.URL, r.Class, r.Cause, r.Owner, r.Detail, w.class, w.cause, w.owner)
		}
	}
	if r := rep.Endpoints[1]; r.NetError != "ERR_CONNECTION_REFUSED" || !strings.Contains(r.Detail, "from the DNS server") {
		t.Errorf("net error %q, detail %q", r.NetError, r.Detail)
	}
	if r := rep.Endpoints[2]; !strings.Contains(r.Detail, "hosts file") {
		t.Errorf("detail %q", r.Detail)
	}
}

// Issue 19 item 5, in a lab: a transparent proxy's refusals on plain-http addresses, and
// Squid's own 503, are failures, not a reachable address or a warning.
func TestLabProxyRefusalsAreFailures(t *testing.T) {
	p := newPKI(t)
	urls := []string{
		netchecktest.StatusServer(t, "crl.test", 403, http.Header{"Via": {"1.1 squid-transparent"}}),
		netchecktest.StatusServer(t, "ocsp.test", 451, nil),
		netchecktest.StatusServer(t, "crl4.test", 503, http.Header{"X-Squid-Error": {"ERR_CONNECT_FAIL 111"}}),
	}
	rep := report(t, p.config(3*time.Second), urls...)
	for _, r := range rep.Endpoints {
		if r.Class != netcheck.Proxy || r.Cause != netcheck.CauseProxyRefusal || r.Severity != netcheck.SeverityFail || r.Reachable {
			t.Errorf("%s: class %q cause %q severity %q reachable %v", r.URL, r.Class, r.Cause, r.Severity, r.Reachable)
		}
	}
}

// Issue 19 item 7, in a lab: a DNS server that drops the names while the network is up is the
// DNS's doing, listed for the DNS team, not "offline"; the remedy gives the real wait.
func TestLabDNSThatDropsIsNotOffline(t *testing.T) {
	p := newPKI(t)
	cfg := p.config(1500 * time.Millisecond)
	cfg.Resolver, cfg.HasNetwork = netchecktest.DroppingDNS(t), func() bool { return true }
	rep := report(t, cfg, "https://one.test/", "https://two.test/")
	if rep.Summary.Offline || len(rep.Summary.DNS) != 2 {
		t.Errorf("offline %v, dns %v", rep.Summary.Offline, rep.Summary.DNS)
	}
	for _, r := range rep.Endpoints {
		if r.Class != netcheck.Timeout || r.Cause != netcheck.CauseDNSUnanswered || r.Owner != netcheck.OwnerDNS || r.DNSWait <= 0 {
			t.Errorf("%s: class %q cause %q owner %q wait %v", r.URL, r.Class, r.Cause, r.Owner, r.DNSWait)
		}
	}
}

// verdicts is what a run concluded, without the times: the JSON's endpoints with elapsed_ms
// and the summary's elapsed_ms taken out.
func verdicts(t *testing.T, rep netcheck.Report) string {
	t.Helper()
	for i := range rep.Endpoints {
		rep.Endpoints[i].ElapsedMS = 0
	}
	rep.Summary.ElapsedMS = 0
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Issue 19: the same network gives the same verdict on every run, and the whole run ends
// within --timeout and one second. Before: two verdicts changed from run to run.
func TestLabThreeRunsGiveTheSameVerdicts(t *testing.T) {
	p := newPKI(t)
	ok := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	rogue := netchecktest.ServeTLS(t, p.rogue.Leaf(t, "rogue.test"), 0, nil)
	_, refused, _ := net.SplitHostPort(netchecktest.Refused(t))
	_, dropping, _ := net.SplitHostPort(netchecktest.Dropping(t))
	urls := []string{at("ok.test", netchecktest.Port(ok)), at("refused.test", refused), at("dropping.test", dropping),
		at("rogue.test", netchecktest.Port(rogue)), at("nowhere.test", "443"),
		netchecktest.StatusServer(t, "crl.test", 403, http.Header{"Via": {"1.1 filter"}}),
		netchecktest.StatusServer(t, "ocsp.test", 200, nil)}
	const limit = 1500 * time.Millisecond
	var first string
	for run := range 3 {
		cfg := p.config(limit)
		cfg.HasNetwork = func() bool { return true }
		start := time.Now()
		rep := report(t, cfg, urls...)
		if d := time.Since(start); d > limit+time.Second {
			t.Errorf("run %d took %v, past the limit of %v and one second", run+1, d, limit)
		}
		got := verdicts(t, rep)
		if run == 0 {
			first = got
			continue
		}
		if got != first {
			t.Errorf("run %d differs:\n%s\nfirst:\n%s", run+1, got, first)
		}
	}
}
