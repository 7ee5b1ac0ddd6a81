//go:build aix || linux || solaris || zos

package termecho

import "golang.org/x/sys/unix"

// TCSETS applies at once, as TIOCSETA does on the BSDs: nothing typed is waiting to be echoed
// when a prompt has just been written.
const (
	ioctlGetTermios = unix.TCGETS
	ioctlSetTermios = unix.TCSETS
)
