//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package termecho

import "golang.org/x/sys/unix"

// The BSDs name the termios requests after the terminal (TIOC*), where Linux has TCGETS/TCSETS.
const (
	ioctlGetTermios = unix.TIOCGETA
	ioctlSetTermios = unix.TIOCSETA
)
