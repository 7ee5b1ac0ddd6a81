package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The built program, its standard output /dev/full: the same line and status, for real.
func TestFailedWriteToDevFull(t *testing.T) {
	t.Parallel()
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	bin := buildPlainBinary(t)
	lb := newLoopback(t, nil)
	for _, args := range [][]string{{"--version"}, {"--help"}, {"--print"}, {"--check-network", "--json", "--ca-file", lb.caFile, lb.url}} {
		cmd := exec.Command(bin, append(args, "--lang", "fr")...)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
		var errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = full, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitWriteFailed || strings.Count(errb.String(), "\n") != 1 ||
			!strings.Contains(errb.String(), "n'a pas pu écrire sa sortie") {
			t.Errorf("%v > /dev/full: %v, stderr %q", args, err, errb.String())
		}
	}
}
