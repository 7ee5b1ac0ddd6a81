package tui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/steps"
)

// blocks renders the screen's text blocks for a column of width w.
func (m Model) blocks(s steps.Screen, w int) string {
	data := m.data()
	var out []string
	prev := steps.BlockKind(-1)
	for _, b := range guide.Blocks(s, data) {
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
		return st.SubHeading.Width(w).Render(text)
	case steps.Bullet:
		return hanging(st.accent.Render("•"), st.Text, text, w)
	case steps.Warning:
		return hanging(st.WarningMark.Render("!"), st.Warning, text, w)
	case steps.Hint:
		return hanging(st.HintMark.Render("›"), st.Hint, text, w)
	case steps.OnScreen:
		return st.OnScreen.Width(w).Render(text)
	case steps.Link:
		return "  " + st.Link.Hyperlink(b.URL).Render(text)
	case steps.Contact:
		return hanging(st.accent.Render("•"), st.Contact.Hyperlink(b.URL), text, w)
	case steps.StorePage:
		// The store and its phones, then the address on its own line, whole, to click or type.
		return "  " + st.Bold.Render(b.Text) + " " + st.Muted.Render(m.z.T(b.ID, m.data())) + "\n" +
			"    " + st.Link.Hyperlink(b.URL).Render(b.URL)
	}
	return st.Text.Width(w).Render(text)
}

// hanging renders "mark text" with the text's wrapped lines indented under its first word.
// The mark is one column wide, so the indent is two spaces: joining by hand avoids measuring
// every line again as lipgloss.JoinHorizontal does.
func hanging(mark string, style lipgloss.Style, text string, w int) string {
	lines := strings.Split(style.Width(max(10, w-2)).Render(text), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = mark + " " + lines[i]
		} else {
			lines[i] = "  " + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}
