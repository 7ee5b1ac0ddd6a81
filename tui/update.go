package tui

import (
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/guest"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

func (m Model) updateKeys(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	if m.cfg.PanicKey != "" && msg.String() == m.cfg.PanicKey {
		panic("crash requested by the tests")
	}
	if cmd, ok := m.netKey(msg); ok {
		return m, cmd
	}
	if next, cmd, ok := m.step9Key(msg); ok {
		return next, cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.showAll = !m.showAll
		m.refresh()
	case m.showAll && msg.String() == "esc":
		m.showAll = false
		m.refresh()
	case key.Matches(msg, k.Edit):
		return m, m.focusField()
	case key.Matches(msg, k.StartTimer):
		return m, m.startTimer()
	case key.Matches(msg, k.Next):
		m.goTo(m.cur+1, true)
	case key.Matches(msg, k.Back):
		m.goTo(m.cur-1, false)
	case key.Matches(msg, k.Jump):
		m.goTo(steps.Index(m.screens, int(msg.String()[0]-'0')), false)
	case key.Matches(msg, k.Lang):
		m.setLang(m.z.Lang().Other())
	case key.Matches(msg, k.Scroll):
		m.scroll(msg.String())
	}
	return m, nil
}

// goTo shows screen i, when it exists. Leaving a screen forward marks it done, so the step list
// shows what the person has been through.
func (m *Model) goTo(i int, forward bool) {
	if i < 0 || i >= len(m.screens) || i == m.cur {
		return
	}
	if forward {
		m.done[m.cur] = true
	}
	m.cur = i
	m.showAll = false
	m.vp.GotoTop()
	m.refresh()
}

func (m *Model) scroll(k string) {
	switch k {
	case "up", "k":
		m.vp.ScrollUp(1)
	case "down", "j":
		m.vp.ScrollDown(1)
	case "pgup":
		m.vp.PageUp()
	case "pgdown":
		m.vp.PageDown()
	case "home":
		m.vp.GotoTop()
	case "end":
		m.vp.GotoBottom()
	}
	m.compose()
}

func (m *Model) focusField() tea.Cmd {
	if m.screen().Widget != steps.WidgetAddress {
		return nil
	}
	cmd := m.input.Focus()
	m.refresh()
	return cmd
}

// updateField gives keys to the address field: letters are text there, not commands.
func (m Model) updateField(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "ctrl+c":
		return m, tea.Quit
	case "esc", "tab":
		m.input.Blur()
		m.refresh()
		return m, nil
	case "enter":
		m.confirmAddress()
		return m, nil
	}
	return m.updateInput(msg)
}

func (m Model) updateInput(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.refresh()
	return m, cmd
}

// confirmAddress keeps a valid address, or says why not and leaves the typed text for fixing.
// An empty field means the person prefers not to give one.
func (m *Model) confirmAddress() {
	typed := m.input.Value()
	if typed == "" {
		m.email, m.addrErr = "", ""
		m.input.Blur()
		m.setLang(m.z.Lang())
		return
	}
	addr, err := guest.Parse(typed)
	var gerr *guest.Error
	if errors.As(err, &gerr) {
		m.addrErr = gerr.ID
		m.refresh()
		return
	}
	m.email, m.addrErr = addr, ""
	m.input.SetValue(addr)
	m.input.Blur()
	m.setLang(m.z.Lang()) // the help labels and texts quote the address now
}

// startTimer is the person saying they clicked « Send code » (on step 3, or again on 4 and 5
// after asking for a new code): Microsoft's code works for 30 minutes from then.
func (m *Model) startTimer() tea.Cmd {
	switch m.screen().Widget {
	case steps.WidgetCodeSent, steps.WidgetCodeTimer:
	default:
		return nil
	}
	m.codeSent = m.now()
	m.timer = timer.New(codeValidity, timer.WithInterval(time.Second))
	m.refresh()
	return m.timer.Init()
}

// codeLeft is the time the emailed code still works, from the wall clock rather than the count
// of ticks, so a sleeping laptop or a slow terminal does not make the countdown lie.
func (m Model) codeLeft() time.Duration {
	return progress.CodeLeft(m.codeSent, m.now())
}

func (m Model) updateChooser(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "q", "ctrl+c":
		return m, tea.Quit
	case "f":
		m.choice = locales.French
	case "e", "a":
		m.choice = locales.English
	case "left", "right", "up", "down", "tab", "h", "l", "k", "j":
		m.choice = m.choice.Other()
		return m, nil
	case "enter", "space":
	default:
		return m, nil
	}
	m.choosing = false
	m.setLang(m.choice)
	return m, nil
}
