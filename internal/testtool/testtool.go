// Package testtool holds what tests need from the machine: a pseudo-terminal (Linux), or an
// outside program such as tmux, zbarimg or oathtool. Under CI (CI set, as .ci/run runs) a
// missing program fails the test, so a green run cannot hide a missing install step; elsewhere
// the test is skipped.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Need fails t under CI when the program name is not on PATH, and skips t elsewhere.
func Need(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required under CI but is not installed", name)
		}
		t.Skipf("%s is not installed", name)
	}
}

// RunInStep skips t under CI, naming the step of .ci/run that does what t does (so the CI run
// does not pay twice; tools/skipcheck accepts a skip only when it names a step), except within
// that step itself (.ci/run exports AUVENIR_CI_STEP, the running step's name). Elsewhere t runs
// as usual.
func RunInStep(t testing.TB, step, what string) {
	t.Helper()
	if os.Getenv("CI") != "" && os.Getenv("AUVENIR_CI_STEP") != step {
		t.Skipf("under CI, .ci/run's step %q %s", step, what)
	}
}
