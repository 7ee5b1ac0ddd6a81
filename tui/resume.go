package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/steps"
)

// saved is the root's record of saving: the progress as last saved, so only changes are written,
// and whether a failure was said (once, not on every step).
type saved struct {
	last    progress.State
	saveErr bool
}

// offerable: progress worth a question. At "before you begin" there is nothing to resume, and
// someone who reached the end is better served by the start than by the finish screen.
func offerable(screens []steps.Screen, key string) bool {
	i := steps.ByKey(screens, key)
	return i > 0 && screens[i].Kind != steps.KindFinish
}

// snapshot is the progress to save: where the person is and what they told the guide. There is
// nothing secret to leave out: progress.State has no field for it.
func (m Model) snapshot() progress.State {
	lang := m.cfg.Lang
	if m.z != nil {
		lang = m.z.Lang()
	}
	return progress.State{Version: progress.Version, Screen: m.screen().Key, Lang: lang,
		Email: m.email, MFA: m.mfaChoice, CodeSent: m.codeSent, SignIn: m.signIn}
}

func sameProgress(a, b progress.State) bool {
	eq := a.CodeSent.Equal(b.CodeSent)
	a.CodeSent, b.CodeSent = time.Time{}, time.Time{}
	return eq && a == b
}

// saveProgress writes the progress when it changed: a new screen, language, address or timer.
// It writes synchronously, so quitting right after a step never loses it; a save is a few
// hundred bytes. A failure is said once and never stops the guide.
func (m *Model) saveProgress() {
	if m.cfg.Progress == nil || m.isOpen(idChooser) || m.isOpen(idOffer) {
		return
	}
	st := m.snapshot()
	if sameProgress(st, m.progress.last) {
		return
	}
	m.progress.last = st
	if err := m.cfg.Progress.Save(st); err != nil && !m.progress.saveErr {
		m.progress.saveErr = true
		m.setStatus("ResumeSaveFailed", map[string]any{"Err": err.Error()})
	}
}

// answerOffer continues where the person stopped, or starts over and forgets the progress.
func (m *Model) answerOffer(resume bool) tea.Cmd {
	if !resume {
		if m.cfg.Progress != nil {
			m.cfg.Progress.Reset()
		}
		m.progress.last = m.snapshot()
		return nil
	}
	return m.resume(m.offer.state)
}

// resume puts the wizard where the saved progress says: the screen (the ones before it count as
// done), the address and the code timer, which keeps counting from when it was started.
func (m *Model) resume(st progress.State) tea.Cmd {
	if i := steps.ByKey(m.screens, st.Screen); i >= 0 {
		for j := range i {
			m.done[j] = true
		}
		m.cur = i
	}
	m.signIn = st.SignIn
	if st.Email != "" {
		m.email = st.Email
		m.addr = newAddressScreen(st.Email)
	}
	var cmd tea.Cmd
	if st.TimerStarted() {
		m.codeSent = st.CodeSent
		if left := m.codeLeft(); left > 0 {
			m.timer = timer.New(left, timer.WithInterval(time.Second))
			cmd = m.timer.Init()
		}
	}
	m.vp.GotoTop()
	m.setLang(m.z.Lang()) // labels quote the address
	return cmd
}

// offerScreen is the opening question when progress was saved: continue, or start over.
type offerScreen struct {
	state progress.State
}

func (offerScreen) id() screenID { return idOffer }

func (offerScreen) mode(*common) mode { return mode{full: true, globals: gQuit} }

func (offerScreen) keys(c *common) []key.Binding {
	return []key.Binding{c.km.offer.Continue, c.km.offer.StartOver}
}

func (s offerScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case key.Matches(k, c.km.offer.Continue):
		return s, resumeChosen{resume: true}, nil
	case key.Matches(k, c.km.offer.StartOver):
		return s, resumeChosen{resume: false}, nil
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
	box := c.st.Box.Render(strings.Join([]string{
		c.st.Heading.Render(o.Title),
		"",
		fill(c.st.Text, o.Where, bw),
		fill(c.st.Title, o.Place, bw),
		"",
		fill(c.st.Bold, o.Question, bw),
		"",
		strings.Join(keys, "\n"),
	}, "\n"))
	sup := c.st.Footer.Render(fill(lipgloss.NewStyle(), c.z.T("FooterSupport", d), max(10, w-2)))
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box+"\n\n"+sup)
}
