//go:build unix

package sigexit

import (
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sys/unix"
)

// Ending are the signals that end the program: ctrl+c, kill, a closed terminal, and ctrl+\.
var Ending = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// Suspend is ctrl+z, or kill -TSTP, which stops the program until the shell's fg.
var Suspend = []os.Signal{syscall.SIGTSTP}

// Continue is the signal a stopped program receives when it is resumed.
var Continue = []os.Signal{syscall.SIGCONT}

// CanStop reports whether stopping the program leaves someone to resume it: its parent is a
// shell with job control (same session, another process group). A program run straight by a
// terminal window, or by a script without job control, is in an orphaned process group, for
// which the system itself ignores ctrl+z; so does the program then.
func CanStop() bool {
	ppid := os.Getppid()
	sid, err1 := unix.Getsid(0)
	psid, err2 := unix.Getsid(ppid)
	ppgid, err3 := unix.Getpgid(ppid)
	return err1 == nil && err2 == nil && err3 == nil && sid == psid && ppgid != unix.Getpgrp()
}

// StopGroup stops the program's process group, as the terminal's ctrl+z does, and returns once
// it is resumed (fg, kill -CONT). It stops with SIGSTOP: once a Go program has caught SIGTSTP
// (to restore the terminal first), the Go runtime keeps ignoring it, so SIGTSTP could not stop
// the program any more.
func StopGroup() {
	cont := make(chan os.Signal, 1)
	signal.Notify(cont, syscall.SIGCONT)
	defer signal.Stop(cont)
	if err := syscall.Kill(0, syscall.SIGSTOP); err != nil {
		return
	}
	<-cont
}
