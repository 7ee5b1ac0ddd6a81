package netcheck_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
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
