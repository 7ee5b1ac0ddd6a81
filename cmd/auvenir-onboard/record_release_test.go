//go:build !testseams

package main

import (
	"bytes"
	"os"
	"testing"
)

// A release binary never copies its screen to a file: the variable's name is not in it.
func TestReleaseBinaryHasNoOutputRecording(t *testing.T) {
	t.Parallel()
	bin, err := os.ReadFile(buildPlainBinary(t))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(bin, []byte("AUVENIR_ONBOARD_RECORD_OUTPUT")) {
		t.Fatal("the release binary reads AUVENIR_ONBOARD_RECORD_OUTPUT")
	}
}
