// Package winconsole keeps the console window of a double-clicked program open until the person
// has read it. Explorer gives a console program a new console window that Windows closes the
// moment the program exits, taking the last screen (the finish, an error, the network verdict)
// with it. A program started from an existing shell shares that shell's console and must not wait.
//
// Call PauseIfOwnConsole(loc.T("ConsolePressAnyKey")) just before exiting. It does nothing on
// other systems, and nothing on Windows unless this process is alone on its console.
package winconsole

import (
	"errors"
	"strings"
)

// ownConsole decides from what Windows reports: the number of processes attached to the console
// (GetConsoleProcessList) and whether standard input is that console. Started from cmd.exe,
// PowerShell or `go run`, the count includes the shell or the go command; double-clicked, the
// program is the console's only process.
func ownConsole(processes int, stdinIsConsole bool) bool {
	return processes == 1 && stdinIsConsole
}

// pausePlan is what the closing pause does.
type pausePlan int

const (
	noPause        pausePlan = iota
	pauseOnStdout            // the prompt on standard output, which is the console
	pauseOnConsole           // standard output goes elsewhere: the prompt goes to the console (CONOUT$)
)

// planPause decides the closing pause. Only a console of its own closes with the program; then
// the prompt goes where the person sees it. Standard output redirected to a file
// (« --json > out.json » run in a window of its own) must not receive it: the file would no
// longer be JSON, and the wait would be unseen. The console itself is always on screen.
func planPause(processes int, stdinIsConsole, stdoutIsConsole bool) pausePlan {
	switch {
	case !ownConsole(processes, stdinIsConsole):
		return noPause
	case stdoutIsConsole:
		return pauseOnStdout
	}
	return pauseOnConsole
}

// Virtual-key codes of keys that change other keys (Shift, Ctrl, Alt, Windows, the locks):
// pressing one alone is not "pressing a key" to anyone reading the message.
var modifierKeys = map[uint16]bool{
	0x10: true, 0x11: true, 0x12: true, // VK_SHIFT, VK_CONTROL, VK_MENU (Alt)
	0x14: true, 0x90: true, 0x91: true, // VK_CAPITAL, VK_NUMLOCK, VK_SCROLL
	0x5b: true, 0x5c: true, // VK_LWIN, VK_RWIN
	0xa0: true, 0xa1: true, 0xa2: true, 0xa3: true, 0xa4: true, 0xa5: true, // left and right Shift, Ctrl, Alt
}

// closes reports whether a console key event ends the wait: a key going down that is not a
// modifier. Key-up events come from keys pressed before the message appeared.
func closes(keyDown bool, virtualKey uint16) bool {
	return keyDown && !modifierKeys[virtualKey]
}

// inputRecord is INPUT_RECORD with its KEY_EVENT_RECORD member, the only one read here
// (https://learn.microsoft.com/windows/console/input-record-str): 20 bytes.
type inputRecord struct {
	EventType       uint16
	_               uint16
	KeyDown         int32
	RepeatCount     uint16
	VirtualKeyCode  uint16
	VirtualScanCode uint16
	Char            uint16
	ControlKeyState uint32
}

// ModeRefused reports whether err is the console refusing the modes a full-screen program sets
// (virtual terminal input and processing): Bubble Tea says "error setting console mode", its
// reader "set console mode". The classic console does so with its legacy mode on
// (https://learn.microsoft.com/windows/console/legacymode: Properties, Options, "Use legacy
// console"), where plain text still works. Read from the messages, which are all the wrapped
// errors share, so that the decision is the same on every system and testable anywhere.
func ModeRefused(err error) bool {
	for ; err != nil; err = errors.Unwrap(err) {
		msg := err.Error()
		if strings.HasPrefix(msg, "error setting console mode") || strings.HasPrefix(msg, "set console mode") {
			return true
		}
	}
	return false
}
