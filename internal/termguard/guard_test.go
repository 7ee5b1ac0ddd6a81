package termguard

import (
	"bytes"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// crasher panics where it is told to: in Update on its first key, in View after that key, in a
// command, or in a command of a batch.
type crasher struct {
	where string
	hit   bool
}

type goMsg struct{}

func (c crasher) Init() tea.Cmd { return func() tea.Msg { return goMsg{} } }

func (c crasher) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(goMsg); !ok {
		return c, nil
	}
	switch c.where {
	case "update":
		panic("update")
	case "view":
		c.hit = true
	case "command":
		return c, func() tea.Msg { panic("command") }
	case "batch":
		return c, tea.Batch(func() tea.Msg { return nil }, func() tea.Msg { panic("batch") })
	case "sequence":
		return c, tea.Sequence(func() tea.Msg { panic("sequence") })
	case "none":
		return c, tea.Quit
	}
	return c, nil
}

func (c crasher) View() tea.View {
	if c.hit {
		panic("view")
	}
	return tea.NewView("ok")
}

// Every panic ends the program through a normal quit and is reported as such; Bubble Tea's
// own catching, which prints a stack trace to the process's standard error, stays off.
func TestGuardEndsOnEveryPanic(t *testing.T) {
	t.Parallel()
	for _, where := range []string{"update", "view", "command", "batch", "sequence", "none"} {
		t.Run(where, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			_, panicked, err := Run(crasher{where: where}, tea.WithInput(nil), tea.WithOutput(&out),
				tea.WithWindowSize(80, 24), tea.WithoutSignalHandler())
			if err != nil {
				t.Fatalf("error %v", err)
			}
			if panicked != (where != "none") {
				t.Fatalf("panicked = %v", panicked)
			}
			if bytes.Contains(out.Bytes(), []byte("goroutine")) || bytes.Contains(out.Bytes(), []byte("Caught panic")) {
				t.Fatalf("a stack trace was written: %q", out.String())
			}
		})
	}
}
