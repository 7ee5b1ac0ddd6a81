package pacrun

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// world is what a script's helpers ask of the outside: in the child, the parent answers.
type world interface {
	lookup(host string) []net.IP
	myIP() []net.IP
	now() time.Time
}

// engine is one goja runtime holding a loaded script. It runs in the child only.
type engine struct {
	vm    *goja.Runtime
	find  goja.Callable
	w     world
	limit time.Duration
}

// MaxAnswer bounds FindProxyForURL's answer: real ones name a few proxies.
const MaxAnswer = 32 << 10

// Failure kinds, as the child reports them and Error carries them.
const (
	KindSyntax    = "syntax"      // not JavaScript
	KindNoFunc    = "no_function" // no FindProxyForURL
	KindScript    = "script"      // the script threw
	KindTimeout   = "timeout"     // it ran past its time limit
	KindMemory    = "memory"      // it ran past its memory limit
	KindRecursion = "recursion"   // too deep a recursion
	KindNotString = "not_string"  // FindProxyForURL returned something else than a string
	KindTooLong   = "too_long"    // the answer is longer than MaxAnswer
	KindCrash     = "crash"       // the evaluator ended for another reason
)

// Error is a script's failure: Kind says which, Msg is the engine's one-line reason.
type Error struct {
	Kind string
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

var errInterrupted = errors.New("interrupted")

func newEngine(w world) *engine {
	e := &engine{vm: goja.New(), w: w}
	// Chromium's V8 allows about 10 000 frames; goja's frames are larger Go structures.
	e.vm.SetMaxCallStackSize(1000)
	e.helpers()
	return e
}

// load compiles and runs the top level, then finds the entry point, all within limit: a getter
// on FindProxyForURL is script code too.
func (e *engine) load(name, src string, limit time.Duration) error {
	e.limit = limit
	prog, err := goja.Compile(name, src, false)
	if err != nil {
		return &Error{KindSyntax, "JavaScript syntax: " + oneLine(err.Error())}
	}
	_, err = e.guard(func() (goja.Value, error) {
		if _, err := e.vm.RunProgram(prog); err != nil {
			return nil, err
		}
		for _, n := range []string{"FindProxyForURLEx", "FindProxyForURL"} {
			if f, ok := goja.AssertFunction(e.vm.Get(n)); ok {
				e.find = f
				return nil, nil
			}
		}
		return nil, &Error{KindNoFunc, "the script defines no FindProxyForURL function"}
	})
	return err
}

// call is FindProxyForURL(url, host): a string primitive, as Chromium requires, of at most
// MaxAnswer bytes; anything else is the script's failure.
func (e *engine) call(url, host string) (string, error) {
	var out string
	_, err := e.guard(func() (goja.Value, error) {
		v, err := e.find(goja.Undefined(), e.vm.ToValue(url), e.vm.ToValue(host))
		if err != nil {
			return nil, err
		}
		if v == nil || !goja.IsString(v) {
			what := "nothing"
			if v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
				what = "a " + v.ExportType().Kind().String() // never v.String(): toString is script code
				if _, ok := v.(*goja.Object); ok {
					what = "an object"
				}
			}
			return nil, &Error{KindNotString, "FindProxyForURL returned " + what + ", not a string"}
		}
		s := v.(goja.String)
		if s.Length() > MaxAnswer {
			return nil, &Error{KindTooLong, fmt.Sprintf("FindProxyForURL returned %d characters (more than %d)", s.Length(), MaxAnswer)}
		}
		out = s.String()
		return nil, nil
	})
	return out, err
}

// guard runs f with the interruption armed at the limit, and names its failures.
func (e *engine) guard(f func() (goja.Value, error)) (v goja.Value, err error) {
	t := time.AfterFunc(e.limit, func() { e.vm.Interrupt(errInterrupted) })
	defer func() {
		t.Stop()
		e.vm.ClearInterrupt()
	}()
	func() {
		// goja panics, rather than returns, when it is interrupted outside a JavaScript call
		// (a getter run by Get): the same failure either way.
		defer func() {
			if r := recover(); r != nil {
				if re, ok := r.(error); ok {
					err = re
				} else {
					err = fmt.Errorf("%v", r)
				}
			}
		}()
		v, err = f()
	}()
	return v, e.name(err)
}

func (e *engine) name(err error) error {
	var pe *Error
	var ie *goja.InterruptedError
	var so *goja.StackOverflowError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &pe):
		return pe
	case errors.As(err, &ie):
		return &Error{KindTimeout, fmt.Sprintf("the PAC script ran longer than its time limit (%v)", e.limit)}
	case errors.As(err, &so):
		// goja's message is empty; its stack would be the only text (« cannot be used:  at f »).
		return &Error{KindRecursion, "the PAC script recursed too deeply (more than 1000 calls)"}
	}
	msg := oneLine(err.Error())
	if strings.TrimSpace(msg) == "" {
		msg = "the PAC script failed without saying why"
	}
	return &Error{KindScript, msg}
}

// oneLine is the first line of s, at most 300 bytes, cut on a character boundary.
func oneLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	return clip(s, 300)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
