package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/steps"
)

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
		Email: m.email, MFA: m.feat.mfa, CodeSent: m.codeSent, SignIn: m.signIn}
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
	if m.cfg.Progress == nil || m.choosing || m.feat.offer != nil {
		return
	}
	st := m.snapshot()
	if sameProgress(st, m.feat.last) {
		return
	}
	m.feat.last = st
	if err := m.cfg.Progress.Save(st); err != nil && !m.feat.saveErr {
		m.feat.saveErr = true
		m.setStatus(m.z.T("ResumeSaveFailed", guide.With(m.data(), "Err", err.Error())))
	}
}

// updateOffer answers the opening question: continue where the person stopped, or start over.
func (m Model) updateOffer(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "q", "ctrl+c":
		return m, tea.Quit
	case "enter", "y", "o", "c", "r", "space":
		cmd := m.resume(*m.feat.offer)
		return m, cmd
	case "n", "esc":
		m.feat.offer = nil
		if m.cfg.Progress != nil {
			m.cfg.Progress.Reset()
		}
		m.feat.last = m.snapshot()
		m.refresh()
	}
	return m, nil
}

// resume puts the wizard where the saved progress says: the screen (the ones before it count as
// done), the address and the code timer, which keeps counting from when it was started.
func (m *Model) resume(st progress.State) tea.Cmd {
	m.feat.offer = nil
	if i := steps.ByKey(m.screens, st.Screen); i >= 0 {
		for j := range i {
			m.done[j] = true
		}
		m.cur = i
	}
	m.signIn = st.SignIn
	if st.Email != "" {
		m.email = st.Email
		m.input.SetValue(st.Email)
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

// resumeOffer is the opening question, drawn like the language chooser.
func (m Model) resumeOffer() string {
	st := m.feat.offer
	s := m.screens[steps.ByKey(m.screens, st.Screen)]
	d := m.data()
	where := guide.Heading(m.z, s)
	if s.Kind == steps.KindStep {
		where += " · " + guide.Title(m.z, s, d)
	}
	w := min(64, max(20, m.w-8))
	box := m.st.Box.Render(strings.Join([]string{
		m.st.Heading.Render(m.z.T("ResumeTitle", d)),
		"",
		m.st.Text.Width(w).Render(m.z.T("ResumeWhere", d)),
		m.st.Title.Width(w).Render(where),
		"",
		m.st.Bold.Width(w).Render(m.z.T("ResumeQuestion", d)),
		"",
		m.st.Muted.Width(w).Render(m.z.T("ResumeKeys", d)),
	}, "\n"))
	sup := m.st.Footer.Render(m.z.T("FooterSupport", d))
	return lipgloss.Place(m.w, m.h, lipgloss.Center, lipgloss.Center, box+"\n\n"+sup)
}
