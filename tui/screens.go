package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/steps"
)

// The root's register of screens: where each keeps its state, which is open, and which one has
// the keyboard. A new screen adds its line to get and put.

// get is the screen named id, in its current state.
func (m *Model) get(id screenID) screen {
	switch id {
	case idChooser:
		return m.chooser
	case idOffer:
		return m.offer
	case idHelp:
		return m.helpView
	case idAddress:
		return m.addr
	case idNet:
		return m.net
	case idOptions:
		return m.options
	case idPractice:
		return m.practice
	case idStores:
		return m.stores
	case idPhone:
		return m.phone
	case idShowQR:
		return m.showQR
	case idSignIn:
		return m.signInQ
	case idExplain:
		return m.explainer
	}
	return nil
}

// put keeps a screen's next state.
func (m *Model) put(s screen) {
	switch s := s.(type) {
	case chooserScreen:
		m.chooser = s
	case offerScreen:
		m.offer = s
	case helpScreen:
		m.helpView = s
	case addressScreen:
		m.addr = s
	case netScreen:
		m.net = s
	case optionsScreen:
		m.options = s
	case practiceScreen:
		m.practice = s
	case storesScreen:
		m.stores = s
	case phoneScreen:
		m.phone = s
	case showQRScreen:
		m.showQR = s
	case signInScreen:
		m.signInQ = s
	case explainScreen:
		m.explainer = s
	}
}

// widgetScreen is the screen that is part of the current step, drawn under its text.
func (m *Model) widgetScreen() screenID {
	switch m.screen().Widget {
	case steps.WidgetAddress:
		return idAddress
	case steps.WidgetNetworkCheck:
		return idNet
	case steps.WidgetMFAOptions:
		return idOptions
	case steps.WidgetSignIn:
		return idSignIn
	}
	return idNone
}

// front is the open screen on top of the stack, or idNone when the walkthrough has the keys.
func (m *Model) front() screenID {
	if n := len(m.stack); n > 0 {
		return m.stack[n-1]
	}
	return idNone
}

// frontFull is the topmost open screen that takes the whole window, if any.
func (m *Model) frontFull() screen {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if s := m.get(m.stack[i]); s.mode(&m.common).full {
			return s
		}
	}
	return nil
}

// focus is the screen that gets keys: the front of the stack, or else the step's own screen.
func (m *Model) focus() screen {
	if id := m.front(); id != idNone {
		return m.get(id)
	}
	if id := m.widgetScreen(); id != idNone {
		return m.get(id)
	}
	return nil
}

// open puts a screen on the stack; the help closes first, as it describes the screen under it.
func (m *Model) open(id screenID) tea.Cmd {
	if m.front() == idHelp {
		m.stack = m.stack[:len(m.stack)-1]
	}
	m.stack = append(m.stack, id)
	var cmd tea.Cmd
	if o, ok := m.get(id).(opener); ok {
		var s screen
		s, cmd = o.opened(&m.common)
		m.put(s)
	}
	m.vp.GotoTop() // a screen in the step's place starts at its top
	m.refresh()
	return cmd
}

// close takes the front screen off the stack.
func (m *Model) close() {
	if n := len(m.stack); n > 0 {
		id := m.stack[n-1]
		m.stack = m.stack[:n-1]
		if c, ok := m.get(id).(closer); ok {
			m.put(c.closed(&m.common))
		}
		m.refresh()
		if id == idPractice || id == idStores || id == idPhone {
			m.vp.GotoBottom() // back where step 9's options and what was done are
			m.compose()
		}
		return
	}
	m.refresh()
}

// opener is a screen that does something as it opens (focus its field, make its key).
type opener interface {
	opened(c *common) (screen, tea.Cmd)
}

// closer is a screen that does something as it closes (stop its work, blur its field).
type closer interface {
	closed(c *common) screen
}

// isOpen reports whether id is on the stack.
func (m *Model) isOpen(id screenID) bool {
	for _, s := range m.stack {
		if s == id {
			return true
		}
	}
	return false
}
