package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/steps"
)

// features is the state of what serves support calls and returning clients: presenter mode
// (presenter.go), saved progress (resume.go), links and copy (links.go).
type features struct {
	presenter bool
	// status is one line above the support contacts saying what a key just did (or that a
	// state file was ignored). It belongs to the screen it was said on: moving on clears it.
	status  string
	offer   *progress.State // saved progress the opening question offers; nil once answered
	last    progress.State  // the progress as last saved, so only changes are written
	mfa     progress.MFA    // the MFA option of resumed progress, kept when saving again
	saveErr bool            // a save failed and the person was told; said once, not every step
	keys    featureKeys
}

type featureKeys struct {
	Open, Copy, Presenter key.Binding
}

// initFeatures reads the command line's choices. It runs inside New before the language and
// the styles are set, so it only sets fields.
func (m *Model) initFeatures() {
	m.feat.presenter = m.cfg.Presenter
	m.feat.status = m.cfg.Notice
	m.feat.last = m.snapshot()
	if r := m.cfg.Resume; r != nil && offerable(m.screens, r.Screen) {
		st := *r
		m.feat.offer = &st
		m.feat.mfa = st.MFA
		m.feat.last = st
	}
	m.setEcho()
}

// Update handles one message: the opening question and the keys of presenter mode, links and
// copy first, then the walkthrough's own (update); after it, progress is saved if it changed.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.feat.offer != nil && !m.choosing {
			return m.updateOffer(msg)
		}
		if !m.choosing && !m.input.Focused() && (!m.mfa.typing() || msg.String() == "P") {
			if next, cmd, ok := m.featureKey(msg); ok {
				return next, cmd
			}
		}
	case copiedMsg:
		m.copied(msg)
		return m, nil
	case openedMsg:
		m.opened(msg)
		return m, nil
	}
	before := m.cur
	next, cmd := m.update(msg)
	nm := next.(Model)
	if nm.cur != before && nm.feat.status != "" {
		nm.feat.status = ""
		nm.refresh()
	}
	nm.saveProgress()
	return nm, cmd
}

// featureKey handles P, o and y; ok is false for every other key.
func (m Model) featureKey(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	k := m.feat.keys
	switch {
	case key.Matches(msg, k.Presenter):
		m.setPresenter(!m.feat.presenter)
		return m, nil, true
	case key.Matches(msg, k.Open) && m.screen().MainLink != "":
		return m, m.open(m.screen().MainLink), true
	case key.Matches(msg, k.Copy):
		return m, m.copy(), true
	}
	return m, nil, false
}

// refreshFeatures sets the labels of P, o and y in the person's language, and shows in the help
// bar only those that matter here, since the bar wraps at 80 columns: o where the screen has a
// main link, y where there is an identity to copy; ? lists all three.
func (m *Model) refreshFeatures() {
	d := m.data()
	b := func(k, descID string, on bool) key.Binding {
		kb := key.NewBinding(key.WithKeys(k), key.WithHelp(k, m.z.T(descID, d)))
		kb.SetEnabled(on)
		return kb
	}
	s := m.screen()
	copyID := "LinkKeyCopySupport"
	if s.Widget == steps.WidgetAddress && m.email != "" {
		copyID = "LinkKeyCopyIdentity"
	}
	m.feat.keys = featureKeys{
		Open:      b("o", "LinkKeyOpen", s.MainLink != ""),
		Copy:      b("y", copyID, m.showAll || copyID == "LinkKeyCopyIdentity"),
		Presenter: b("P", "MaskKeyPresenter", m.showAll || m.feat.presenter),
	}
	m.keys.extra = []key.Binding{m.feat.keys.Open, m.feat.keys.Copy, m.feat.keys.Presenter}
	// Disabled bindings do not match keys; these three always work, shown or not.
	for _, kb := range []*key.Binding{&m.feat.keys.Copy, &m.feat.keys.Presenter} {
		kb.SetEnabled(true)
	}
}

// setStatus shows one line above the contacts until the person moves to another screen.
func (m *Model) setStatus(s string) {
	m.feat.status = s
	m.refresh()
}

// statusLine is the status and a line break, or nothing.
func (m Model) statusLine() string {
	if m.feat.status == "" {
		return ""
	}
	lines := m.st.Bold.Width(max(10, m.w-2)).Render(m.feat.status)
	return strings.ReplaceAll(lines, "\n", "\n ") + "\n "
}

// setEcho hides what is typed in the address field in presenter mode: the person on the call
// may type their address while the screen is shared.
func (m *Model) setEcho() {
	if m.feat.presenter {
		m.input.EchoMode = textinput.EchoPassword
		m.input.EchoCharacter = '•'
	} else {
		m.input.EchoMode = textinput.EchoNormal
	}
}
