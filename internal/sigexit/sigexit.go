// Package sigexit names the signals that end the program and the exit status each one gives:
// 128 + the signal's number, as shells report a process killed by it (130 for ctrl+c, 129 for
// a closed terminal, 143 for kill). Every part of the program that catches them (the wizard,
// the live network check, plain mode, the piped network check) uses this one list, so no
// signal is left to the Go runtime's default, which for SIGQUIT prints every goroutine's stack.
package sigexit

import (
	"os"
	"syscall"
)

// Error reports that a signal ended the program, after the terminal was restored.
type Error struct{ Signal os.Signal }

func (e *Error) Error() string { return "stopped by signal " + e.Signal.String() }

// Status is the exit status for sig: 128 + its number.
func Status(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 128 + int(syscall.SIGINT)
}
