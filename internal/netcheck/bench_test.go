package netcheck_test

import (
	"context"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// BenchmarkSlowEndpoints measures the promise of --check-network: N endpoints take about as
// long as the slowest one alone. Each of N servers delays its TLS handshake, from 50 ms to
// 600 ms; the benchmark reports the wall time of all N against the slowest alone.
//
//	go test -run '^$' -bench SlowEndpoints -benchtime 5x ./netcheck
func BenchmarkSlowEndpoints(b *testing.B) {
	for _, n := range []int{len(netcheck.Default()), 50} { // the built-in list's size, and more than run at once
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			ca := netchecktest.NewCA(b, "Bench Root", "Bench")
			var eps []netcheck.Endpoint
			for i := range n {
				delay := 50*time.Millisecond + time.Duration(i)*550*time.Millisecond/time.Duration(n-1)
				host := fmt.Sprintf("slow%d.test", i)
				srv := netchecktest.ServeTLS(b, ca.Leaf(b, host), delay, nil)
				e, _, _ := netcheck.FromURLs([]string{"https://" + host + ":" + netchecktest.Port(srv)})
				eps = append(eps, e[0])
			}
			c := netcheck.New(netcheck.Config{Timeout: 5 * time.Second, Resolver: netchecktest.Resolver{},
				SystemRoots: netchecktest.Pool(ca), PublicRoots: netchecktest.Pool(ca)})
			var all, slowest time.Duration
			for b.Loop() {
				start := time.Now()
				for _, r := range c.Run(context.Background(), eps, nil) {
					if r.Class != netcheck.OK {
						b.Fatalf("%s: %s %s", r.URL, r.Class, r.Detail)
					}
				}
				all += time.Since(start)
				start = time.Now()
				c.Run(context.Background(), eps[n-1:], nil)
				slowest += time.Since(start)
			}
			b.ReportMetric(float64(all.Milliseconds())/float64(b.N), "ms-all")
			b.ReportMetric(float64(slowest.Milliseconds())/float64(b.N), "ms-slowest-alone")
			b.ReportMetric(float64(all)/float64(slowest), "ratio")
		})
	}
}

// BenchmarkDroppedEndpoints: N endpoints whose packets are dropped, with a 1 s limit: the run
// ends at the limit, whatever N (up to --parallel, 256 by default).
func BenchmarkDroppedEndpoints(b *testing.B) {
	n := len(netcheck.Default())
	_, port, _ := net.SplitHostPort(netchecktest.Dropping(b))
	var eps []netcheck.Endpoint
	for i := range n {
		e, _, _ := netcheck.FromURLs([]string{fmt.Sprintf("https://drop%d.test:%s", i, port)})
		eps = append(eps, e[0])
	}
	c := netcheck.New(netcheck.Config{Timeout: time.Second, Resolver: netchecktest.Resolver{}})
	var all time.Duration
	for b.Loop() {
		start := time.Now()
		for _, r := range c.Run(context.Background(), eps, nil) {
			if r.Class != netcheck.Timeout {
				b.Fatalf("%s: %s", r.URL, r.Class)
			}
		}
		all += time.Since(start)
	}
	b.ReportMetric(float64(all.Milliseconds())/float64(b.N), "ms-all")
	b.ReportMetric(1000, "ms-limit")
}
