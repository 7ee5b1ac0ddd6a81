package netcheck_test

import (
	"os"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/pacrun"
)

// TestMain lets this test binary serve as the PAC evaluator, as the command's main does.
func TestMain(m *testing.M) {
	pacrun.Main(os.Getenv(pacrun.ChildEnv))
	os.Exit(m.Run())
}
