//go:build !testseams

package main

import "testing"

// A release build never copies the screen to a file, whatever the environment says.
func TestReleaseDoesNotRecordOutput(t *testing.T) {
	t.Parallel()
	env := mapEnv(map[string]string{"AUVENIR_ONBOARD_RECORD_OUTPUT": t.TempDir() + "/out"})
	if p := recordPath(env); p != "" {
		t.Fatalf("release build records to %q", p)
	}
}
