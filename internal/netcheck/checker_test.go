package netcheck_test

import (
	"context"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// pki is the trust world of a test: a public CA (trusted everywhere, like a real web CA), a
// corporate inspection CA (installed on this machine only, like a TLS-inspecting proxy's) and a
// rogue CA that nobody trusts.
type pki struct {
	public, corp, rogue *netchecktest.CA
}

func newPKI(t *testing.T) pki {
	return pki{
		public: netchecktest.NewCA(t, "Test Public Root", "Public Trust"),
		corp:   netchecktest.NewCA(t, "Corp Inspection CA", "Example Corp Firewall"),
		rogue:  netchecktest.NewCA(t, "Rogue CA", "Nobody"),
	}
}

func (p pki) config(timeout time.Duration) netcheck.Config {
	return netcheck.Config{
		Timeout:     timeout,
		Resolver:    netchecktest.Resolver{Missing: map[string]bool{"nowhere.test": true}},
		SystemRoots: netchecktest.Pool(p.public, p.corp),
		PublicRoots: netchecktest.Pool(p.public),
		Proxy:       mustProxy(nil, "none"),
	}
}

func mustProxy(env map[string]string, flag string) netcheck.ProxySetting {
	s, err := netcheck.ProxyFromSettings(flag, func(k string) string { return env[k] })
	if err != nil {
		panic(err)
	}
	return s
}

func endpoint(t *testing.T, rawURL string) netcheck.Endpoint {
	t.Helper()
	eps, bad, err := netcheck.FromURLs([]string{rawURL})
	if err != nil {
		t.Fatalf("%s: %v", bad, err)
	}
	return eps[0]
}

// at is the URL of srv under a host name.
func at(host string, port string) string { return "https://" + host + ":" + port + "/" }

func check(t *testing.T, cfg netcheck.Config, urls ...string) []netcheck.Result {
	t.Helper()
	var eps []netcheck.Endpoint
	for _, u := range urls {
		eps = append(eps, endpoint(t, u))
	}
	return netcheck.New(cfg).Run(context.Background(), eps, nil)
}

func wantClass(t *testing.T, r netcheck.Result, want netcheck.Class) {
	t.Helper()
	if r.Class != want {
		t.Fatalf("%s: class %q, want %q (detail %q)", r.URL, r.Class, want, r.Detail)
	}
}

func TestTrustedServerIsOK(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	r := check(t, p.config(5*time.Second), at("ok.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.OK)
	if !r.Reachable || r.HTTPStatus != 200 || r.IP != "127.0.0.1" || r.Host != "ok.test" {
		t.Errorf("reachable %v, status %d, ip %q, host %q", r.Reachable, r.HTTPStatus, r.IP, r.Host)
	}
	if !strings.Contains(r.TLSIssuer, "Test Public Root") || r.TLSNotAfter == "" {
		t.Errorf("issuer %q, not after %q", r.TLSIssuer, r.TLSNotAfter)
	}
	if r.Proxy != "" || r.Detail != "" || len(r.Redirects) != 0 || r.Redirects == nil {
		t.Errorf("proxy %q, detail %q, redirects %#v", r.Proxy, r.Detail, r.Redirects)
	}
}

func TestUntrustedCertificateNamesItsIssuer(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.rogue.Leaf(t, "rogue.test"), 0, nil)
	r := check(t, p.config(5*time.Second), at("rogue.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.TLSUntrusted)
	if !strings.Contains(r.TLSIssuer, "Rogue CA") || r.Reachable || r.HTTPStatus != 0 {
		t.Errorf("issuer %q, reachable %v, status %d", r.TLSIssuer, r.Reachable, r.HTTPStatus)
	}
}

func TestInterceptionIsTrustedHereButNotPublicly(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.corp.Leaf(t, "login.test"), 0, nil)
	r := check(t, p.config(5*time.Second), at("login.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.TLSIntercepted)
	if !strings.Contains(r.TLSIssuer, "Corp Inspection CA") || r.FailedHost != "login.test" {
		t.Errorf("issuer %q, failed host %q", r.TLSIssuer, r.FailedHost)
	}
}

func TestCAFileRootsCountAsGenuine(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.rogue.Leaf(t, "private.test"), 0, nil)
	cfg := p.config(5 * time.Second)
	cfg.ExtraRoots = append(cfg.ExtraRoots, p.rogue.Cert)
	wantClass(t, check(t, cfg, at("private.test", netchecktest.Port(srv)))[0], netcheck.OK)

	// The corporate CA given with --ca-file is declared genuine: no interception reported.
	srv2 := netchecktest.ServeTLS(t, p.corp.Leaf(t, "corp.test"), 0, nil)
	cfg.ExtraRoots = append(cfg.ExtraRoots, p.corp.Cert)
	wantClass(t, check(t, cfg, at("corp.test", netchecktest.Port(srv2)))[0], netcheck.OK)
}

func TestExpiredCertificate(t *testing.T) {
	p := newPKI(t)
	old := p.public.Issue(t, []string{"old.test"}, time.Now().Add(-60*24*time.Hour), time.Now().Add(-24*time.Hour))
	srv := netchecktest.ServeTLS(t, old, 0, nil)
	r := check(t, p.config(5*time.Second), at("old.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.TLSExpired)
	if r.NotAfter.IsZero() || r.NotAfter.After(time.Now()) || r.TLSNotAfter == "" {
		t.Errorf("not after %v / %q", r.NotAfter, r.TLSNotAfter)
	}
}

func TestCertificateForAnotherName(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "portal.test"), 0, nil)
	r := check(t, p.config(5*time.Second), at("wanted.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.TLSHostname)
	if len(r.CertNames) != 1 || r.CertNames[0] != "portal.test" {
		t.Errorf("cert names %v", r.CertNames)
	}
}

func TestRefused(t *testing.T) {
	p := newPKI(t)
	_, port, _ := net.SplitHostPort(netchecktest.Refused(t))
	r := check(t, p.config(5*time.Second), at("closed.test", port))[0]
	wantClass(t, r, netcheck.Refused)
	if r.Phase != netcheck.PhaseConnect || r.IP != "127.0.0.1" {
		t.Errorf("phase %q, ip %q", r.Phase, r.IP)
	}
}

func TestUnknownName(t *testing.T) {
	p := newPKI(t)
	r := check(t, p.config(5*time.Second), "https://nowhere.test/")[0]
	wantClass(t, r, netcheck.DNS)
	if r.IP != "" || r.Phase != netcheck.PhaseDNS {
		t.Errorf("ip %q, phase %q", r.IP, r.Phase)
	}
}

// A server that accepts the connection and never answers, and a port whose connection attempts
// are dropped: both end as timeouts, at the deadline, not later.
func TestSilentServerAndDroppedPacketsTimeOut(t *testing.T) {
	p := newPKI(t)
	_, silent, _ := net.SplitHostPort(netchecktest.Silent(t))
	_, dropped, _ := net.SplitHostPort(netchecktest.Dropping(t))
	timeout := 400 * time.Millisecond
	start := time.Now()
	rs := check(t, p.config(timeout), at("silent.test", silent), at("dropped.test", dropped))
	wall := time.Since(start)
	wantClass(t, rs[0], netcheck.Timeout)
	wantClass(t, rs[1], netcheck.Timeout)
	if rs[0].Phase != netcheck.PhaseTLS || rs[1].Phase != netcheck.PhaseConnect {
		t.Errorf("phases %q and %q, want tls and connect", rs[0].Phase, rs[1].Phase)
	}
	for _, r := range rs {
		if r.Elapsed < timeout {
			t.Errorf("%s gave up after %v, before the %v limit", r.URL, r.Elapsed, timeout)
		}
	}
	// Not a speed target: a guard against a check that ignores its deadline and hangs.
	if wall > timeout+3*time.Second {
		t.Errorf("the run took %v with a %v limit", wall, timeout)
	}
}

func TestSlowHandshakeUnderAndOverTheLimit(t *testing.T) {
	p := newPKI(t)
	slow := netchecktest.ServeTLS(t, p.public.Leaf(t, "slow.test"), 200*time.Millisecond, nil)
	slower := netchecktest.ServeTLS(t, p.public.Leaf(t, "slower.test"), 6*time.Second, nil)
	// A 2 s limit leaves the 200 ms handshake room on a loaded two-core CI machine under -race.
	rs := check(t, p.config(2*time.Second), at("slow.test", netchecktest.Port(slow)), at("slower.test", netchecktest.Port(slower)))
	wantClass(t, rs[0], netcheck.OK)
	wantClass(t, rs[1], netcheck.Timeout)
	if rs[1].Phase != netcheck.PhaseTLS {
		t.Errorf("phase %q", rs[1].Phase)
	}
}

func TestServerError(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "busy.test"), 0, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
	}))
	r := check(t, p.config(5*time.Second), at("busy.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.HTTPStatus)
	if !r.Reachable || r.HTTPStatus != 503 {
		t.Errorf("reachable %v, status %d", r.Reachable, r.HTTPStatus)
	}
}

func TestClientErrorsAreReachable(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "auth.test"), 0, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "sign in first", http.StatusUnauthorized)
	}))
	r := check(t, p.config(5*time.Second), at("auth.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.OK)
	if r.HTTPStatus != 401 {
		t.Errorf("status %d", r.HTTPStatus)
	}
}

func redirectTo(url string) http.Handler { return http.RedirectHandler(url, http.StatusFound) }

func TestRedirectInsideTheList(t *testing.T) {
	p := newPKI(t)
	target := netchecktest.ServeTLS(t, p.public.Leaf(t, "login.test"), 0, nil)
	targetURL := at("login.test", netchecktest.Port(target)) + "signin?x=1"
	start := netchecktest.ServeTLS(t, p.public.Leaf(t, "app.test"), 0, redirectTo(targetURL))
	rs := check(t, p.config(5*time.Second), at("app.test", netchecktest.Port(start)), at("login.test", netchecktest.Port(target)))
	r := rs[0]
	wantClass(t, r, netcheck.OK)
	if r.HTTPStatus != 302 || len(r.Redirects) != 1 {
		t.Fatalf("status %d, redirects %#v", r.HTTPStatus, r.Redirects)
	}
	h := r.Redirects[0]
	if h.URL != targetURL || h.Host != "login.test" || !h.Listed || h.Class != netcheck.OK || h.HTTPStatus != 200 || h.IP != "127.0.0.1" {
		t.Errorf("hop %#v", h)
	}
}

func TestRedirectOutsideTheListIsNamed(t *testing.T) {
	p := newPKI(t)
	cdn := netchecktest.ServeTLS(t, p.public.Leaf(t, "cdn.other.test"), 0, nil)
	start := netchecktest.ServeTLS(t, p.public.Leaf(t, "app.test"), 0, redirectTo(at("cdn.other.test", netchecktest.Port(cdn))))
	c := netcheck.New(p.config(5 * time.Second))
	eps := []netcheck.Endpoint{endpoint(t, at("app.test", netchecktest.Port(start)))}
	rs := c.Run(context.Background(), eps, nil)
	wantClass(t, rs[0], netcheck.OK)
	if len(rs[0].Redirects) != 1 || rs[0].Redirects[0].Listed {
		t.Fatalf("redirects %#v", rs[0].Redirects)
	}
	s := c.NewReport(rs, time.Second).Summary
	if strings.Join(s.Unlisted, ",") != "cdn.other.test" || strings.Join(s.Allow, ",") != "cdn.other.test" {
		t.Errorf("unlisted %v, allow %v", s.Unlisted, s.Allow)
	}
}

func TestRedirectCoveredByAWildcardRuleIsListed(t *testing.T) {
	p := newPKI(t)
	cdn := netchecktest.ServeTLS(t, p.public.Leaf(t, "aadcdn.auth.test"), 0, nil)
	start := netchecktest.ServeTLS(t, p.public.Leaf(t, "app.test"), 0, redirectTo(at("aadcdn.auth.test", netchecktest.Port(cdn))))
	eps := []netcheck.Endpoint{endpoint(t, at("app.test", netchecktest.Port(start))), endpoint(t, "https://login.auth.test")}
	eps[1].Allow = "*.auth.test"
	r := netcheck.New(p.config(5*time.Second)).Check(context.Background(), eps[0], eps, nil)
	if len(r.Redirects) != 1 || !r.Redirects[0].Listed {
		t.Fatalf("redirects %#v", r.Redirects)
	}
}

func TestRedirectToABlockedHostFailsTheEndpoint(t *testing.T) {
	p := newPKI(t)
	start := netchecktest.ServeTLS(t, p.public.Leaf(t, "app.test"), 0, redirectTo("https://nowhere.test/"))
	r := check(t, p.config(5*time.Second), at("app.test", netchecktest.Port(start)))[0]
	wantClass(t, r, netcheck.DNS)
	if r.FailedHost != "nowhere.test" || !r.Reachable || r.HTTPStatus != 302 || !strings.Contains(r.Detail, "nowhere.test") {
		t.Errorf("failed host %q, reachable %v, status %d, detail %q", r.FailedHost, r.Reachable, r.HTTPStatus, r.Detail)
	}
}

func TestRedirectLoopStops(t *testing.T) {
	p := newPKI(t)
	var hits atomic.Int32
	var self string
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "loop.test"), 0, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Redirect(w, r, self, http.StatusFound)
	}))
	self = at("loop.test", netchecktest.Port(srv))
	cfg := p.config(5 * time.Second)
	cfg.MaxRedirects = 3
	r := check(t, cfg, self)[0]
	wantClass(t, r, netcheck.Error)
	if len(r.Redirects) != 3 || hits.Load() != 4 || !strings.Contains(r.Detail, "redirects") {
		t.Errorf("%d redirects, %d requests, detail %q", len(r.Redirects), hits.Load(), r.Detail)
	}
}

