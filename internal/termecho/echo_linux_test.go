package termecho

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// echoed types text into the terminal and returns what the terminal wrote back for it.
func echoed(t *testing.T, term, emulator *os.File, text string) string {
	t.Helper()
	if _, err := emulator.WriteString(text + "\n"); err != nil {
		t.Fatal(err)
	}
	line := make([]byte, 256)
	n, err := term.Read(line) // the line reaches the program whatever the echo
	if err != nil || strings.TrimSpace(string(line[:n])) != text {
		t.Fatalf("the program read %q, %v", line[:n], err)
	}
	if err := emulator.SetReadDeadline(time.Now().Add(300 * time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	var got []byte
	for {
		n, err := emulator.Read(line)
		got = append(got, line[:n]...)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return string(got)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// With the echo off, what is typed still reaches the program but the terminal shows none of it;
// restore brings back the very settings found, once, however many times it is called.
func TestOffHidesTypingThenRestores(t *testing.T) {
	term, emulator := testtool.PTY(t)
	before, err := unix.IoctlGetTermios(int(term.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if got := echoed(t, term, emulator, "visible"); !strings.Contains(got, "visible") {
		t.Fatalf("the terminal did not echo to begin with: %q", got)
	}
	restore, err := Off(term)
	if err != nil {
		t.Fatal(err)
	}
	if got := echoed(t, term, emulator, "jane@firm.ca"); strings.Contains(got, "jane") {
		t.Fatalf("the terminal echoed %q with the echo off", got)
	}
	now, _ := unix.IoctlGetTermios(int(term.Fd()), unix.TCGETS)
	if now.Lflag&unix.ICANON == 0 || now.Lflag&unix.ISIG == 0 || now.Lflag != before.Lflag&^unix.ECHO {
		t.Fatalf("Off changed more than the echo: %#x, was %#x", now.Lflag, before.Lflag)
	}
	restore()
	after, _ := unix.IoctlGetTermios(int(term.Fd()), unix.TCGETS)
	if *after != *before {
		t.Fatalf("restore left %+v, was %+v", after, before)
	}
	// A second restore must not bring back settings changed since the first.
	changed := *after
	changed.Lflag &^= unix.ECHO
	unix.IoctlSetTermios(int(term.Fd()), unix.TCSETS, &changed)
	restore()
	if again, _ := unix.IoctlGetTermios(int(term.Fd()), unix.TCGETS); again.Lflag&unix.ECHO != 0 {
		t.Fatal("a second restore acted again")
	}
}
