//go:build !testseams

package tui

import "testing"

// A release build never copies the screen to a file, whatever the environment says.
func TestReleaseDoesNotRecordOutput(t *testing.T) {
	t.Setenv("AUVENIR_ONBOARD_RECORD_OUTPUT", t.TempDir()+"/out")
	if p := recordPath(); p != "" {
		t.Fatalf("release build records to %q", p)
	}
}
