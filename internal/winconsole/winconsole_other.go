//go:build !windows

package winconsole

// OwnConsole reports whether this process is alone on a console window it did not share with a
// shell. Only Windows creates such windows.
func OwnConsole() bool { return false }

// PauseIfOwnConsole does nothing outside Windows: terminals there outlive the programs they run.
func PauseIfOwnConsole(message string) {}
