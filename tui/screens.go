package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/steps"
)

// The root's register of screens: which screens there are, where each keeps its state, which is
// open, and which one has the keyboard.
//
// Adding a screen touches two places: its file (a type that implements screen, and a call to
// register that says how to make its first state and where it opens) and its line in the list of
// screenIDs (screen.go). Nothing else names it: no switch, no field of Model (issue 20, item 7).

// entry is what the root knows of a screen besides its methods.
type entry struct {
	// make is the screen's first state, made once when the wizard starts.
	make func(cfg Config) screen
	// widget, when set, makes it the screen of every step with that widget, drawn under the
	// step's text (the address field, step 9's options...).
	widget steps.Widget
	// on and key, when set, open it from the steps with widget on: the key is in the help bar
	// there, after the step's own screen's keys.
	on  steps.Widget
	key func(c *common) key.Binding
}

// The network check of « Before you begin » keeps its state in Model.net (it works in the
// background, and its file is moving to its owner): its line is here.
var _ = register(idNet, entry{widget: steps.WidgetNetworkCheck})

// registry holds each screen's entry, by its id; each screen's file fills its own line.
var registry [idEnd]entry

// register is called once per screen, from its file.
func register(id screenID, e entry) struct{} {
	registry[id] = e
	return struct{}{}
}

// newScreens makes every screen's first state.
func newScreens(cfg Config) screenStates {
	var out screenStates
	for id, e := range registry {
		if e.make != nil {
			out[id] = e.make(cfg)
		}
	}
	return out
}

// screenStates holds each screen's state by id. It is an array, copied with the model: a copy
// of the model never sees another's screens change.
type screenStates [idEnd]screen

// get is the screen named id, in its current state.
func (m *Model) get(id screenID) screen {
	if id == idNet {
		return m.net // the network check works in the background: its own field (netcheck_widget.go)
	}
	if id <= idNone || id >= idEnd {
		return nil
	}
	return m.scr[id]
}

// put keeps the next state of screen id.
func (m *Model) put(id screenID, s screen) {
	if n, ok := s.(netScreen); ok && id == idNet {
		m.net = n
		return
	}
	if id > idNone && id < idEnd {
		m.scr[id] = s
	}
}

// widgetScreen is the screen that is part of the current step, drawn under its text.
func (m *Model) widgetScreen() screenID {
	if w := m.screen().Widget; w != steps.WidgetNone {
		if p := m.screen().Parts; len(p) > 0 && len(p[m.walk.Part()].Offers) == 0 {
			return idNone // a part of a long screen that offers nothing of its widget
		}
		for id, e := range registry {
			if e.widget == w {
				return screenID(id)
			}
		}
	}
	return idNone
}

// openers are the keys that open a screen from the current step, and the screens they open.
func (m *Model) openers() ([]key.Binding, []screenID) {
	var keys []key.Binding
	var ids []screenID
	if w := m.screen().Widget; w != steps.WidgetNone {
		for id, e := range registry {
			if e.on == w && e.key != nil {
				keys, ids = append(keys, e.key(&m.common)), append(ids, screenID(id))
			}
		}
	}
	return keys, ids
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

// focus is the screen that gets keys: the front of the stack, or else the step's own screen
// (idNone: the walkthrough has them).
func (m *Model) focus() screenID {
	if id := m.front(); id != idNone {
		return id
	}
	return m.widgetScreen()
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
		m.put(id, s)
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
			m.put(id, c.closed(&m.common))
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

// langWaiter is a screen opened before the language was chosen that needs it to be ready (the
// practice's key is named in the client's language).
type langWaiter interface {
	langKnown(c *common) screen
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
