package netview

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/locales"
)

// Run is --check-network in a terminal: live lines, then the report.
func TestRunShowsLiveLines(t *testing.T) {
	_, port, _ := net.SplitHostPort(netchecktest.Refused(t))
	refused, _, err := netcheck.FromURLs([]string{"https://closed.test:" + port})
	if err != nil {
		t.Fatal(err)
	}
	closed := refused[0]
	ca := netchecktest.NewCA(t, "Slow Root", "Auvenir Tests")
	slow := netchecktest.ServeTLS(t, ca.Leaf(t, "slow.test"), 400*time.Millisecond, nil)
	eps, _, _ := netcheck.FromURLs([]string{"https://slow.test:" + netchecktest.Port(slow)})
	proxy, _ := netcheck.ProxyFromSettings("none", func(string) string { return "" })
	c := netcheck.New(netcheck.Config{Timeout: 5 * time.Second, Resolver: netchecktest.Resolver{}, Proxy: proxy,
		SystemRoots: netchecktest.Pool(ca), PublicRoots: netchecktest.Pool(ca)})
	var out bytes.Buffer
	rep, err := Run(context.Background(), c, append(eps, closed), Options{
		Lang: locales.English, Output: &out, NoColor: true, Proxy: proxy, Width: 100, Height: 30})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Summary.Total != 2 || rep.Endpoints[0].Class != netcheck.OK || rep.Endpoints[1].Class != netcheck.Refused {
		t.Fatalf("%+v", rep.Summary)
	}
	s := out.String()
	// "the certificate", not "checking the certificate": the renderer may keep the letters the
	// step before ("connecting") has in the same place.
	for _, want := range []string{"addresses to check: 2", "Proxy: none", "slow.test:" + netchecktest.Port(slow),
		"the certificate", "refused"} {
		if !strings.Contains(s, want) {
			t.Errorf("live output lacks %q:\n%s", want, s)
		}
	}
	if !strings.ContainsAny(s, "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏") {
		t.Error("no spinner in the live output")
	}
}
