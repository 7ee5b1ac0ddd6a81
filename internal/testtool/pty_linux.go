package testtool

import (
	"fmt"
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

// PTY opens a pseudo-terminal pair, closed when t ends: term is the end a program reads from
// and sets modes on, emulator the end a terminal emulator writes the keys to and reads the echo
// from. emulator is non-blocking, so that os.NewFile hands it to the poller and its reads can
// time out (SetReadDeadline).
func PTY(t testing.TB) (term, emulator *os.File) {
	t.Helper()
	fd, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
	if err != nil {
		t.Fatalf("opening a pseudo-terminal: %v", err)
	}
	emulator = os.NewFile(uintptr(fd), "/dev/ptmx")
	t.Cleanup(func() { emulator.Close() })
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	term, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { term.Close() })
	return term, emulator
}
