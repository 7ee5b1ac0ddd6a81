// Package termguard runs a Bubble Tea program so that the terminal is always given back as it
// was: a panic anywhere ends it the normal way (no stack trace on the client's screen), the
// signals of sigexit.Ending end it as ctrl+c would, and ctrl+z or kill -TSTP suspend it with the
// terminal restored. The wizard (tui) and the network check's live view (netview) both run
// through it.
package termguard

import (
	"os"
	"os/signal"
	"reflect"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/sigexit"
)

// guard runs a model with Bubble Tea's own panic catching off: Bubble Tea would print the panic
// and a stack trace to the process's standard error, which a client must never see. A panic in
// Init, Update, View or a command is recovered here instead and ends the program the normal way
// (tea.Quit), so the terminal is restored as on any quit; Run then reports that it panicked.
type guard struct {
	inner tea.Model
	state *guardState
}

type guardState struct {
	panicked atomic.Bool
	program  atomic.Pointer[tea.Program] // for a panic in View, which cannot return tea.Quit
	signal   atomic.Pointer[os.Signal]   // the signal that ended the program, if one did
	tstp     chan os.Signal              // kill -TSTP from outside
	// signalled is closed once signal is set.
	signalled chan struct{}
}

// panicMsg is a command's panic, carried to Update so that the program quits from there.
type panicMsg struct{}

func newGuard(m tea.Model) guard {
	return guard{inner: m, state: &guardState{signalled: make(chan struct{})}}
}

func (g guard) Init() (cmd tea.Cmd) {
	defer g.recover(&cmd)
	return g.wrap(g.inner.Init())
}

func (g guard) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	next = g
	switch msg := msg.(type) {
	case panicMsg:
		g.state.panicked.Store(true)
		return g, tea.Quit
	case suspendMsg:
		return g, g.suspend()
	case tea.KeyPressMsg:
		// In raw mode ctrl+z is a key, not the terminal's suspend: it suspends as it does in
		// any terminal program, where a shell can resume it.
		if key.Matches(msg, SuspendKey) && sigexit.CanStop() {
			return g, g.suspend()
		}
	}
	if g.state.panicked.Load() {
		return g, nil
	}
	defer g.recover(&cmd)
	inner, c := g.inner.Update(msg)
	return guard{inner: inner, state: g.state}, g.wrap(c)
}

func (g guard) View() (v tea.View) {
	if g.state.panicked.Load() {
		return tea.NewView("")
	}
	defer func() {
		if r := recover(); r != nil {
			g.state.panicked.Store(true)
			v = tea.NewView("")
			if p := g.state.program.Load(); p != nil {
				go p.Quit()
			}
		}
	}()
	return g.inner.View()
}

func (g guard) recover(cmd *tea.Cmd) {
	if r := recover(); r != nil {
		g.state.panicked.Store(true)
		*cmd = tea.Quit
	}
}

// cmdType is tea.Cmd's type, for the batches and sequences a command returns: their commands
// run in goroutines of Bubble Tea, so each is wrapped too.
var cmdType = reflect.TypeFor[tea.Cmd]()

// wrap makes a command's panic a panicMsg. tea.Batch and tea.Sequence return a slice of
// commands as their message (the second under an unexported type), rebuilt here with each
// command wrapped.
func (g guard) wrap(c tea.Cmd) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = panicMsg{}
			}
		}()
		msg = c()
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
			out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			for i := range v.Len() {
				if inner, _ := v.Index(i).Interface().(tea.Cmd); inner != nil {
					out.Index(i).Set(reflect.ValueOf(g.wrap(inner)))
				}
			}
			msg = out.Interface()
		}
		return msg
	}
}

// Run runs m in a program with the guard and reports whether it panicked, with the model
// it ended with. A signal that ends the program (sigexit.Ending) ends it as ctrl+c would, through
// a tea.InterruptMsg (terminal restored, alternate screen left), and err is then a
// *sigexit.Error. A suspend from outside (kill -TSTP) suspends as ctrl+z does (guard.suspend).
func Run(m tea.Model, opts ...tea.ProgramOption) (final tea.Model, panicked bool, err error) {
	g := newGuard(m)
	p := tea.NewProgram(g, append(opts, tea.WithoutCatchPanics(), tea.WithoutSignalHandler())...)
	g.state.program.Store(p)
	stop := g.state.catchSignals(p)
	end, err := p.Run()
	stop()
	if eg, ok := end.(guard); ok {
		end = eg.inner
	}
	if err != nil && g.state.signal.Load() == nil {
		// A read from a terminal just closed fails at about the moment SIGHUP arrives: the
		// error waits a little for the signal that explains it.
		select {
		case <-g.state.signalled:
		case <-time.After(signalGrace):
		}
	}
	if sig := g.state.signal.Load(); sig != nil {
		err = &sigexit.Error{Signal: *sig}
	}
	return end, g.state.panicked.Load(), err
}

// SuspendKey suspends the program from any screen, as the terminal's ctrl+z does outside raw
// mode (the wizard's help names it).
var SuspendKey = key.NewBinding(key.WithKeys("ctrl+z"))

// suspendMsg is kill -TSTP from outside, caught so that the terminal is restored first.
type suspendMsg struct{}

// suspend gives the terminal back as it was (modes, main screen), stops the program until the
// shell resumes it, then takes the terminal again and redraws the whole screen, which another
// program may have written over. It runs in the event loop, as Bubble Tea's own tea.Suspend does;
// that one stops the program with SIGTSTP, which the Go runtime ignores once it has been caught.
func (g guard) suspend() tea.Cmd {
	p := g.state.program.Load()
	if p == nil || !sigexit.CanStop() {
		return nil
	}
	if err := p.ReleaseTerminal(); err != nil {
		return nil
	}
	sigexit.StopGroup()
	if err := p.RestoreTerminal(); err != nil {
		return tea.Quit
	}
	return tea.Batch(tea.ClearScreen, func() tea.Msg { return tea.ResumeMsg{} })
}

// signalGrace is how long an error waits for the signal that may explain it.
const signalGrace = 500 * time.Millisecond

// killAfter is how long a signalled program has to end on its own before it is killed (its
// terminal restored all the same): a model stuck in a long Update must not keep it alive.
const killAfter = 3 * time.Second

func (s *guardState) catchSignals(p *tea.Program) (stop func()) {
	ending := make(chan os.Signal, 1)
	signal.Notify(ending, sigexit.Ending...)
	s.tstp = make(chan os.Signal, 1)
	if len(sigexit.Suspend) > 0 { // Notify with no signal would catch them all
		signal.Notify(s.tstp, sigexit.Suspend...)
	}
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case sig := <-ending:
				s.signal.Store(&sig)
				close(s.signalled)
				go p.Send(tea.InterruptMsg{})
				select {
				case <-done:
				case <-time.After(killAfter):
					p.Kill()
				}
				return
			case <-s.tstp:
				go p.Send(suspendMsg{})
			}
		}
	}()
	return func() {
		close(done)
		signal.Stop(ending)
		signal.Stop(s.tstp)
	}
}
