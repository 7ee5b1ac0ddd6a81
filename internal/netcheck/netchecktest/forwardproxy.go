package netchecktest

import (
	"context"
	"encoding/base64"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// ForwardProxy is an http proxy on loopback that forwards absolute-form requests
// ("GET http://host/path") to 127.0.0.1 on the port asked, and refuses CONNECT, as corporate
// proxies do for port 80.
type ForwardProxy struct {
	URL string

	// Block answers 403 for these hosts; Basic, when set ("user:password"), asks to sign in.
	Block map[string]bool
	Basic string

	mu   sync.Mutex
	seen []string // request lines received ("GET http://crl.test:1234/x.crl", "CONNECT a:443")
}

// Requests are the request lines received, in order.
func (p *ForwardProxy) Requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.seen...)
}

// NewForwardProxy starts a forwarding proxy.
func NewForwardProxy(t testing.TB) *ForwardProxy {
	t.Helper()
	p := &ForwardProxy{}
	var d net.Dialer
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		_, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		return d.DialContext(ctx, network, net.JoinHostPort("127.0.0.1", port))
	}}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		line := r.Method + " " + r.RequestURI
		p.mu.Lock()
		p.seen = append(p.seen, line)
		block, basic := p.Block[r.URL.Hostname()], p.Basic
		p.mu.Unlock()
		switch {
		case r.Method == http.MethodConnect:
			http.Error(w, "CONNECT is not allowed to this port", http.StatusForbidden)
			return
		case !r.URL.IsAbs():
			http.Error(w, "not a proxy request", http.StatusBadRequest)
			return
		case basic != "" && r.Header.Get("Proxy-Authorization") != "Basic "+base64.StdEncoding.EncodeToString([]byte(basic)):
			w.Header().Set("Proxy-Authenticate", `Basic realm="corp"`)
			http.Error(w, "sign in", http.StatusProxyAuthRequired)
			return
		case block:
			http.Error(w, "blocked by policy", http.StatusForbidden)
			return
		}
		out, err := http.NewRequestWithContext(r.Context(), r.Method, r.URL.String(), nil)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		resp, err := tr.RoundTrip(out)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		for k, v := range resp.Header {
			w.Header()[k] = v
		}
		w.Header().Set("Via", "1.1 "+strings.TrimPrefix(p.URL, "http://"))
		w.WriteHeader(resp.StatusCode)
		io.Copy(w, resp.Body)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.Start()
	t.Cleanup(func() {
		srv.Close()
		tr.CloseIdleConnections()
	})
	p.URL = srv.URL
	return p
}
