//go:build linux || darwin

package probe

import (
	"runtime"
	"syscall"
	"testing"
)

// This system's table agrees with its syscall package.
func TestUnixErrnoTable(t *testing.T) {
	want := map[syscall.Errno]sysErr{
		syscall.ECONNREFUSED: sysRefused, syscall.ECONNRESET: sysReset, syscall.ECONNABORTED: sysAborted,
		syscall.ETIMEDOUT: sysTimedOut, syscall.EHOSTUNREACH: sysHostUnreachable, syscall.ENETUNREACH: sysNetUnreachable,
	}
	for n, kind := range want {
		if got := classifyErrno(runtime.GOOS, n); got != kind {
			t.Errorf("%d (%v): kind %d, want %d", uintptr(n), n, got, kind)
		}
	}
}
