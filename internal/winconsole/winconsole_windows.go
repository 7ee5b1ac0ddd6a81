//go:build windows

package winconsole

import (
	"fmt"
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	kernel32                  = windows.NewLazySystemDLL("kernel32.dll")
	procGetConsoleProcessList = kernel32.NewProc("GetConsoleProcessList")
	procReadConsoleInputW     = kernel32.NewProc("ReadConsoleInputW")
)

// consoleProcesses returns how many processes are attached to this process's console, 0 when it
// has none. The function returns the full count even when the list does not fit.
func consoleProcesses() int {
	var pids [4]uint32
	n, _, _ := procGetConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return int(n)
}

func stdin() (windows.Handle, uint32, bool) {
	h, err := windows.GetStdHandle(windows.STD_INPUT_HANDLE)
	if err != nil || h == 0 {
		return 0, 0, false
	}
	var mode uint32
	if windows.GetConsoleMode(h, &mode) != nil {
		return 0, 0, false
	}
	return h, mode, true
}

// stdoutIsConsole reports whether standard output is the console (not a file or a pipe).
func stdoutIsConsole() bool {
	h, err := windows.GetStdHandle(windows.STD_OUTPUT_HANDLE)
	if err != nil || h == 0 {
		return false
	}
	var mode uint32
	return windows.GetConsoleMode(h, &mode) == nil
}

// OwnConsole reports whether Windows created this console for this process alone, as it does
// for a program double-clicked in Explorer.
func OwnConsole() bool {
	_, _, ok := stdin()
	return ownConsole(consoleProcesses(), ok)
}

// PauseIfOwnConsole shows message and waits for a key when the console window would otherwise
// close with the program. Ctrl+C or closing the window also ends the wait (Windows ends the
// process). With standard output redirected, the message goes to the console itself (CONOUT$),
// never into the file; without a console to write to, there is no wait.
func PauseIfOwnConsole(message string) {
	h, mode, ok := stdin()
	var out *os.File
	switch planPause(consoleProcesses(), ok, stdoutIsConsole()) {
	case noPause:
		return
	case pauseOnStdout:
		out = os.Stdout
	case pauseOnConsole:
		f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
		if err != nil {
			return // no console to show the message on: waiting unseen helps nobody
		}
		defer f.Close()
		out = f
	}
	fmt.Fprint(out, "\n"+message+" ")
	// Keys typed before the message (the key that quit the program among them) do not count.
	_ = windows.FlushConsoleInputBuffer(h)
	// Raw keys, no echo; keep Ctrl+C working.
	_ = windows.SetConsoleMode(h, (mode&^(windows.ENABLE_LINE_INPUT|windows.ENABLE_ECHO_INPUT))|windows.ENABLE_PROCESSED_INPUT)
	defer windows.SetConsoleMode(h, mode)
	var rec inputRecord
	for {
		var n uint32
		r, _, _ := procReadConsoleInputW.Call(uintptr(h), uintptr(unsafe.Pointer(&rec)), 1, uintptr(unsafe.Pointer(&n)))
		if r == 0 {
			return // the console is gone: nothing left to keep open
		}
		if n == 1 && rec.EventType == windows.KEY_EVENT && closes(rec.KeyDown != 0, rec.VirtualKeyCode) {
			fmt.Fprintln(out)
			return
		}
	}
}
