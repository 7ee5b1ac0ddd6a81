package tui

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/winconsole"
	"github.com/auvenir/auvenir-onboard/locales"
)

// syncBuffer is a bytes.Buffer the program's renderer can write while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// walkOutput runs the wizard in a real Bubble Tea program (its renderer included) with environ,
// through help, step 9 and both languages, and returns every byte it wrote.
func walkOutput(t *testing.T, environ []string) string {
	t.Helper()
	var out syncBuffer
	m := New(Config{Lang: locales.English, LangKnown: true, Now: func() time.Time { return t0 }})
	p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(&out), tea.WithEnvironment(environ),
		tea.WithWindowSize(100, 30))
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	// Each key's frame is drawn before the next key: the renderer diffs frame against frame. A
	// loaded machine may take its time; a frame that never comes only merges two keys' changes.
	grown := func(n int) {
		for deadline := time.Now().Add(30 * time.Second); len(out.String()) == n && time.Now().Before(deadline); {
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(20 * time.Millisecond) // the rest of the frame
	}
	grown(0)
	for _, k := range []string{"?", "?", "9", "l", "?", "?", "1", "l"} {
		n := len(out.String())
		p.Send(keyMsg(k))
		grown(n)
	}
	p.Quit()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		p.Kill()
		t.Fatal("the program did not stop")
	}
	return out.String()
}

// On Windows (no TERM) the renderer must not use insert mode, which the Windows 10 console lacks.
// The control case shows the walk does reach the renderer's insertions: without the TERM, it
// writes ESC[4h.
func TestWindowsRendererHasNoInsertMode(t *testing.T) {
	if s := walkOutput(t, winconsole.RendererEnviron("windows", []string{"PATH=/bin"})); strings.Contains(s, "\x1b[4h") || strings.Contains(s, "\x1b[4l") {
		t.Errorf("the Windows renderer wrote insert mode (%d bytes)", len(s))
	}
	if s := walkOutput(t, []string{"PATH=/bin"}); !strings.Contains(s, "\x1b[4h") {
		t.Errorf("control: with no terminal type at all the walk wrote no insert mode; the test no longer exercises insertion (%d bytes)", len(s))
	}
}
