package tui

import (
	"reflect"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
)

// guard runs a model with Bubble Tea's own panic catching off: Bubble Tea would print the panic
// and a stack trace to the process's standard error, which a client must never see. A panic in
// Init, Update, View or a command is recovered here instead and ends the program the normal way
// (tea.Quit), so the terminal is restored as on any quit; Run then reports ErrPanic.
type guard struct {
	inner tea.Model
	state *guardState
}

type guardState struct {
	panicked atomic.Bool
	program  atomic.Pointer[tea.Program] // for a panic in View, which cannot return tea.Quit
}

// panicMsg is a command's panic, carried to Update so that the program quits from there.
type panicMsg struct{}

func newGuard(m tea.Model) guard { return guard{inner: m, state: &guardState{}} }

func (g guard) Init() (cmd tea.Cmd) {
	defer g.recover(&cmd)
	return g.wrap(g.inner.Init())
}

func (g guard) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	next = g
	if _, ok := msg.(panicMsg); ok {
		g.state.panicked.Store(true)
		return g, tea.Quit
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

// runGuarded runs m in a program with the guard and reports whether it panicked, with the model
// it ended with.
func runGuarded(m tea.Model, opts ...tea.ProgramOption) (final tea.Model, panicked bool, err error) {
	g := newGuard(m)
	p := tea.NewProgram(g, append(opts, tea.WithoutCatchPanics())...)
	g.state.program.Store(p)
	end, err := p.Run()
	if eg, ok := end.(guard); ok {
		end = eg.inner
	}
	return end, g.state.panicked.Load(), err
}
