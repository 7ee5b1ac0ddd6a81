package probe

import (
	"context"
	"errors"
	"io"
	"runtime"
	"syscall"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/diagnose"
)

// sysErr is what a socket error number means to the check, the same on every system. Comparing
// with syscall.ECONNREFUSED only works on Unix: on Windows the socket calls return Winsock codes
// (WSAECONNREFUSED is 10061) while syscall.ECONNREFUSED is a number Go invented for its own use,
// so a refused connection there fell through to "unexpected problem".
type sysErr int

const (
	sysOther           sysErr = iota
	sysRefused                // nothing listens on the port, or a firewall answers with a reset
	sysReset                  // the peer (or a filter in between) reset an open connection
	sysAborted                // this side's stack gave up on the connection
	sysTimedOut               // the system's own connect or retransmission timer ran out
	sysHostUnreachable        // no route to the host (an ICMP answer, or ARP got none)
	sysNetUnreachable         // no route to the network
	sysBlockedHere            // this computer's own firewall refused the connection
)

// errnoTables hold each system's numbers, so a test on one system can check the others.
//   - Linux: asm-generic/errno.h.
//   - macOS and the BSDs: sys/errno.h (the same numbers on FreeBSD, OpenBSD, NetBSD).
//   - Windows: the Winsock codes (winerror.h, golang.org/x/sys/windows WSAE*), which connect,
//     send and receive return, plus the Win32 codes that GetOverlappedResult gives for the same
//     conditions after an overlapped ConnectEx or WSARecv (ERROR_CONNECTION_REFUSED and its
//     neighbours, winerror.h 1225–1236); errno_windows_test.go checks them against x/sys/windows.
var errnoTables = map[string]map[uintptr]sysErr{
	"linux": {
		111: sysRefused,         // ECONNREFUSED
		104: sysReset,           // ECONNRESET
		103: sysAborted,         // ECONNABORTED
		110: sysTimedOut,        // ETIMEDOUT
		113: sysHostUnreachable, // EHOSTUNREACH
		101: sysNetUnreachable,  // ENETUNREACH
		1:   sysBlockedHere,     // EPERM: a netfilter OUTPUT rule on this computer
		13:  sysBlockedHere,     // EACCES
	},
	"bsd": {
		61: sysRefused,         // ECONNREFUSED
		54: sysReset,           // ECONNRESET
		53: sysAborted,         // ECONNABORTED
		60: sysTimedOut,        // ETIMEDOUT
		65: sysHostUnreachable, // EHOSTUNREACH
		51: sysNetUnreachable,  // ENETUNREACH
		1:  sysBlockedHere,     // EPERM: a pf or Application Firewall rule on this computer
		13: sysBlockedHere,     // EACCES
	},
	"windows": {
		10061: sysRefused,         // WSAECONNREFUSED
		10054: sysReset,           // WSAECONNRESET
		10053: sysAborted,         // WSAECONNABORTED
		10060: sysTimedOut,        // WSAETIMEDOUT
		10065: sysHostUnreachable, // WSAEHOSTUNREACH
		10051: sysNetUnreachable,  // WSAENETUNREACH
		10013: sysBlockedHere,     // WSAEACCES: Windows Firewall's outbound block
		1225:  sysRefused,         // ERROR_CONNECTION_REFUSED
		64:    sysReset,           // ERROR_NETNAME_DELETED: a reset seen by an overlapped receive
		1236:  sysAborted,         // ERROR_CONNECTION_ABORTED
		1232:  sysHostUnreachable, // ERROR_HOST_UNREACHABLE
		1231:  sysNetUnreachable,  // ERROR_NETWORK_UNREACHABLE
		121:   sysTimedOut,        // ERROR_SEM_TIMEOUT: a connect timed out by the stack
	},
}

// errnoTable is the table of the system goos.
func errnoTable(goos string) map[uintptr]sysErr {
	switch goos {
	case "linux", "android":
		return errnoTables["linux"]
	case "windows":
		return errnoTables["windows"]
	case "darwin", "ios", "freebsd", "openbsd", "netbsd", "dragonfly":
		return errnoTables["bsd"]
	}
	return nil
}

// classifyErrno finds the system error number inside err (net.OpError and os.SyscallError wrap
// it) and says what it means on goos.
func classifyErrno(goos string, err error) sysErr {
	var n syscall.Errno
	if !errors.As(err, &n) {
		return sysOther
	}
	return errnoTable(goos)[uintptr(n)]
}

// sysErrOf is classifyErrno for the running system.
func sysErrOf(err error) sysErr { return classifyErrno(runtime.GOOS, err) }

// connectFailClass is the class of a failed TCP connect on goos: a kernel timeout counts as a
// timeout (on Windows Go's net.Error.Timeout does not know WSAETIMEDOUT), a refusal as refused.
func connectFailClass(ctx context.Context, goos string, err error) Class {
	kind := classifyErrno(goos, err)
	switch {
	case isTimeout(ctx, err), kind == sysTimedOut:
		return Timeout
	case kind == sysRefused, kind == sysHostUnreachable, kind == sysNetUnreachable, kind == sysBlockedHere:
		// Refused by the network or this computer rather than by silence: diagnose names who
		// (an ICMP unreachable, no route, the local firewall) from the error's kind.
		return Refused
	}
	return Error
}

// closedByPeer: the connection was reset or aborted rather than answered.
func closedByPeer(k sysErr) bool { return k == sysReset || k == sysAborted }

// isReset reports a connection reset or aborted by the peer or a filter, on any system.
func isReset(err error) bool { return closedByPeer(sysErrOf(err)) }

// errKind is how a failed step ended, the same word on every system (diagnose.ErrKind*); ""
// for an error of no known kind.
func errKind(ctx context.Context, err error) string {
	if isTimeout(ctx, err) {
		return diagnose.ErrKindTimeout
	}
	switch sysErrOf(err) {
	case sysRefused:
		return diagnose.ErrKindRefused
	case sysReset, sysAborted:
		return diagnose.ErrKindReset
	case sysTimedOut:
		return diagnose.ErrKindTimeout
	case sysHostUnreachable:
		return diagnose.ErrKindHostUnreachable
	case sysNetUnreachable:
		return diagnose.ErrKindNetUnreachable
	case sysBlockedHere:
		return diagnose.ErrKindBlockedHere
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return diagnose.ErrKindClosed
	}
	return ""
}
