package tui

import "github.com/auvenir/auvenir-onboard/internal/sanitize"

// status is one line above the support contacts saying what a key just did (or that a state file
// was ignored). It is kept as a message ID and its values, not as words, so switching the
// language says it again in the new one; it belongs to the screen it was said on.
type status struct {
	id   string
	data map[string]any
	link string // an address shown after the words, as a hyperlink
	own  string // text shown on a line of its own after the words, to select by hand
	text string // words already in the person's language (a notice from the command line)
}

// setStatus shows message id with data above the contacts until the person moves to another
// screen; an empty id clears it.
func (m *Model) setStatus(id string, data map[string]any) {
	m.status = status{id: id, data: data}
	m.refresh()
}

// statusLine is the status and a line break, or nothing.
func (m Model) statusLine() string {
	s := m.status
	text := s.text
	if s.id != "" {
		d := m.data()
		for k, v := range s.data {
			d[k] = v
		}
		text = m.z.T(s.id, d)
	}
	if text == "" {
		return ""
	}
	// The words may quote a path from the environment or a system error: outside text.
	text = sanitize.Text(text)
	lines := fill(m.st.Bold, text, max(10, m.w-2))
	if s.link != "" {
		lines += "\n" + m.st.Link.Hyperlink(s.link).Render(s.link)
	}
	if s.own != "" {
		lines += "\n " + sanitize.Text(s.own) // indented under the words, to select on its own
	}
	return lines + "\n"
}
