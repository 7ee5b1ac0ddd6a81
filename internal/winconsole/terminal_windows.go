package winconsole

import (
	"os"

	"golang.org/x/sys/windows"
)

// consoleAsStdin makes the console input opened apart (CONIN$) the process's standard input.
// Bubble Tea's input reader (ultraviolet) can cancel a wait on the console only for standard
// input; for any other handle it falls back to a plain blocking read that nothing cancels. On
// quitting, closing CONIN$ then waits for that read, which a console back in line mode ends only
// with Enter: --show-qr from a pipe stayed open after q. The pipe has been read in full by then.
func consoleAsStdin(in *os.File) {
	if windows.SetStdHandle(windows.STD_INPUT_HANDLE, windows.Handle(in.Fd())) == nil {
		os.Stdin = in
	}
}
