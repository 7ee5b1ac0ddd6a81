package tui

import (
	"errors"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/walkthrough"
	"github.com/auvenir/auvenir-onboard/steps"
)

// saveProgress writes the walk's state when it changed: a new screen, language, address or timer.
// A failure is said once and never stops the guide. Nothing is written while the language or
// the resume offer is asked: the file still holds what the client may want to continue.
func (m *Model) saveProgress() {
	if m.isOpen(idChooser) || m.isOpen(idOffer) {
		return
	}
	if err := m.saver.Save(m.walk.State()); err != nil {
		m.setStatus("ResumeSaveFailed", map[string]any{"Err": err.Error()})
	}
}

// answerOffer continues where the person stopped, or, once they confirmed it, starts over and
// forgets the progress.
func (m *Model) answerOffer(resume bool, state progress.State) tea.Cmd {
	if !resume {
		if err := m.saver.Forget(m.walk.State()); err != nil {
			var perr *progress.Error
			if !errors.As(err, &perr) {
				perr = &progress.Error{ID: progress.IDResetFailed, Err: err}
			}
			m.status = status{text: perr.Message(m.z)}
			m.refresh()
		} else {
			m.setStatus("ForgetDone", nil) // no path: it holds the user name, and the screen may be shared
		}
		return nil
	}
	return m.resume(state)
}

// resume puts the wizard where the saved progress says: the screen (the ones before it count as
// done), the address and the code timer, which keeps counting from when it was started.
func (m *Model) resume(st progress.State) tea.Cmd {
	m.walk.Resume(st)
	var cmd tea.Cmd
	if left := m.codeLeft(); left > 0 {
		m.timer = timer.New(left, timer.WithInterval(time.Second))
		cmd = m.timer.Init()
	}
	m.vp.GotoTop()
	m.setLang(m.walk.Lang()) // labels quote the address
	return cmd
}

// offerScreen is the opening question when progress was saved: continue, or start over. n
// (which means "next" elsewhere) and Esc do not start over: f does, and only after the offer
// named what forgetting deletes and the client said yes; Enter there means no (issue 20, item 2).
type offerScreen struct {
	state      progress.State
	confirming bool // f was pressed: what would be lost is listed, and yes is awaited
}

var _ = register(idOffer, entry{make: func(cfg Config) screen {
	if cfg.Resume != nil {
		return offerScreen{state: *cfg.Resume}
	}
	return offerScreen{}
}})

func (offerScreen) mode(*common) mode { return mode{full: true, globals: gQuit} }

func (s offerScreen) keys(c *common) []key.Binding {
	k := c.km.offer
	if s.confirming {
		return []key.Binding{k.No, k.Yes}
	}
	return []key.Binding{k.Continue, k.StartOver}
}

func (s offerScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	o := c.km.offer
	switch {
	case !ok:
	case s.confirming && key.Matches(k, o.Yes):
		return s, resumeChosen{resume: false, state: s.state}, nil
	case s.confirming && key.Matches(k, o.No):
		s.confirming = false
		return s, redraw{}, nil
	case s.confirming:
	case key.Matches(k, o.Continue):
		return s, resumeChosen{resume: true, state: s.state}, nil
	case key.Matches(k, o.StartOver):
		s.confirming = true
		return s, redraw{}, nil
	}
	return s, unchanged{}, nil
}

// view is drawn like the language chooser: a box in the middle, the contacts under it.
func (s offerScreen) view(c *common, w, h int) string {
	screens := steps.All()
	d := c.data()
	at := max(0, steps.ByKey(screens, s.state.Screen)) // New offers only a known screen
	o := guide.ResumeOffer(c.z, screens[at], d)
	bw := min(64, max(20, w-8))
	keys := wrapKeys(c, append(s.keys(c), c.km.global.Quit), bw)
	lines := []string{
		c.st.Heading.Render(o.Title),
		"",
		fill(c.st.Text, o.Where, bw),
		fill(c.st.Title, o.Place, bw),
		"",
		fill(c.st.Bold, o.Question, bw),
	}
	if s.confirming {
		lines = []string{fill(c.st.Heading, c.z.T("ForgetTitle", d), bw), "", fill(c.st.Text, c.z.T("ForgetIntro", d), bw)}
		for _, l := range walkthrough.Losses(c.z, s.state, d, c.presenter) {
			lines = append(lines, hanging(c.st.accent.Render(glyphs.Bullet), c.st.Text, l, bw))
		}
		lines = append(lines, "", fill(c.st.Bold, c.z.T("ForgetQuestion", d), bw))
	}
	box := c.st.Box.Render(strings.Join(append(lines, "", strings.Join(keys, "\n")), "\n"))
	sup := c.st.Footer.Render(fill(lipgloss.NewStyle(), c.z.T("FooterSupport", d), max(10, w-2)))
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box+"\n\n"+sup)
}
