package probe

import (
	"context"
	"os"
	"testing"
	"time"
)

// expiringCtx is alive the first time its Err is read and expired ever after: the instant the
// connection deadline and the context timer fire together.
type expiringCtx struct {
	context.Context
	reads int
}

func (c *expiringCtx) Err() error {
	c.reads++
	if c.reads == 1 {
		return nil
	}
	return context.DeadlineExceeded
}

func TestIsTimeoutWhenTheContextExpiresWhileItIsAsked(t *testing.T) {
	ioTimeout := &os.PathError{Op: "read", Path: "tcp", Err: os.ErrDeadlineExceeded}
	if !isTimeout(&expiringCtx{Context: context.Background()}, ioTimeout) {
		t.Error("an i/o timeout at the moment the context expires is not classed as a timeout")
	}
}

func TestIsTimeout(t *testing.T) {
	ioTimeout := &os.PathError{Op: "read", Path: "tcp", Err: os.ErrDeadlineExceeded}
	expired, cancelExpired := context.WithDeadline(context.Background(), time.Unix(1, 0))
	defer cancelExpired()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	cases := []struct {
		name string
		ctx  context.Context
		err  error
		want bool
	}{
		{"i/o timeout, context alive", context.Background(), ioTimeout, true},
		{"i/o timeout, context expired", expired, ioTimeout, true},
		{"i/o timeout after cancellation", cancelled, ioTimeout, false},
		{"context deadline error", context.Background(), context.DeadlineExceeded, true},
		{"other error, context alive", context.Background(), os.ErrClosed, false},
		{"no error", expired, nil, false},
	}
	for _, c := range cases {
		if got := isTimeout(c.ctx, c.err); got != c.want {
			t.Errorf("%s: isTimeout = %v, want %v", c.name, got, c.want)
		}
	}
}
