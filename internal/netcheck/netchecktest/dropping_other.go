//go:build !linux

package netchecktest

import "testing"

// Dropping needs Linux's handling of a full accept queue.
func Dropping(t testing.TB) string {
	t.Skip("a port that drops connection attempts is simulated on Linux only")
	return ""
}
