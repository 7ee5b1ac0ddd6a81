package netcheck_test

import (
	"context"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// inNetns runs the calling test again inside a private network namespace (unshare -n, as root),
// after setup's ip commands; it reports whether this is that run. No outside host is touched:
// the namespace has only its loopback and the routes the test adds.
func inNetns(t *testing.T, setup ...string) bool {
	t.Helper()
	if os.Getenv("AUVENIR_TEST_NETNS") == t.Name() {
		for _, c := range setup {
			if out, err := exec.Command("sh", "-c", c).CombinedOutput(); err != nil {
				t.Fatalf("%s: %v %s", c, err, out)
			}
		}
		return true
	}
	if _, err := exec.LookPath("unshare"); err != nil || os.Geteuid() != 0 {
		t.Skip("needs root and unshare(1) for a private network namespace")
	}
	cmd := exec.Command("unshare", "-n", os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "AUVENIR_TEST_NETNS="+t.Name())
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("in the namespace: %v\n%s", err, out)
	}
	return false
}

// Issue 19 item 6, in a namespace: an ICMP-style "host unreachable" route, a "prohibit" route
// (what a local packet filter's refusal gives, EACCES) and no route at all. Before: all three
// "unexpected problem, send to support".
func TestLabRouteErrorsInANamespace(t *testing.T) {
	if !inNetns(t, "ip link set lo up", "ip route add unreachable 10.9.9.9/32", "ip route add prohibit 10.8.8.8/32") {
		return
	}
	cfg := netcheck.Config{Timeout: 2 * time.Second, Proxy: mustProxy(nil, "none"), HasNetwork: func() bool { return true }}
	start := time.Now()
	rs := check(t, cfg, "https://10.9.9.9/", "https://10.8.8.8/", "https://10.7.7.7/")
	want := []struct {
		cause    netcheck.Cause
		owner    netcheck.Owner
		netError string
	}{{netcheck.CauseHostUnreachable, netcheck.OwnerFirewall, "ERR_ADDRESS_UNREACHABLE"},
		{netcheck.CauseLocalFirewall, netcheck.OwnerWorkstation, "ERR_ACCESS_DENIED"},
		{netcheck.CauseNoRoute, netcheck.OwnerWorkstation, "ERR_INTERNET_DISCONNECTED"}}
	for i, w := range want {
		r := rs[i]
		if r.Class != netcheck.Refused || r.Cause != w.cause || r.Owner != w.owner || r.NetError != w.netError {
			t.Errorf("%s: class %q cause %q owner %q net error %q (%s)", r.URL, r.Class, r.Cause, r.Owner, r.NetError, r.Detail)
		}
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("refusals took %v: they are answers, not timeouts", d)
	}
}

// familyResolver answers v6only.test with an IPv6 address alone, every other name with
// 127.0.0.1 (servers of this package are real there).
type familyResolver struct{}

func (familyResolver) LoopbackIsReal() bool { return true }

func (familyResolver) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	if host == "v6only.test" {
		return []net.IPAddr{{IP: net.ParseIP("2001:db8::5")}}, nil
	}
	return []net.IPAddr{{IP: net.IPv4(127, 0, 0, 1)}}, nil
}

// Issue 19 item 10, in a namespace: a name with only IPv6 addresses, whose IPv6 packets go
// into a tunnel nobody reads (dropped), while IPv4 works for another address. Before: a
// connection timeout with "allow it in the firewall"; now ipv6_broken, for the network team,
// with no firewall line.
func TestLabIPv6OnlyStallInANamespace(t *testing.T) {
	if !inNetns(t, "ip link set lo up", "ip tuntap add dev t0 mode tun", "ip link set t0 up",
		"ip -6 addr add 2001:db8:1::1/64 dev t0 nodad", "ip -6 route add 2001:db8::/48 dev t0") {
		return
	}
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	cfg := p.config(1500 * time.Millisecond)
	cfg.Resolver, cfg.HasNetwork = familyResolver{}, func() bool { return true }
	rep := report(t, cfg, at("ok.test", netchecktest.Port(srv)), "https://v6only.test/")
	r := rep.Endpoints[1]
	if r.Class != netcheck.Timeout || r.Cause != netcheck.CauseIPv6Broken || r.Owner != netcheck.OwnerFirewall {
		t.Errorf("class %q cause %q owner %q (%s)", r.Class, r.Cause, r.Owner, r.Detail)
	}
	if len(rep.Summary.Allow) != 0 {
		t.Errorf("allow %v: IPv6 is not fixed with a firewall rule", rep.Summary.Allow)
	}
}
