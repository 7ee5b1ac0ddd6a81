package netchecktest

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// ServePAC serves script over plain http on loopback, as a WPAD server or an intranet host
// does, and returns its URL.
func ServePAC(t testing.TB, script string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/proxy.pac" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/x-ns-proxy-autoconfig")
		io.WriteString(w, script)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/proxy.pac"
}

// WritePAC writes script to a file of the test's temporary folder and returns its path.
func WritePAC(t testing.TB, script string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "proxy.pac")
	if err := os.WriteFile(path, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// OnlyTo is a dialer for a network where direct traffic is refused: only the addresses listed
// (host:port, a proxy's) can be reached.
type OnlyTo []string

// DialContext implements netcheck.Dialer.
func (o OnlyTo) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	for _, a := range o {
		if a == address {
			var d net.Dialer
			return d.DialContext(ctx, network, address)
		}
	}
	return nil, &net.OpError{Op: "dial", Net: network, Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
}
