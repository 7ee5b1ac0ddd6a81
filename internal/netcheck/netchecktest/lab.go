package netchecktest

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// StatusServer is a plain-http server on loopback that answers every request with status and
// header, as a filter or a transparent proxy does in a server's place (Squid's 503 with
// X-Squid-Error: ERR_CONNECT_FAIL, a 403 or 451 block). It returns http://host:port/.
func StatusServer(t testing.TB, host string, status int, header http.Header) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		for k, v := range header {
			w.Header()[k] = v
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(srv.Close)
	return "http://" + host + ":" + strconv.Itoa(srv.Listener.Addr().(*net.TCPAddr).Port) + "/"
}
