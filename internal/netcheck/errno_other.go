//go:build !windows

package netcheck

import "syscall"

const (
	errConnRefused = syscall.ECONNREFUSED
	errConnReset   = syscall.ECONNRESET
)
