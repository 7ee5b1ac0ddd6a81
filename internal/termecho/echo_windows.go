//go:build windows

package termecho

import "golang.org/x/sys/windows"

// off clears ENABLE_ECHO_INPUT on the console input; line input (ENABLE_LINE_INPUT) stays, so
// the console still assembles the line and ctrl+c still interrupts.
func off(fd uintptr) (func(), error) {
	h := windows.Handle(fd)
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return nil, err
	}
	if err := windows.SetConsoleMode(h, mode&^windows.ENABLE_ECHO_INPUT); err != nil {
		return nil, err
	}
	return func() { windows.SetConsoleMode(h, mode) }, nil
}
