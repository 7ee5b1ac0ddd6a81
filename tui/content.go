package tui

import (
	"strings"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/steps"
)

// blocks renders the screen's text blocks for a column of width w.
func (m Model) blocks(s steps.Screen, w int) string {
	data := m.data()
	var out []string
	prev := steps.BlockKind(-1)
	for _, b := range guide.Blocks(s, data) {
		if len(s.Parts) > 0 && b.Part != m.walk.Part() {
			continue // a long screen shows one part at a time (issue 20, item 6)
		}
		text := guide.BlockText(m.z, b, data)
		// Items of one list, and lines of one quoted screen, stay together.
		group := b.Kind
		if group == steps.Link || group == steps.Contact || group == steps.StorePage {
			group = steps.Bullet
		}
		together := (group == steps.Bullet || group == steps.OnScreen) && group == prev
		if len(out) > 0 && !together {
			out = append(out, "")
		}
		prev = group
		out = append(out, m.block(b, text, w))
	}
	return strings.Join(out, "\n")
}

func (m Model) block(b steps.Block, text string, w int) string {
	st := m.st
	switch b.Kind {
	case steps.Heading:
		return fill(st.SubHeading, text, w)
	case steps.Bullet:
		return hanging(st.accent.Render(glyphs.Bullet), st.Text, text, w)
	case steps.Warning:
		return hanging(st.WarningMark.Render(glyphs.Warn), st.Warning, text, w)
	case steps.Hint:
		return hanging(st.HintMark.Render(glyphs.Hint), st.Hint, text, w)
	case steps.OnScreen:
		return fill(st.OnScreen, text, w)
	case steps.Link:
		return "  " + strings.Join(wrap(st.Link.Hyperlink(b.URL), text, w-2), "\n  ")
	case steps.Contact:
		return hanging(st.accent.Render(glyphs.Bullet), st.Contact.Hyperlink(b.URL), text, w)
	case steps.StorePage:
		// The store and its phones, then the address under it, to click or type.
		lines := []string{"  " + st.Bold.Render(b.Text) + " " + st.Muted.Render(m.z.T(b.ID, m.data()))}
		for _, l := range wrap(st.Link.Hyperlink(b.URL), b.URL, w-4) {
			lines = append(lines, "    "+l)
		}
		return strings.Join(lines, "\n")
	}
	return fill(st.Text, text, w)
}
