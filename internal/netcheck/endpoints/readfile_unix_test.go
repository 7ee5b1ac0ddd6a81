//go:build unix

package endpoints_test

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/probe"
)

// A FIFO is refused at once: opening it would wait for a writer that never comes.
func TestListThatIsAFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := endpoints.LoadFile(p)
	wantProblem(t, err, endpoints.ProblemNotRegular)
	if _, err := probe.LoadCAFile(p); !errors.Is(err, endpoints.ErrNotRegular) {
		t.Errorf("--ca-file: %v", err)
	}
}
