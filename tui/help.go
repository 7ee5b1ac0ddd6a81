package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// helpScreen is what ? shows in place of the step's text: every key of the walkthrough and of
// the step's screen, from the same bindings that decide what the keys do. Other keys act on the
// walkthrough under it, which closes the help.
type helpScreen struct{}

var _ = register(idHelp, entry{make: func(Config) screen { return helpScreen{} }})

func (helpScreen) mode(*common) mode { return mode{globals: gAll} }

func (helpScreen) keys(c *common) []key.Binding { return []key.Binding{c.km.help.Close} }

func (s helpScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, c.km.help.Close) {
		return s, closeScreen{}, nil
	}
	return s, unchanged{}, nil
}

func (helpScreen) view(c *common, w, _ int) string {
	return c.help.FullHelpView(c.under)
}

// wrapKeys lays bindings out as help lines no wider than w. Each item is measured once and each
// line drawn once: measuring every growing line again made the help bar the dearest part of a
// frame.
func wrapKeys(c *common, bindings []key.Binding, w int) []string {
	sep := lipgloss.Width(c.help.ShortSeparator)
	var rows []string
	var row []key.Binding
	width := 0
	for _, b := range bindings {
		if !b.Enabled() || b.Help().Key == "" {
			continue
		}
		bw := lipgloss.Width(c.help.ShortHelpView([]key.Binding{b}))
		if len(row) > 0 && width+sep+bw > w {
			rows = append(rows, c.help.ShortHelpView(row))
			row, width = nil, 0
		}
		if len(row) > 0 {
			width += sep
		}
		row = append(row, b)
		width += bw
	}
	return append(rows, c.help.ShortHelpView(row))
}
