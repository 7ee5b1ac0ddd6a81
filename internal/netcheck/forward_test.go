package netcheck_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// A plain-http address (a revocation list) through a proxy that refuses CONNECT to port 80:
// sent as a forwarded GET, as browsers send it, it answers.
func TestPlainHTTPThroughAProxyIsForwarded(t *testing.T) {
	p := newPKI(t)
	crl := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "crl") }))
	t.Cleanup(crl.Close)
	port := netchecktest.Port(crl)
	proxy := netchecktest.NewForwardProxy(t)
	proxy.Block = map[string]bool{"blocked.test": true}
	cfg := p.config(5 * time.Second)
	cfg.Proxy = mustProxy(nil, proxy.URL)
	cfg.Dialer = netchecktest.OnlyTo{strings.TrimPrefix(proxy.URL, "http://")} // direct traffic refused
	rs := check(t, cfg, "http://crl.test:"+port+"/x.crl", "http://blocked.test:"+port+"/")
	wantClass(t, rs[0], netcheck.OK)
	if rs[0].Proxy != proxy.URL || rs[0].HTTPStatus != 200 {
		t.Errorf("proxy %q, status %d", rs[0].Proxy, rs[0].HTTPStatus)
	}
	if got := strings.Join(proxy.Requests(), "|"); len(proxy.Requests()) != 2 || !strings.Contains(got, "GET http://crl.test:"+port+"/x.crl") {
		t.Errorf("the proxy saw %q", got)
	}
	// The proxy's own refusal is the proxy's, not an answer of the server.
	wantClass(t, rs[1], netcheck.Proxy)
	if rs[1].Phase != netcheck.PhaseProxy || !strings.Contains(rs[1].Detail, "403") {
		t.Errorf("phase %q, detail %q", rs[1].Phase, rs[1].Detail)
	}

	// A forwarding proxy that asks to sign in: Basic from the URL, else proxy_auth.
	proxy.Basic = "jdoe:pw"
	host := strings.TrimPrefix(proxy.URL, "http://")
	cfg.Proxy = mustProxy(nil, "http://jdoe:pw@"+host)
	wantClass(t, check(t, cfg, "http://crl.test:"+port+"/x.crl")[0], netcheck.OK)
	cfg.Proxy = mustProxy(nil, proxy.URL)
	cfg.ProxyAuth = noSignIn{}
	r := check(t, cfg, "http://crl.test:"+port+"/x.crl")[0]
	wantClass(t, r, netcheck.ProxyAuth)
	if strings.Join(r.ProxyAuth, ",") != "Basic" {
		t.Errorf("schemes %v", r.ProxyAuth)
	}
}
