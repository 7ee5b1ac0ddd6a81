package netchecktest

import (
	"context"
	"crypto/tls"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// ServeTLS starts an HTTPS server on 127.0.0.1 presenting cert. If delay is positive, every
// connection waits that long before the TLS handshake starts: a slow server or link.
func ServeTLS(t testing.TB, cert tls.Certificate, delay time.Duration, h http.Handler) *httptest.Server {
	t.Helper()
	if h == nil {
		h = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "hello\n") })
	}
	srv := httptest.NewUnstartedServer(h)
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	// The client rejects bad certificates on purpose; the server's complaints are noise.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	if delay > 0 {
		srv.Listener = &slowListener{Listener: srv.Listener, delay: delay}
	}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

// Port is the port of a server started by this package.
func Port(srv *httptest.Server) string {
	_, p, _ := net.SplitHostPort(srv.Listener.Addr().String())
	return p
}

type slowListener struct {
	net.Listener
	delay time.Duration
}

func (l *slowListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &slowConn{Conn: c, delay: l.delay, closed: make(chan struct{})}, nil
}

type slowConn struct {
	net.Conn
	delay     time.Duration
	once      sync.Once
	closed    chan struct{}
	closeOnce sync.Once
}

// Read waits before the first byte is read; closing the connection ends the wait, so a test's
// server shuts down at once.
func (c *slowConn) Read(p []byte) (int, error) {
	c.once.Do(func() {
		select {
		case <-time.After(c.delay):
		case <-c.closed:
		}
	})
	return c.Conn.Read(p)
}

func (c *slowConn) Close() error {
	c.closeOnce.Do(func() { close(c.closed) })
	return c.Conn.Close()
}

// Silent listens on 127.0.0.1 and accepts connections but never sends a byte: a firewall that
// lets the TCP handshake through and then drops everything. It returns "127.0.0.1:port".
func Silent(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	silence(t, l)
	return l.Addr().String()
}

// Refused returns "127.0.0.1:port" of a port nothing listens on: connecting is refused.
func Refused(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// Resolver resolves every name to 127.0.0.1, except the names in Missing, which do not exist,
// and those in Addrs, which resolve to the addresses given (in that order). Tests use it so
// host names such as "ok.test" can be checked with their own certificates. Its loopback answers
// are the tests' servers, not a DNS filter's sinkhole (netcheck.LoopbackResolver).
type Resolver struct {
	Missing map[string]bool
	Addrs   map[string][]net.IP
}

// LoopbackIsReal implements netcheck.LoopbackResolver.
func (Resolver) LoopbackIsReal() bool { return true }

// LookupIPAddr implements netcheck.Resolver.
func (r Resolver) LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if r.Missing[strings.ToLower(host)] {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	if ips, ok := r.Addrs[strings.ToLower(host)]; ok {
		out := make([]net.IPAddr, len(ips))
		for i, ip := range ips {
			out[i] = net.IPAddr{IP: ip}
		}
		return out, nil
	}
	return []net.IPAddr{{IP: net.IPv4(127, 0, 0, 1)}}, nil
}
