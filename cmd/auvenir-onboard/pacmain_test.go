package main

import (
	"os"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/pacrun"
)

// TestMain lets this test binary serve as the PAC evaluator, as main does.
func TestMain(m *testing.M) {
	pacrun.Main(os.Getenv(pacrun.ChildEnv))
	os.Exit(m.Run())
}
