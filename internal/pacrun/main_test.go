package pacrun

import (
	"os"
	"testing"
)

// TestMain lets this test binary serve as the evaluator, as the command's main does.
func TestMain(m *testing.M) {
	Main(os.Getenv(ChildEnv))
	os.Exit(m.Run())
}
