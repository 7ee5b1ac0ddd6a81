//go:build aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris || zos

package termecho

import "golang.org/x/sys/unix"

// off clears ECHO only, as golang.org/x/term's password prompt does: the terminal still
// assembles the line (ICANON), so backspace works, and ctrl+c still sends its signal (ISIG).
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
	return func() { unix.IoctlSetTermios(int(fd), ioctlSetTermios, was) }, nil
}
