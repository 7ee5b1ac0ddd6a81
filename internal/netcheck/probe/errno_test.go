package probe

import (
	"context"
	"errors"
	"net"
	"os"
	"runtime"
	"syscall"
	"testing"
)

// Each system's socket error numbers, as its own headers define them, go through the classifier
// the way Go hands them over (net.OpError around os.SyscallError around syscall.Errno).
func TestErrnoClassifiedAlikeOnEverySystem(t *testing.T) {
	want := map[string]map[sysErr]uintptr{
		"linux":   {sysRefused: 111, sysReset: 104, sysAborted: 103, sysTimedOut: 110, sysHostUnreachable: 113, sysNetUnreachable: 101},
		"darwin":  {sysRefused: 61, sysReset: 54, sysAborted: 53, sysTimedOut: 60, sysHostUnreachable: 65, sysNetUnreachable: 51},
		"freebsd": {sysRefused: 61, sysReset: 54, sysAborted: 53, sysTimedOut: 60, sysHostUnreachable: 65, sysNetUnreachable: 51},
		"windows": {sysRefused: 10061, sysReset: 10054, sysAborted: 10053, sysTimedOut: 10060, sysHostUnreachable: 10065, sysNetUnreachable: 10051},
	}
	for goos, kinds := range want {
		for kind, n := range kinds {
			err := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.Errno(n))}
			if got := classifyErrno(goos, err); got != kind {
				t.Errorf("%s errno %d: got kind %d, want %d", goos, n, got, kind)
			}
		}
	}
	// Another system's number for the same thing means nothing (Linux's ECONNREFUSED is 111,
	// on Windows 111 is ERROR_BUFFER_OVERFLOW).
	if got := classifyErrno("windows", syscall.Errno(111)); got != sysOther {
		t.Errorf("Linux's ECONNREFUSED read on Windows: kind %d", got)
	}
	if got := classifyErrno("linux", errors.New("no errno here")); got != sysOther {
		t.Errorf("plain error: kind %d", got)
	}
}

// A refused connection on Windows is "refused" (the firewall remedy), not an unexpected problem;
// Windows's kernel connect timeout is a timeout although Go's net.Error.Timeout says no.
func TestConnectFailClassPerSystem(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		goos string
		n    uintptr
		want Class
	}{
		{"windows", 10061, Refused}, {"windows", 1225, Refused}, {"windows", 10060, Timeout},
		{"windows", 10054, Error}, {"linux", 111, Refused}, {"linux", 110, Timeout},
		{"darwin", 61, Refused}, {"darwin", 60, Timeout}, {"linux", 113, Refused}, {"linux", 101, Refused},
		{"windows", 10065, Refused}, {"windows", 10051, Refused}, {"windows", 10013, Refused}, {"linux", 1, Refused},
	}
	for _, c := range cases {
		err := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connectex", syscall.Errno(c.n))}
		if got := connectFailClass(ctx, c.goos, err); got != c.want {
			t.Errorf("%s errno %d: class %q, want %q", c.goos, c.n, got, c.want)
		}
	}
}

// The running system's own refusal, from a real loopback port nobody listens on.
func TestRealRefusalIsRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, err = net.Dial("tcp", addr)
	if err == nil {
		t.Fatalf("%s accepted a connection after its listener closed (another process took the port?)", addr)
	}
	if got := connectFailClass(context.Background(), runtime.GOOS, err); got != Refused {
		t.Errorf("dial %s: %v: class %q, want refused", addr, err, got)
	}
}
