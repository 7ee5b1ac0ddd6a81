package netchecktest

import (
	"crypto/tls"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// Proxy is an HTTP proxy on loopback that tunnels CONNECT requests, or refuses them.
type Proxy struct {
	URL string // http://127.0.0.1:port
	srv *httptest.Server

	mu       sync.Mutex
	connects []string
}

// Connects lists the targets asked for, in order.
func (p *Proxy) Connects() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.connects...)
}

// NewProxy starts a proxy. refuse makes it answer 403 to every CONNECT. Every target host is
// reached on 127.0.0.1, so names such as "ok.test" work as they do with Resolver.
func NewProxy(t testing.TB, refuse bool) *Proxy {
	t.Helper()
	p := &Proxy{}
	p.srv = httptest.NewUnstartedServer(http.HandlerFunc(p.serve(refuse)))
	p.srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	p.srv.Start()
	t.Cleanup(p.srv.Close)
	p.URL = p.srv.URL
	return p
}

// NewTLSProxy starts a proxy that is itself reached over TLS (an https:// proxy), presenting
// cert.
func NewTLSProxy(t testing.TB, cert tls.Certificate) *Proxy {
	t.Helper()
	p := &Proxy{}
	p.srv = httptest.NewUnstartedServer(http.HandlerFunc(p.serve(false)))
	p.srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	p.srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	p.srv.StartTLS()
	t.Cleanup(p.srv.Close)
	p.URL = p.srv.URL
	return p
}

func (p *Proxy) serve(refuse bool) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			http.Error(w, "CONNECT only", http.StatusMethodNotAllowed)
			return
		}
		p.mu.Lock()
		p.connects = append(p.connects, r.Host)
		p.mu.Unlock()
		if refuse {
			http.Error(w, "blocked by policy", http.StatusForbidden)
			return
		}
		_, port, err := net.SplitHostPort(r.Host)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		up, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", port), 5*time.Second)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		down, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			up.Close()
			return
		}
		io.WriteString(down, "HTTP/1.1 200 Connection established\r\n\r\n")
		go func() {
			io.Copy(up, buf)
			up.Close()
		}()
		io.Copy(down, up)
		down.Close()
	}
}
