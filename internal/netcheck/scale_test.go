package netcheck_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// BenchmarkScaleAgainstCurl measures, in one run, N slow and N dropping endpoints for N = 14,
// 50 and 200 with the default --parallel, against curl --parallel --parallel-max N on the same
// loopback servers. Slow: N TLS servers that wait 50 to 600 ms before their handshake, limit
// 5 s; the target is the slowest endpoint alone × 1.1. Dropping: N names on a port that drops
// every SYN, limit 2 s; the target is the limit + 1 s.
//
//	go test -run '^$' -bench ScaleAgainstCurl -benchtime 1x ./internal/netcheck
//
// (scripts/netcheck-scale.sh runs it and prints the figures as a table.)
func BenchmarkScaleAgainstCurl(b *testing.B) {
	testtool.Need(b, "curl")
	for _, kind := range []string{"slow", "dropping"} {
		for _, n := range []int{14, 50, 200} {
			b.Run(fmt.Sprintf("%s/n=%d", kind, n), func(b *testing.B) { scaleRun(b, kind, n) })
		}
	}
}

func scaleRun(b *testing.B, kind string, n int) {
	ca := netchecktest.NewCA(b, "Scale Root", "Bench")
	caFile := filepath.Join(b.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, ca.PEM, 0o600); err != nil {
		b.Fatal(err)
	}
	limit := 5 * time.Second
	var urls []string
	var resolve []string
	var dropPort string
	if kind == "dropping" {
		limit = 2 * time.Second
		_, dropPort, _ = net.SplitHostPort(netchecktest.Dropping(b))
	}
	for i := range n {
		host := fmt.Sprintf("%s%d.test", kind, i)
		port := dropPort
		if kind == "slow" {
			delay := 50*time.Millisecond + time.Duration(i)*550*time.Millisecond/time.Duration(n-1)
			port = netchecktest.Port(netchecktest.ServeTLS(b, ca.Leaf(b, host), delay, nil))
		}
		urls = append(urls, "https://"+host+":"+port+"/")
		resolve = append(resolve, host+":"+port+":127.0.0.1")
	}
	eps, _, err := netcheck.FromURLs(urls)
	if err != nil {
		b.Fatal(err)
	}
	c := netcheck.New(netcheck.Config{Timeout: limit, Resolver: netchecktest.Resolver{},
		SystemRoots: netchecktest.Pool(ca), PublicRoots: netchecktest.Pool(ca)})
	var ours, alone, curl time.Duration
	for b.Loop() {
		start := time.Now()
		for _, r := range c.Run(context.Background(), eps, nil) {
			if (kind == "slow" && r.Class != netcheck.OK) || (kind == "dropping" && r.Class != netcheck.Timeout) {
				b.Fatalf("%s: %s %s", r.URL, r.Class, r.Detail)
			}
		}
		ours += time.Since(start)
		if kind == "slow" {
			start = time.Now()
			c.Run(context.Background(), eps[n-1:], nil)
			alone += time.Since(start)
		} else {
			alone += limit
		}
		curl += runCurl(b, caFile, urls, resolve, n, limit)
	}
	per := func(d time.Duration) float64 { return float64(d.Milliseconds()) / float64(b.N) }
	b.ReportMetric(per(ours), "ms-ours")
	b.ReportMetric(per(curl), "ms-curl")
	b.ReportMetric(per(alone), "ms-slowest-alone")
	b.ReportMetric(float64(ours)/float64(alone), "ratio-to-slowest")
}

// runCurl fetches every URL with curl --parallel --parallel-max n and returns its wall time.
func runCurl(b *testing.B, caFile string, urls, resolve []string, n int, limit time.Duration) time.Duration {
	var cfg strings.Builder
	for i, u := range urls {
		fmt.Fprintf(&cfg, "url = \"%s\"\noutput = \"/dev/null\"\nresolve = \"%s\"\n", u, resolve[i])
	}
	cfgFile := filepath.Join(b.TempDir(), "curl.cfg")
	if err := os.WriteFile(cfgFile, []byte(cfg.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	secs := fmt.Sprintf("%.1f", limit.Seconds())
	cmd := exec.Command("curl", "--silent", "--parallel", "--parallel-max", fmt.Sprint(min(n, 300)),
		"--cacert", caFile, "--connect-timeout", secs, "--max-time", secs, "--noproxy", "*", "-K", cfgFile)
	start := time.Now()
	cmd.Run() // dropped connections make curl exit non-zero: the time is what counts
	return time.Since(start)
}
