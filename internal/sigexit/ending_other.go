//go:build !unix

package sigexit

import (
	"os"
	"syscall"
)

// Ending are the signals that end the program. Windows delivers ctrl+c and ctrl+break as
// os.Interrupt, and a closed console window as SIGTERM.
var Ending = []os.Signal{os.Interrupt, syscall.SIGTERM}

// Suspend and Continue do not exist outside Unix: a console program is not stopped.
var (
	Suspend  []os.Signal
	Continue []os.Signal
)

// CanStop is false: a console program is not stopped.
func CanStop() bool { return false }

// StopGroup does nothing where programs cannot be stopped.
func StopGroup() {}
