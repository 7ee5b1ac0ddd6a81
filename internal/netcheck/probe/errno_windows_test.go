package probe

import (
	"testing"

	"golang.org/x/sys/windows"
)

// The Windows table agrees with golang.org/x/sys/windows (the numbers of winerror.h).
func TestWindowsErrnoTable(t *testing.T) {
	want := map[windows.Errno]sysErr{
		windows.WSAECONNREFUSED: sysRefused, windows.WSAECONNRESET: sysReset,
		windows.WSAECONNABORTED: sysAborted, windows.WSAETIMEDOUT: sysTimedOut,
		windows.WSAEHOSTUNREACH: sysHostUnreachable, windows.WSAENETUNREACH: sysNetUnreachable,
		windows.ERROR_CONNECTION_REFUSED: sysRefused, windows.ERROR_NETNAME_DELETED: sysReset,
		windows.ERROR_CONNECTION_ABORTED: sysAborted, windows.ERROR_HOST_UNREACHABLE: sysHostUnreachable,
		windows.ERROR_NETWORK_UNREACHABLE: sysNetUnreachable, windows.ERROR_SEM_TIMEOUT: sysTimedOut,
	}
	for n, kind := range want {
		if got := classifyErrno("windows", n); got != kind {
			t.Errorf("%d (%v): kind %d, want %d", uintptr(n), n, got, kind)
		}
	}
	if len(want) != len(errnoTables["windows"]) {
		t.Errorf("table has %d entries, test %d", len(errnoTables["windows"]), len(want))
	}
}
