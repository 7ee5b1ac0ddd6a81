package main

import (
	"os"
	"strings"
	"syscall"
	"testing"
)

// fullDisk fails every write, as /dev/full does.
type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) {
	return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
}

// Output that cannot be written is one line on standard error and exit status 74, whatever
// the command: a script must not take a missing result for a good one.
func TestFailedWriteIsAnError(t *testing.T) {
	t.Parallel()
	lb := newLoopback(t, nil)
	for _, args := range [][]string{
		{"--help"},
		{"--version"},
		{"--print"},
		{"--check-network", "--json", "--ca-file", lb.caFile, lb.url},
		{"--check-network", "--ca-file", lb.caFile, lb.url},
	} {
		s, _, errb := testStreams(t, env(), false, nil)
		s.Out = fullDisk{}
		code := run(s, args)
		msg := errb.String()
		if code != exitWriteFailed || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "could not write its output (no space left on device)") {
			t.Errorf("%v: exit %d, stderr %q", args, code, msg)
		}
	}
}
