package winconsole

import (
	"os"
	"testing"

	"golang.org/x/sys/windows"
)

// After OpenTerminal the console input is standard input, the one handle for which Bubble Tea's
// reader (ultraviolet's NewCancelReader) uses its cancellable console reader rather than a
// blocking read. Needs a console: the wine lane runs it under script(1).
func TestOpenTerminalMakesConsoleStdin(t *testing.T) {
	in, out, err := OpenTerminal()
	if err != nil {
		t.Fatalf("no console to open (run it in a terminal: scripts/wine-check.sh uses script(1)): %v", err)
	}
	defer out.Close()
	if os.Stdin.Fd() != in.Fd() {
		t.Errorf("os.Stdin is %d, the console input %d", os.Stdin.Fd(), in.Fd())
	}
	h, err := windows.GetStdHandle(windows.STD_INPUT_HANDLE)
	if err != nil || uintptr(h) != in.Fd() {
		t.Errorf("STD_INPUT_HANDLE is %v (%v), the console input %d", h, err, in.Fd())
	}
}
