//go:build windows

package netcheck

import "syscall"

const (
	errConnRefused = syscall.Errno(10061) // WSAECONNREFUSED
	errConnReset   = syscall.Errno(10054) // WSAECONNRESET
)
