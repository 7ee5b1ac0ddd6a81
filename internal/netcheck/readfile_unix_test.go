//go:build unix

package netcheck_test

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
)

// A FIFO is refused at once: opening it would wait for a writer that never comes.
func TestListThatIsAFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := netcheck.LoadFile(p)
	wantProblem(t, err, netcheck.ProblemNotRegular)
	if _, err := netcheck.LoadCAFile(p); !errors.Is(err, netcheck.ErrNotRegular) {
		t.Errorf("--ca-file: %v", err)
	}
}
