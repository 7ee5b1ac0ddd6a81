package netcheck_test

import (
	"context"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// recordingResolver answers 127.0.0.1 and remembers the names it was asked for.
type recordingResolver struct {
	mu    sync.Mutex
	names []string
}

func (r *recordingResolver) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names = append(r.names, host)
	return []net.IPAddr{{IP: net.IPv4(127, 0, 0, 1)}}, nil
}

// LoopbackIsReal says 127.0.0.1 is the test's server, not a DNS filter's sinkhole.
func (*recordingResolver) LoopbackIsReal() bool { return true }

// An international name is looked up, named in TLS and matched against the certificate in its
// ASCII form, and shown in Unicode.
func TestInternationalHostName(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "xn--bcher-kva.example"), 0, nil)
	ep := endpoint(t, "https://bücher.example:"+netchecktest.Port(srv)+"/")
	if ep.Host != "xn--bcher-kva.example" || ep.URL != "https://bücher.example:"+netchecktest.Port(srv)+"/" || ep.Allow != "xn--bcher-kva.example" {
		t.Fatalf("endpoint %+v", ep)
	}
	cfg := p.config(5 * time.Second)
	res := &recordingResolver{}
	cfg.Resolver = res
	r := netcheck.New(cfg).Run(context.Background(), []netcheck.Endpoint{ep}, nil)[0]
	wantClass(t, r, netcheck.OK)
	if len(res.names) != 1 || res.names[0] != "xn--bcher-kva.example" {
		t.Errorf("looked up %q", res.names)
	}
	if strings.Contains(r.URL, "%") {
		t.Errorf("shown as %q", r.URL)
	}
	// Already in ASCII: shown in Unicode too.
	if got := endpoint(t, "xn--bcher-kva.example").URL; got != "https://bücher.example/" {
		t.Errorf("xn-- form shown as %q", got)
	}
	for _, bad := range []string{"https://a\u200db.example/", "https://exa mple.bücher/"} {
		if _, _, err := netcheck.FromURLs([]string{bad}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	eps, err := netcheck.Parse([]byte("[[group]]\nid = \"a\"\n[[group.endpoint]]\nurl = \"https://www.bücher.example\"\nallow = \"*.Bücher.example\"\n"), "l.toml")
	if err != nil || eps[0].Allow != "*.xn--bcher-kva.example" || !netcheck.Covers(eps[0].Allow, eps[0].Host) {
		t.Errorf("%+v %v", eps, err)
	}
}
