//go:build !testseams

package main

import (
	"bytes"
	"os"
	"testing"
)

// A release build has no crash key: the variable is ignored, and its name is not in the binary.
func TestReleaseHasNoCrashKey(t *testing.T) {
	t.Parallel()
	if k := crashKey(func(string) string { return "x" }); k != "" {
		t.Fatalf("crash key %q in a release build", k)
	}
	bin, err := os.ReadFile(buildPlainBinary(t))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(bin, []byte("AUVENIR_ONBOARD_PANIC_KEY")) {
		t.Fatal("the release binary reads AUVENIR_ONBOARD_PANIC_KEY")
	}
}
