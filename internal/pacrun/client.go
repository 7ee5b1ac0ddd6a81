package pacrun

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Options are what an Evaluator needs from its caller.
type Options struct {
	Name  string        // the script's file or URL, for its error messages
	Src   []byte        // at most MaxScript bytes
	Limit time.Duration // the top level once, then each call, lookups included
	// Lookup resolves a name for dnsResolve and its kin, within ctx; MyIP is myIpAddress's.
	Lookup func(ctx context.Context, host string) []net.IP
	MyIP   func() []net.IP
	// Idle is how long an evaluator waits for a call before it ends (a new one starts at the
	// next call); 0 is 30 s.
	Idle time.Duration
}

// Evaluator runs one PAC script in a confined child. It is not safe for concurrent use: its
// caller runs one call at a time, as a PAC runtime is single-threaded anyway.
type Evaluator struct {
	o     Options
	c     *child // nil when none runs: started again at the next call
	ended int    // children ended by a failure (killed, crashed): an idle one's end is none
	last  error  // the failure that ended the last child
}

// maxStarts bounds how often a script that kills its evaluator (memory kept across calls, a
// loop in a built-in) gets a fresh one: each start runs its top level again. An evaluator that
// ended idle (idleExit) is started again without counting.
const maxStarts = 8

// killGrace is how long past a call's limit the parent waits before it kills the child: the
// child's own interruption and watchdog should have answered by then.
const killGrace = 750 * time.Millisecond

// ErrNoEntryPoint is an evaluator asked of a binary whose main never called Main.
var ErrNoEntryPoint = errors.New("this program cannot start its PAC evaluator (pacrun.Main was not called)")

// Load starts a child and runs the script's top level in it.
func Load(ctx context.Context, o Options) (*Evaluator, error) {
	if len(o.Src) > MaxScript {
		return nil, &Error{KindScript, fmt.Sprintf("larger than %d KiB", MaxScript>>10)}
	}
	e := &Evaluator{o: o}
	if err := e.start(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

func (e *Evaluator) start(ctx context.Context) error {
	c, err := startChild()
	if err != nil {
		return err
	}
	e.c = c
	r, err := e.exchange(ctx, msg{Op: "load", Name: e.o.Name, Src: string(e.o.Src), LimitMS: e.o.Limit.Milliseconds(),
		IdleMS: e.o.Idle.Milliseconds()})
	if err == nil && r.Op != "ready" {
		err = failure(r)
	}
	if err != nil {
		e.stop()
	}
	return err
}

// Find is FindProxyForURL(url, host) at the time now: its answer, or why there is none (an
// *Error, or ctx's error when the caller gave up).
func (e *Evaluator) Find(ctx context.Context, url, host string, now time.Time) (string, error) {
	if e.c != nil {
		select {
		case <-e.c.done: // it ended while idle (idleExit): a new one, as if none had run
			e.stop()
		default:
		}
	}
	if e.c == nil {
		if e.ended >= maxStarts && e.last != nil {
			return "", e.last
		}
		if err := e.start(ctx); err != nil {
			return "", err
		}
	}
	zone, offset := now.Zone()
	r, err := e.exchange(ctx, msg{Op: "find", URL: url, Host: host, NowNS: now.UnixNano(), Zone: zone, Offset: offset})
	switch {
	case err != nil:
		return "", err
	case r.Op == "answer":
		return r.Value, nil
	default:
		return "", failure(r)
	}
}

// Close ends the child, if one runs.
func (e *Evaluator) Close() { e.stop() }

func (e *Evaluator) stop() {
	if e.c != nil {
		e.c.kill()
		e.c = nil
	}
}

func failure(r msg) error {
	if r.Op != "fail" {
		return &Error{KindCrash, "the PAC evaluator answered " + clip(r.Op, 20)}
	}
	return &Error{r.Kind, r.Err}
}

// exchange sends m and answers the child's questions until its reply, within the limit; the
// child is killed when ctx ends or the limit passes without a reply.
func (e *Evaluator) exchange(ctx context.Context, m msg) (msg, error) {
	c := e.c
	limit := e.o.Limit
	callCtx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	hard := time.NewTimer(limit + killGrace)
	defer hard.Stop()
	dead := func(err error) (msg, error) {
		e.last = err
		e.ended++
		e.stop()
		return msg{}, err
	}
	sent := make(chan error, 1)
	go func() { sent <- c.send(m) }()
	for {
		select {
		case err := <-sent:
			if err != nil {
				return dead(c.death())
			}
		case r, ok := <-c.lines:
			if !ok {
				return dead(c.death())
			}
			switch r.Op {
			case "dns":
				var ips []net.IP
				if len(r.Host) <= 253 && e.o.Lookup != nil {
					ips = e.o.Lookup(callCtx, r.Host)
				}
				if c.send(msg{Op: "ips", IPs: ipStrings(ips)}) != nil {
					return dead(c.death())
				}
			case "myip":
				var ips []net.IP
				if e.o.MyIP != nil {
					ips = e.o.MyIP()
				}
				if c.send(msg{Op: "ips", IPs: ipStrings(ips)}) != nil {
					return dead(c.death())
				}
			default:
				if r.Op == "fail" && r.Kind == KindTimeout {
					e.last = failure(r)
				}
				return r, nil
			}
		case <-ctx.Done():
			// The caller gave up (the address's deadline, a signal): nothing waits for the
			// script, and its child goes with it.
			dead(ctx.Err())
			return msg{}, ctx.Err()
		case <-hard.C:
			return dead(&Error{KindTimeout, fmt.Sprintf("the PAC script ran longer than its time limit (%v)", limit)})
		}
	}
}

// peakRSS is the largest peak resident memory of an evaluator that ended, in bytes.
var peakRSS atomic.Int64

// PeakChildRSS is the largest peak resident memory of the evaluators that have ended so far,
// in bytes (Linux only; 0 elsewhere): the figure the hostile-script benchmarks print.
func PeakChildRSS() int64 { return peakRSS.Load() }

// child is one evaluator process.
type child struct {
	cmd    *exec.Cmd
	w      *os.File
	wmu    sync.Mutex
	lines  chan msg
	done   chan struct{}
	stderr capBuf
	killed bool
	childOS
}

func startChild() (*child, error) {
	if !served {
		return nil, ErrNoEntryPoint
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, &Error{KindCrash, "cannot start the PAC evaluator: " + err.Error()}
	}
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, &Error{KindCrash, "cannot start the PAC evaluator: " + err.Error()}
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, &Error{KindCrash, "cannot start the PAC evaluator: " + err.Error()}
	}
	c := &child{w: inW, lines: make(chan msg), done: make(chan struct{})}
	c.cmd = exec.Command(exe)
	// Nothing of the parent's environment: the child needs none, and a GODEBUG or GOGC there
	// must not loosen its limits.
	// One processor: a script is single-threaded, and fewer threads are fewer stacks.
	c.cmd.Env = append(childEnv(), ChildEnv+"=1", "GOMAXPROCS=1")
	c.cmd.Stdin, c.cmd.Stdout, c.cmd.Stderr = inR, outW, &c.stderr
	c.cmd.SysProcAttr = sysProcAttr()
	err = c.cmd.Start()
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return nil, &Error{KindCrash, "cannot start the PAC evaluator: " + err.Error()}
	}
	go func() {
		c.cmd.Wait()
		for rss := maxRSS(c.cmd.ProcessState); ; {
			if old := peakRSS.Load(); rss <= old || peakRSS.CompareAndSwap(old, rss) {
				break
			}
		}
		close(c.done)
	}()
	// The child reads nothing before the script is sent: it is confined before any script
	// code runs.
	if err = confine(c); err != nil {
		c.kill()
		outR.Close()
		return nil, &Error{KindCrash, "cannot confine the PAC evaluator: " + err.Error()}
	}
	go func() {
		defer close(c.lines)
		defer outR.Close()
		sc := bufio.NewScanner(outR)
		sc.Buffer(make([]byte, 4096), 2*MaxAnswer+4096)
		for sc.Scan() {
			var m msg
			if json.Unmarshal(sc.Bytes(), &m) != nil {
				return
			}
			c.lines <- m
		}
	}()
	return c, nil
}

