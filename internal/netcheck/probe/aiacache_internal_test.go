package probe

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

// Issue 19 item 2: the AIA cache kept a failure caused by the first address's own deadline, so
// later addresses with time left were told "not fetched" without a try. Now such a failure is
// not kept: the next address fetches.
func TestAIACacheDoesNotKeepADeadlineFailure(t *testing.T) {
	ca := netchecktest.NewCA(t, "Test Root", "Tests")
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		time.Sleep(300 * time.Millisecond) // slower than the first address has left
		w.Write(ca.Cert.Raw)
	}))
	t.Cleanup(srv.Close)
	u := "http://aia.test:" + strconv.Itoa(srv.Listener.Addr().(*net.TCPAddr).Port) + "/ca.crt"
	c := New(Config{Proxy: proxy.ProxySetting{Source: proxy.ProxyNone}, Resolver: netchecktest.Resolver{}})

	short, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := c.fetchAIA(short, u); err == nil {
		t.Fatal("fetched within 100 ms from a server that takes 300 ms")
	}
	long, cancel2 := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel2()
	certs, err := c.fetchAIA(long, u)
	if err != nil || len(certs) != 1 {
		t.Fatalf("second address: %v, %d certificates; want the fetch retried", err, len(certs))
	}
	if n := hits.Load(); n != 2 {
		t.Errorf("%d fetches, want 2", n)
	}
	// A real answer is kept: a third address does not fetch again.
	if _, err := c.fetchAIA(long, u); err != nil || hits.Load() != 2 {
		t.Errorf("third: %v, %d fetches", err, hits.Load())
	}
}
