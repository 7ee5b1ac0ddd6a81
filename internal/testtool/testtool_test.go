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

// Under CI the test skips with the step's name in its message; elsewhere it runs.
func TestRunInStep(t *testing.T) {
	if os.Getenv("TESTTOOL_STEP") != "" {
		RunInStep(t, "go vet (linux, windows, darwin)", "vets it")
		t.Log("ran")
		return
	}
	run := func(ci string, more ...string) string {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRunInStep$", "-test.v")
		cmd.Env = append(append(os.Environ(), "TESTTOOL_STEP=1", "CI="+ci, "AUVENIR_CI_STEP="), more...)
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	if out := run("true"); !strings.Contains(out, "--- SKIP") || !strings.Contains(out, `step "go vet (linux, windows, darwin)" vets it`) {
		t.Fatalf("under CI the test must skip naming the step:\n%s", out)
	}
	if out := run(""); !strings.Contains(out, "--- PASS") || !strings.Contains(out, "ran") {
		t.Fatalf("outside CI the test must run:\n%s", out)
	}
	if out := run("true", "AUVENIR_CI_STEP=go vet (linux, windows, darwin)"); !strings.Contains(out, "--- PASS") || !strings.Contains(out, "ran") {
		t.Fatalf("within its own step the test must run:\n%s", out)
	}
}
