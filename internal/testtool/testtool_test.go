package testtool

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The helper is run in a child test process so its Fatal and Skip can be observed.
func TestNeed(t *testing.T) {
	if name := os.Getenv("TESTTOOL_NEED"); name != "" {
		Need(t, name)
		return
	}
	run := func(ci, name string) string {
		cmd := exec.Command(os.Args[0], "-test.run=^TestNeed$", "-test.v")
		cmd.Env = append(os.Environ(), "TESTTOOL_NEED="+name, "CI="+ci)
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	if out := run("true", "no-such-program-xyz"); !strings.Contains(out, "--- FAIL") || !strings.Contains(out, "required under CI") {
		t.Fatalf("under CI a missing program must fail:\n%s", out)
	}
	if out := run("", "no-such-program-xyz"); !strings.Contains(out, "--- SKIP") {
		t.Fatalf("outside CI a missing program must skip:\n%s", out)
	}
	if out := run("true", "sh"); !strings.Contains(out, "--- PASS") {
		t.Fatalf("a present program must pass:\n%s", out)
	}
}
