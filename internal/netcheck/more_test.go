package netcheck_test

import (
	"context"
	"crypto/x509"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// stallingResolver is a DNS server that never answers: the lookup waits for the deadline.
type stallingResolver struct{}

func (stallingResolver) LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error) {
	<-ctx.Done()
	return nil, &net.DNSError{Err: "i/o timeout", Name: host, IsTimeout: true}
}

func TestDNSServerThatDoesNotAnswer(t *testing.T) {
	p := newPKI(t)
	cfg := p.config(300 * time.Millisecond)
	cfg.Resolver = stallingResolver{}
	r := check(t, cfg, "https://ca.example.test/")[0]
	wantClass(t, r, netcheck.Timeout)
	if r.Phase != netcheck.PhaseDNS {
		t.Errorf("phase %q", r.Phase)
	}
}

// The limit leaves the TLS handshake room under -race on a loaded machine: the stall to catch
// is the request's, after it.
func TestServerSlowToAnswerTheRequest(t *testing.T) {
	p := newPKI(t)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "slowapp.test"), 0, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	r := check(t, p.config(1500*time.Millisecond), at("slowapp.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.Timeout)
	if r.Phase != netcheck.PhaseHTTP || r.TLSIssuer == "" {
		t.Errorf("phase %q, issuer %q", r.Phase, r.TLSIssuer)
	}
}

// A filter that cuts the connection as soon as it sees the TLS hello.
func TestConnectionCutDuringHandshakeIsAnError(t *testing.T) {
	p := newPKI(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			c.Read(make([]byte, 1))
			c.Close()
		}
	}()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	r := check(t, p.config(5*time.Second), at("cut.test", port))[0]
	wantClass(t, r, netcheck.Error)
	if r.Phase != netcheck.PhaseTLS || !strings.Contains(r.Detail, "TLS handshake") {
		t.Errorf("phase %q, detail %q", r.Phase, r.Detail)
	}
}

func TestPlainHTTPAddress(t *testing.T) {
	p := newPKI(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok") }))
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	r := check(t, p.config(5*time.Second), "http://plain.test:"+port+"/")[0]
	wantClass(t, r, netcheck.OK)
	if r.TLSIssuer != "" || r.HTTPStatus != 200 {
		t.Errorf("issuer %q, status %d", r.TLSIssuer, r.HTTPStatus)
	}
}

// A machine without a root store (no CA bundle installed) still sees a genuine public chain as
// ok: nothing on the network interferes.
func TestPublicChainWithoutSystemRootsIsOK(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	cfg := p.config(5 * time.Second)
	cfg.SystemRoots = x509.NewCertPool()
	r := check(t, cfg, at("ok.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.OK)
	if !strings.Contains(r.Detail, "root store") {
		t.Errorf("detail %q", r.Detail)
	}
}

// A leaf signed by an intermediate: the chain the server sends is what is verified.
func TestChainWithIntermediate(t *testing.T) {
	p := newPKI(t)
	inter := p.corp.Intermediate(t, "Corp Issuing CA 2")
	leaf := inter.Leaf(t, "login.test")
	leaf.Certificate = append(leaf.Certificate, inter.Cert.Raw)
	srv := netchecktest.ServeTLS(t, leaf, 0, nil)
	r := check(t, p.config(5*time.Second), at("login.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.TLSIntercepted)
	if !strings.Contains(r.TLSIssuer, "Corp Issuing CA 2") {
		t.Errorf("issuer %q", r.TLSIssuer)
	}
}

func TestPublicRootsAreTheWebPKI(t *testing.T) {
	pool := netcheck.PublicRoots()
	found := false
	//lint:ignore SA1019 Subjects is deprecated for the system pool only; this pool is built from the bundle.
	for _, s := range pool.Subjects() {
		if strings.Contains(string(s), "ISRG Root X1") {
			found = true
		}
	}
	if !found {
		t.Error("the public roots lack ISRG Root X1 (Let's Encrypt)")
	}
}

func TestThroughAnHTTPSProxy(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	proxy := netchecktest.NewTLSProxy(t, p.corp.Leaf(t, "127.0.0.1"))
	cfg := p.config(5 * time.Second)
	cfg.Proxy = mustProxy(nil, proxy.URL)
	r := check(t, cfg, at("ok.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.OK)
	if !strings.HasPrefix(r.Proxy, "https://127.0.0.1:") || len(proxy.Connects()) != 1 {
		t.Errorf("proxy %q, connects %v", r.Proxy, proxy.Connects())
	}
	// A proxy whose own certificate is not trusted is a proxy failure.
	bad := netchecktest.NewTLSProxy(t, p.rogue.Leaf(t, "127.0.0.1"))
	cfg.Proxy = mustProxy(nil, bad.URL)
	wantClass(t, check(t, cfg, at("ok.test", netchecktest.Port(srv)))[0], netcheck.Proxy)
}
