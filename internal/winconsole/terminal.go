package winconsole

import (
	"os"

	tea "charm.land/bubbletea/v2"
)

// OpenTerminal opens the terminal itself (/dev/tty; CONIN$ and CONOUT$ on Windows), for keys and
// drawing when standard input is a pipe, as with --show-qr. Call it once the pipe is read: on
// Windows the console input becomes standard input (see consoleAsStdin).
func OpenTerminal() (in, out *os.File, err error) {
	in, out, err = tea.OpenTTY()
	if err == nil {
		consoleAsStdin(in)
	}
	return in, out, err
}
