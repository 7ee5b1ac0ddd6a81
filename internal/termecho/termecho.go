// Package termecho turns a terminal's echo off while a person types something that a shared
// screen must not show. In the terminal's ordinary (cooked) mode the terminal itself, not the
// program, writes back every key typed, so hiding it takes a change of the terminal's settings.
// It has no dependency on the TUI: plain mode's command line uses it directly.
package termecho

import (
	"os"
	"sync"
)

// Off turns off the echo of the terminal f, leaving line editing, ctrl+c and the rest as they
// are, and returns what puts back the settings it found. Calling restore again does nothing, so
// a deferred call may follow an early one. An error means the echo could not be changed (f is
// not a terminal, or not one this system knows how to change): restore then does nothing.
func Off(f *os.File) (restore func(), err error) {
	undo, err := off(f.Fd())
	if err != nil {
		return func() {}, err
	}
	var once sync.Once
	return func() { once.Do(undo) }, nil
}
