package netcheck_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// allocated runs f and returns the bytes allocated meanwhile (by every goroutine: the test's
// servers write from a reused buffer, so nearly all of it is the check's).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// An answer whose status line or headers never end is cut at netcheck.MaxHeaderBytes and named
// as such, long before the limit of the check (30 s here: the answer is not waited for).
func TestEndlessAnswerHeadsAreBounded(t *testing.T) {
	p := newPKI(t)
	cases := []struct {
		name string
		b    netchecktest.Behaviour
	}{
		{"endless status line", netchecktest.EndlessStatusLine},
		{"endless header line", netchecktest.EndlessHeaderLine},
		{"endless headers", netchecktest.EndlessHeaders},
	}
	for _, c := range cases {
		for _, scheme := range []string{"http", "https"} {
			t.Run(c.name+" "+scheme, func(t *testing.T) {
				var addr string
				if scheme == "https" {
					addr = netchecktest.HostileTLS(t, p.public.Leaf(t, "endless.test"), c.b)
				} else {
					addr = netchecktest.Hostile(t, c.b)
				}
				_, port, _ := strings.Cut(addr, ":")
				var r netcheck.Result
				alloc := allocated(func() {
					r = check(t, p.config(30*time.Second), scheme+"://endless.test:"+port+"/")[0]
				})
				wantClass(t, r, netcheck.Error)
				if !strings.Contains(r.Detail, "100 KB") || r.Phase != netcheck.PhaseHTTP || r.Cause != netcheck.CauseOversizedAnswer {
					t.Errorf("detail %q, phase %q", r.Detail, r.Phase)
				}
				// A few times the bound (bufio, textproto and TLS buffers), not gigabytes.
				if alloc > 64<<20 {
					t.Errorf("%d MB allocated", alloc>>20)
				}
			})
		}
	}
}

// A proxy whose answer to CONNECT never ends is a proxy failure, bounded likewise.
func TestEndlessConnectAnswerIsBounded(t *testing.T) {
	p := newPKI(t)
	cfg := p.config(30 * time.Second)
	cfg.Proxy = mustProxy(nil, "http://"+netchecktest.Hostile(t, netchecktest.EndlessHeaderLine))
	var r netcheck.Result
	alloc := allocated(func() { r = check(t, cfg, "https://ok.test/")[0] })
	wantClass(t, r, netcheck.Proxy)
	if !strings.Contains(r.Detail, "100 KB") || r.Phase != netcheck.PhaseProxy || r.Cause != netcheck.CauseOversizedAnswer {
		t.Errorf("detail %q, phase %q", r.Detail, r.Phase)
	}
	if alloc > 64<<20 {
		t.Errorf("%d MB allocated", alloc>>20)
	}
}

// "100 Continue" and then nothing: no answer came, whatever the interim one said.
func TestInterimAnswerThenSilenceIsNoAnswer(t *testing.T) {
	p := newPKI(t)
	addr := netchecktest.Hostile(t, netchecktest.InformationalThenSilence)
	r := check(t, p.config(time.Second), "http://"+addr+"/")[0]
	wantClass(t, r, netcheck.Timeout)
	if r.Phase != netcheck.PhaseHTTP {
		t.Errorf("phase %q", r.Phase)
	}
}

// An interim answer followed by the real one: the real one counts.
func TestInterimAnswerThenTheAnswer(t *testing.T) {
	p := newPKI(t)
	addr := netchecktest.Hostile(t, netchecktest.Answer("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"))
	r := check(t, p.config(5*time.Second), "http://"+addr+"/")[0]
	wantClass(t, r, netcheck.HTTPStatus)
	if r.HTTPStatus != 503 {
		t.Errorf("status %d", r.HTTPStatus)
	}
}

// An answer trickling in when the limit passes is a timeout, every time.
func TestTricklingAnswerIsAlwaysATimeout(t *testing.T) {
	p := newPKI(t)
	addr := netchecktest.Hostile(t, netchecktest.Trickle(20*time.Millisecond))
	for i := 0; i < 4; i++ {
		r := check(t, p.config(300*time.Millisecond), "http://"+addr+"/")[0]
		wantClass(t, r, netcheck.Timeout)
	}
}
