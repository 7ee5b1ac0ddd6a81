//go:build unix

package main

import (
	"path/filepath"
	"syscall"
	"testing"
)

// A device is never read (/dev/zero would be read forever), a FIFO never opened (the open would
// wait for a writer).
func TestNetworkFilesThatAreNotFiles(t *testing.T) {
	t.Parallel()
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	wantOneLine(t, []string{"--endpoints", "/dev/zero"}, "/dev/zero: not a regular file")
	wantOneLine(t, []string{"--ca-file", "/dev/zero"}, "/dev/zero: cannot read the certificates: not a regular file")
	wantOneLine(t, []string{"--endpoints", fifo}, "fifo: not a regular file")
	wantOneLine(t, []string{"--ca-file", fifo}, "fifo: cannot read the certificates: not a regular file")
}
