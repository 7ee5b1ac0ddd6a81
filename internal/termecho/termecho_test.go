package termecho

import (
	"os"
	"testing"
)

// A pipe has no echo to turn off: Off says so, and its restore can still be called, so a caller
// may defer it without checking.
func TestOffRefusesAPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	restore, err := Off(r)
	if err == nil {
		t.Fatal("Off turned off the echo of a pipe")
	}
	restore()
	restore()
}