func TestThroughAProxy(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	proxy := netchecktest.NewProxy(t, false)
	cfg := p.config(5 * time.Second)
	cfg.Proxy = mustProxy(nil, proxy.URL)
	r := check(t, cfg, at("ok.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.OK)
	if r.Proxy != proxy.URL {
		t.Errorf("proxy %q, want %q", r.Proxy, proxy.URL)
	}
	if got := proxy.Connects(); len(got) != 1 || got[0] != "ok.test:"+netchecktest.Port(srv) {
		t.Errorf("the proxy was asked for %v", got)
	}
}

func TestProxyThatRefusesOrIsDown(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	u := at("ok.test", netchecktest.Port(srv))

	cfg := p.config(5 * time.Second)
	cfg.Proxy = mustProxy(nil, netchecktest.NewProxy(t, true).URL)
	r := check(t, cfg, u)[0]
	wantClass(t, r, netcheck.Proxy)
	if !strings.Contains(r.Detail, "403") || r.Phase != netcheck.PhaseProxy {
		t.Errorf("detail %q, phase %q", r.Detail, r.Phase)
	}

	// The proxy itself out of reach: the setting is wrong, not this endpoint's passage.
	cfg.Proxy = mustProxy(nil, "http://"+netchecktest.Refused(t))
	r = check(t, cfg, u)[0]
	wantClass(t, r, netcheck.Proxy)
	if r.Phase != netcheck.PhaseProxyReach {
		t.Errorf("phase %q, want %q", r.Phase, netcheck.PhaseProxyReach)
	}
}

func TestProxyFromTheEnvironment(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	u := at("ok.test", netchecktest.Port(srv))
	proxy := netchecktest.NewProxy(t, false)
	cfg := p.config(5 * time.Second)
	for _, env := range []map[string]string{
		{"HTTPS_PROXY": proxy.URL},
		{"https_proxy": proxy.URL},
		{"HTTP_PROXY": proxy.URL}, // Go and curl use HTTP_PROXY only for http:// addresses
		{"HTTPS_PROXY": proxy.URL, "NO_PROXY": "ok.test"},
		{"HTTPS_PROXY": proxy.URL, "no_proxy": ".test"},
	} {
		before := len(proxy.Connects())
		cfg.Proxy = mustProxy(env, "")
		r := check(t, cfg, u)[0]
		wantClass(t, r, netcheck.OK)
		_, exempt := env["NO_PROXY"]
		_, exempt2 := env["no_proxy"]
		_, httpOnly := env["HTTP_PROXY"]
		wantProxy := !exempt && !exempt2 && !httpOnly
		if used := len(proxy.Connects()) > before; used != wantProxy || (r.Proxy != "") != wantProxy {
			t.Errorf("%v: proxy used %v, reported %q", env, used, r.Proxy)
		}
	}
	// --proxy none wins over the environment.
	s := mustProxy(map[string]string{"HTTPS_PROXY": proxy.URL}, "none")
	if s.Source != netcheck.ProxyNone {
		t.Errorf("source %q", s.Source)
	}
}

func TestProxySettingErrors(t *testing.T) {
	for _, bad := range []string{"ftp://proxy:21", "http://", "::"} {
		if _, err := netcheck.ProxyFromSettings(bad, func(string) string { return "" }); err == nil {
			t.Errorf("--proxy %q accepted", bad)
		}
	}
	s, err := netcheck.ProxyFromSettings("http://user:secret@proxy.example:3128", func(string) string { return "" })
	if err != nil || s.Configured != "http://proxy.example:3128" || s.Source != netcheck.ProxyFromFlag {
		t.Errorf("configured %q, source %q, err %v", s.Configured, s.Source, err)
	}
}

func TestProgressReportsEveryStepOnceDone(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	eps := []netcheck.Endpoint{endpoint(t, at("ok.test", netchecktest.Port(srv))), endpoint(t, "https://nowhere.test")}
	var inCallback atomic.Int32
	stages := map[int][]netcheck.Stage{}
	netcheck.New(p.config(5*time.Second)).Run(context.Background(), eps, func(e netcheck.Event) {
		if inCallback.Add(1) != 1 {
			t.Error("progress called concurrently")
		}
		defer inCallback.Add(-1)
		stages[e.Index] = append(stages[e.Index], e.Stage)
		if e.Stage == netcheck.StageDone && e.Result == nil {
			t.Error("done without a result")
		}
	})
	want0 := []netcheck.Stage{netcheck.StageWaiting, netcheck.StageResolving, netcheck.StageConnecting,
		netcheck.StageTLS, netcheck.StageHTTP, netcheck.StageDone}
	if !equalStages(stages[0], want0) {
		t.Errorf("stages of ok.test: %v", stages[0])
	}
	want1 := []netcheck.Stage{netcheck.StageWaiting, netcheck.StageResolving, netcheck.StageDone}
	if !equalStages(stages[1], want1) {
		t.Errorf("stages of nowhere.test: %v", stages[1])
	}
}

func equalStages(a, b []netcheck.Stage) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCancelEndsEveryCheck(t *testing.T) {
	p := newPKI(t)
	_, silent, _ := net.SplitHostPort(netchecktest.Silent(t))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan []netcheck.Result)
	go func() {
		done <- netcheck.New(p.config(time.Minute)).Run(ctx, []netcheck.Endpoint{endpoint(t, at("silent.test", silent))}, nil)
	}()
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case rs := <-done:
		if rs[0].Class == netcheck.OK {
			t.Errorf("a cancelled check reported ok")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("cancelling did not end the check")
	}
}

func TestSummary(t *testing.T) {
	p := newPKI(t)
	ok := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	corp := netchecktest.ServeTLS(t, p.corp.Leaf(t, "inspected.test"), 0, nil)
	c := netcheck.New(p.config(5 * time.Second))
	eps := []netcheck.Endpoint{endpoint(t, at("ok.test", netchecktest.Port(ok))),
		endpoint(t, at("inspected.test", netchecktest.Port(corp))), endpoint(t, "https://nowhere.test")}
	eps[2].Allow = "*.nowhere.test"
	s := c.NewReport(c.Run(context.Background(), eps, nil), time.Second).Summary
	if s.Total != 3 || s.OK != 1 || s.Failed != 2 || s.Classes[netcheck.DNS] != 1 || s.Classes[netcheck.TLSIntercepted] != 1 {
		t.Errorf("summary %+v", s)
	}
	if len(s.Classes) != len(netcheck.Classes) {
		t.Errorf("classes %v", s.Classes)
	}
	// DNS failures have their own list: the remedy is in the DNS, not the firewall.
	if len(s.Allow) != 0 || strings.Join(s.DNS, ",") != "*.nowhere.test" || strings.Join(s.ExemptFromInspection, ",") != "inspected.test" {
		t.Errorf("allow %v, dns %v, exempt %v", s.Allow, s.DNS, s.ExemptFromInspection)
	}
	// The inspection this computer trusts completes the request: it warns, it does not fail.
	if s.Severities[netcheck.SeverityOK] != 1 || s.Severities[netcheck.SeverityWarn] != 1 || s.Severities[netcheck.SeverityFail] != 1 {
		t.Errorf("severities %v", s.Severities)
	}
	if s.Passed(false) || s.Passed(true) {
		t.Error("a run with a failure passed")
	}
}
