//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris || zos

package termecho

import (
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sys/unix"
)

// off clears ECHO only, as golang.org/x/term's password prompt does: the terminal still
// assembles the line (ICANON), so backspace works, and ctrl+c still sends its signal (ISIG).
//
// Until restore, the echo stays off across a suspend: the shell that resumes the program (fg)
// has set the terminal's modes its own way, echo on, so the resume turns the echo off again.
func off(fd uintptr) (func(), error) {
	was, err := unix.IoctlGetTermios(int(fd), ioctlGetTermios)
	if err != nil {
		return nil, err
	}
	hidden := *was
	hidden.Lflag &^= unix.ECHO
	if err := unix.IoctlSetTermios(int(fd), ioctlSetTermios, &hidden); err != nil {
		return nil, err
	}
	stop := keepOff(func() { unix.IoctlSetTermios(int(fd), ioctlSetTermios, &hidden) })
	return func() {
		stop()
		unix.IoctlSetTermios(int(fd), ioctlSetTermios, was)
	}, nil
}

// keepOff applies hide again after every resume (SIGCONT), until stop is called. ctrl+z itself
// is left to the system: a shell with job control puts its own modes back when the program
// stops (and a Go program that catches SIGTSTP could not be stopped by it any more).
func keepOff(hide func()) (stop func()) {
	cont := make(chan os.Signal, 1)
	signal.Notify(cont, syscall.SIGCONT)
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		for {
			select {
			case <-done:
				return
			case <-cont:
				hide()
			}
		}
	}()
	return func() {
		signal.Stop(cont)
		close(done)
		<-finished
	}
}
