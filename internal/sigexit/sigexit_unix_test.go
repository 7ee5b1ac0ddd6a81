//go:build unix

package sigexit

import (
	"context"
	"syscall"
	"testing"
	"time"
)

func TestStatusIs128PlusTheSignal(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGHUP: 129, syscall.SIGINT: 130, syscall.SIGQUIT: 131, syscall.SIGTERM: 143} {
		if got := Status(sig); got != want {
			t.Errorf("%v: %d, want %d", sig, got, want)
		}
	}
}

// A caught SIGQUIT (which the Go runtime would otherwise turn into a goroutine dump) cancels the
// context, is sent on C and stays in Signal.
func TestCatchQuit(t *testing.T) {
	c := Catch(context.Background())
	defer c.Stop()
	if c.Signal() != nil {
		t.Fatal("a signal before any was sent")
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGQUIT); err != nil {
		t.Fatal(err)
	}
	select {
	case sig := <-c.C():
		if sig != syscall.SIGQUIT || c.Signal() != syscall.SIGQUIT || c.Context().Err() == nil {
			t.Fatalf("got %v, Signal %v, context %v", sig, c.Signal(), c.Context().Err())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("SIGQUIT never arrived")
	}
}
