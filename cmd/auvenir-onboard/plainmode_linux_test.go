package main

import (
	"testing"

	"golang.org/x/sys/unix"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// At a terminal, presenter mode's hook turns the echo off and its restore turns it back on;
// without presenter mode there is no hook, and the terminal is left alone.
func TestHideTypingAtATerminal(t *testing.T) {
	t.Parallel()
	term, _ := testtool.PTY(t)
	lflag := func() uint32 {
		t.Helper()
		tio, err := unix.IoctlGetTermios(int(term.Fd()), unix.TCGETS)
		if err != nil {
			t.Fatal(err)
		}
		return tio.Lflag
	}
	if hideTyping(false, term) != nil {
		t.Fatal("a hook to hide typing outside presenter mode")
	}
	before := lflag()
	hide := hideTyping(true, term)
	if hide == nil {
		t.Fatal("no hook to hide typing at a terminal in presenter mode")
	}
	restore := hide()
	if lflag()&unix.ECHO != 0 {
		t.Fatal("the echo is still on")
	}
	restore()
	if lflag() != before {
		t.Fatalf("echo settings %#x after, %#x before", lflag(), before)
	}
}
