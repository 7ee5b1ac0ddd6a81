package sigexit

import (
	"context"
	"os"
	"os/signal"
	"sync/atomic"
	"time"
)

// Catcher catches the ending signals for code that is not a Bubble Tea program (plain mode, the
// piped network check): the first one cancels Context, is sent on C, and stays in Signal.
type Catcher struct {
	ctx    context.Context
	cancel context.CancelFunc
	in     chan os.Signal
	out    chan os.Signal
	sig    atomic.Pointer[os.Signal]
	done   chan struct{}
}

// Catch starts catching; Stop gives the signals back to the system.
func Catch(parent context.Context) *Catcher {
	c := &Catcher{in: make(chan os.Signal, 1), out: make(chan os.Signal, 1), done: make(chan struct{})}
	c.ctx, c.cancel = context.WithCancel(parent)
	signal.Notify(c.in, Ending...)
	go func() {
		select {
		case s := <-c.in:
			c.sig.Store(&s)
			c.cancel()
			c.out <- s
		case <-c.done:
		}
	}()
	return c
}

// Context is canceled by the first ending signal.
func (c *Catcher) Context() context.Context { return c.ctx }

// C receives the first ending signal.
func (c *Catcher) C() <-chan os.Signal { return c.out }

// Signal is the signal caught, or nil.
func (c *Catcher) Signal() os.Signal {
	if s := c.sig.Load(); s != nil {
		return *s
	}
	return nil
}

// Await is the signal caught, waiting up to d for one. A read from a terminal that was just
// closed fails at about the moment SIGHUP arrives, and either may come first: a failed read
// waits for the signal that explains it, so the status says hang-up rather than error.
func (c *Catcher) Await(d time.Duration) os.Signal {
	if s := c.Signal(); s != nil {
		return s
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-c.ctx.Done():
	case <-t.C:
	}
	return c.Signal()
}

// Stop stops catching.
func (c *Catcher) Stop() {
	signal.Stop(c.in)
	select {
	case <-c.done:
	default:
		close(c.done)
	}
	c.cancel()
}
