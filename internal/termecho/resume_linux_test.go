package termecho

import (
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// After ctrl+z and fg the shell has set the terminal its own way (echo on); the resume
// (SIGCONT) turns the echo off again while the prompt is still hidden, and not after restore.
func TestEchoStaysOffAfterResume(t *testing.T) {
	term, _ := testtool.PTY(t)
	fd := int(term.Fd())
	lflag := func() uint32 {
		t.Helper()
		tio, err := unix.IoctlGetTermios(fd, unix.TCGETS)
		if err != nil {
			t.Fatal(err)
		}
		return tio.Lflag
	}
	echoOn := func() { // what the shell does when it gets the terminal back
		tio, _ := unix.IoctlGetTermios(fd, unix.TCGETS)
		tio.Lflag |= unix.ECHO
		unix.IoctlSetTermios(fd, unix.TCSETS, tio)
	}
	waitEcho := func(want bool) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for (lflag()&unix.ECHO != 0) != want {
			if time.Now().After(deadline) {
				t.Fatalf("echo on = %v, want %v", lflag()&unix.ECHO != 0, want)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	restore, err := Off(term)
	if err != nil {
		t.Fatal(err)
	}
	waitEcho(false)
	echoOn()
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	waitEcho(false)
	restore()
	waitEcho(true)
	// After restore, a resume leaves the terminal alone.
	syscall.Kill(syscall.Getpid(), syscall.SIGCONT)
	time.Sleep(100 * time.Millisecond)
	waitEcho(true)
}
