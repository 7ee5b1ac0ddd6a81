package pacrun

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"os"
	"time"
)

// ChildEnv, set to "1" in a process's environment, makes Main serve as the PAC evaluator.
const ChildEnv = "AUVENIR_ONBOARD_PAC_CHILD"

// served is set by Main in a process that can serve as the evaluator: only such a binary may
// start itself as one (another, a test binary without Main, would run its tests again).
var served bool

// Main is the hidden entry point: with childEnv "1" (the value of ChildEnv) it serves as the
// evaluator on standard input and output and ends the process; otherwise it notes that this
// binary can start evaluators, and returns. The command's main and the TestMain of test
// binaries that evaluate PAC scripts call it before anything else.
func Main(childEnv string) {
	if childEnv != "1" {
		served = true
		return
	}
	os.Exit(serve(os.Stdin, os.Stdout))
}

// Child exit statuses the parent tells apart (a Go runtime out of memory exits with 2).
const (
	exitProtocol = 3
	exitMemory   = 4
	exitTimeout  = 5
	exitIdle     = 6
)

// idleExit ends a child nobody has asked anything for this long: a PAC left unclosed (a test, a
// wizard that checked once) does not keep a process.
const idleExit = 30 * time.Second

// childWorld answers the helpers' questions by asking the parent.
type childWorld struct {
	in  <-chan msg
	out *json.Encoder
	t   time.Time
}

func (w *childWorld) ask(m msg) []net.IP {
	if w.out.Encode(m) != nil {
		os.Exit(exitProtocol)
	}
	r, ok := <-w.in
	if !ok || r.Op != "ips" {
		os.Exit(exitProtocol)
	}
	return parseIPs(r.IPs)
}

func (w *childWorld) lookup(host string) []net.IP { return w.ask(msg{Op: "dns", Host: host}) }
func (w *childWorld) myIP() []net.IP              { return w.ask(msg{Op: "myip"}) }
func (w *childWorld) now() time.Time              { return w.t }

// serve is the child: it reads the script, then calls, answering each with one line. A reader
// goroutine ends the process as soon as the parent goes (its end of the pipe closes), even
// while the script spins; a watchdog ends it past its memory limit or its deadline.
func serve(r io.Reader, w io.Writer) int {
	in := make(chan msg)
	go func() {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), maxLine)
		for sc.Scan() {
			var m msg
			if json.Unmarshal(sc.Bytes(), &m) != nil {
				os.Exit(exitProtocol)
			}
			in <- m
		}
		os.Exit(0) // the parent is gone, or closed us
	}()
	out := json.NewEncoder(w)
	cw := &childWorld{in: in, out: out}
	e := newEngine(cw)
	dog := startWatchdog()
	reply := func(err error) {
		m := msg{Op: "ready"}
		if err != nil {
			m = msg{Op: "fail", Kind: KindCrash, Err: err.Error()}
			if pe, ok := err.(*Error); ok {
				m.Kind = pe.Kind
			}
		}
		if out.Encode(m) != nil {
			os.Exit(exitProtocol)
		}
	}
	idle := idleExit
	for {
		var m msg
		select {
		case m = <-in:
		case <-time.After(idle):
			return exitIdle
		}
		limit := time.Duration(m.LimitMS) * time.Millisecond
		switch m.Op {
		case "load":
			if m.IdleMS > 0 {
				idle = time.Duration(m.IdleMS) * time.Millisecond
			}
			dog.arm(limit)
			reply(e.load(m.Name, m.Src, limit))
			dog.disarm()
		case "find":
			if e.find == nil {
				return exitProtocol
			}
			cw.t = timeOf(m)
			dog.arm(e.limit)
			v, err := e.call(m.URL, m.Host)
			dog.disarm()
			if err == nil {
				if out.Encode(msg{Op: "answer", Value: v}) != nil {
					return exitProtocol
				}
				continue
			}
			reply(err)
		default:
			return exitProtocol
		}
	}
}
