//go:build !windows

package winconsole

import "os"

// consoleAsStdin does nothing outside Windows: the reader cancels a wait on /dev/tty as well as
// on standard input.
func consoleAsStdin(*os.File) {}
