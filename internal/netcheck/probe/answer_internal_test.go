package probe

import (
	"context"
	"io"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

// The connection's deadline cuts the status line in the middle ("HTTP/1") while the context is
// still alive, as happens when the deadline and the context's timer fire in either order: the
// class is timeout, not an error about a malformed answer.
func TestAnswerCutByTheDeadlineIsATimeout(t *testing.T) {
	client, server := net.Pipe()
	defer client.Close()
	defer server.Close()
	go io.Copy(io.Discard, server)
	go io.WriteString(server, "HTTP/1")
	client.SetDeadline(time.Now().Add(300 * time.Millisecond))
	u, _ := url.Parse("http://trickle.test/")
	c := New(Config{})
	h := c.request(context.Background(), client, u, hop{})
	if h.class != Timeout {
		t.Fatalf("class %q (detail %q), want timeout", h.class, h.detail)
	}
}

// The plain-http fetches (an intermediate certificate, the connectivity test) read the answer
// within the same bound as the check.
func TestFetchIsBounded(t *testing.T) {
	addr := netchecktest.Hostile(t, netchecktest.EndlessHeaderLine)
	c := New(Config{Proxy: proxy.ProxySetting{Source: proxy.ProxyNone}})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, _, _, err := c.get(ctx, "http://"+addr+"/ca.crt", 4096)
	if err == nil || !strings.Contains(err.Error(), "100 KB") {
		t.Fatalf("error %v", err)
	}
}