func (c *child) send(m msg) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_, err = c.w.Write(append(b, '\n'))
	return err
}

// kill ends the process and waits for it, so that none is left behind.
func (c *child) kill() {
	if !c.killed {
		c.killed = true
		c.w.Close()
		c.cmd.Process.Kill()
		c.release()
	}
	<-c.done
	go func() {
		for range c.lines { // let the reader end
		}
	}()
}

// death says why a child ended by itself.
func (c *child) death() error {
	select {
	case <-c.done:
	case <-time.After(2 * time.Second):
		c.kill()
	}
	st := c.cmd.ProcessState
	code := -1
	if st != nil {
		code = st.ExitCode()
	}
	out := c.stderr.String()
	switch {
	case code == exitMemory, code != 0 && outOfMemory(out):
		return &Error{KindMemory, fmt.Sprintf("the PAC script used more memory than its limit (%d MB)", watchdogLimit>>20)}
	case code == exitTimeout:
		return &Error{KindTimeout, "the PAC script ran longer than its time limit"}
	case code == exitIdle:
		return &Error{KindCrash, "the PAC evaluator ended after a long idle time"}
	}
	return &Error{KindCrash, fmt.Sprintf("the PAC evaluator ended (%s)", clip(firstLine(out, st), 200))}
}

// outOfMemory tells a Go runtime that died for want of memory: at the operating system's limit
// its allocations fail, and it ends in one of several ways depending on which allocation did
// (a thread's stack, a heap arena, a mark bitmap); a Go panic is a crash, not this.
func outOfMemory(stderr string) bool {
	if strings.HasPrefix(stderr, "panic:") {
		return false
	}
	for _, s := range []string{"out of memory", "cannot allocate memory", "pthread_create failed",
		"failed to reserve", "failed to allocate", "SIGSEGV", "unexpected signal", "not enough memory", "VirtualAlloc"} {
		if strings.Contains(stderr, s) {
			return true
		}
	}
	return false
}

func firstLine(out string, st *os.ProcessState) string {
	if s := strings.TrimSpace(out); s != "" {
		return oneLine(s)
	}
	if st != nil {
		return st.String()
	}
	return "no status"
}

// capBuf keeps the first 4 KiB written: enough to tell an out-of-memory from a crash, never a
// 164-line goroutine dump's worth.
type capBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (c *capBuf) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if room := 4096 - c.b.Len(); room > 0 {
		c.b.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

func (c *capBuf) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.b.String()
}
