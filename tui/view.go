package tui

import (
	"charm.land/bubbles/v2/key"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// sidebarMin is the width from which the step list gets a column of its own; below it a
// one-line strip of step marks takes its place.
const (
	sidebarMin   = 100
	sidebarWidth = 32
)

// View draws the current frame on the alternate screen, so quitting leaves the shell as it was.
// The frame itself is composed by refresh and compose when something changes, not per call.
func (m Model) View() tea.View {
	v := tea.NewView(m.frame)
	v.AltScreen = true
	v.WindowTitle = m.z.T("AppName")
	return v
}

// compose lays out the cached parts around the viewport. It joins lines by hand: lipgloss's
// joins and block styles measure every line again, which made a 120×40 frame cost 2 ms.
func (m *Model) compose() {
	m.composed++
	if m.w < minWidth || m.h < minHeight {
		m.frame = m.tooSmall()
		return
	}
	if s := m.frontFull(); s != nil {
		m.frame = s.view(&m.common, m.w, m.h)
		return
	}
	main := strings.Split(m.topPart, "\n")
	main = append(main, padLines(m.vp.Visible(), m.vp.height)...)
	// The line under the text says where more of it is: below, above, or both.
	switch above := m.vp.offset > 0; {
	case above && !m.vp.AtBottom():
		main = append(main, m.st.Muted.Render(m.z.T("ScrollMoreBoth")))
	case above:
		main = append(main, m.st.Muted.Render(m.z.T("ScrollMoreAbove")))
	case !m.vp.AtBottom():
		main = append(main, m.st.Muted.Render(m.z.T("ScrollMore")))
	}
	var body []string
	if m.w >= sidebarMin {
		for _, l := range joinColumns(m.sidePart, sidebarWidth, 2, main) {
			body = append(body, " "+l)
		}
	} else {
		body = append(body, " "+m.stripPart)
		for _, l := range main {
			body = append(body, " "+l)
		}
	}
	bodyH := m.h - 1 - strings.Count(m.footerPart, "\n") - 1
	m.frame = m.headerPart + "\n" + strings.Join(padLines(body, bodyH), "\n") + "\n" + m.footerPart
}

// mainWidth is the width of the step's text: the window less its margins and the step list.
func (c *common) mainWidth() int {
	w := c.w - 2 // one column of margin on each side
	if c.w >= sidebarMin {
		w -= sidebarWidth + 2
	}
	return w
}

// top is the fixed part above the scrolling text: "Step 4 of 9 · title", then the instruction.
// A heading too long for the line wraps under itself rather than being cut.
func (m Model) top(w int) string {
	s := m.screen()
	if m.presenter && s.Kind == steps.KindStep {
		return m.presenterTop(w)
	}
	data := m.data()
	lines := []string{"", m.headingLine(s, data, w)}
	if lead := guide.Lead(m.z, s, data); lead != "" {
		lines = append(lines, fill(m.st.Lead, lead, w))
	}
	return strings.Join(append(lines, ""), "\n")
}

// headingLine is "Step 4 of 9 · title", wrapped to w.
func (m Model) headingLine(s steps.Screen, data map[string]any, w int) string {
	heading := guide.Heading(m.z, s)
	title := ""
	switch {
	case len(s.Parts) > 0:
		// A part of a long screen: "Step 9 of 9 · part 2 of 6 · the part's title".
		heading += " " + glyphs.Sep + " " + m.z.T("PartOfTotal", map[string]any{"N": m.walk.Part() + 1, "Total": m.walk.Parts()})
		title = m.z.T(s.Parts[m.walk.Part()].TitleID, data)
	case s.Kind != steps.KindStep:
		return fill(m.st.Heading, heading, w)
	default:
		title = guide.Title(m.z, s, data)
	}
	if lipgloss.Width(heading)+3+lipgloss.Width(title) <= w {
		return m.st.Heading.Render(heading) + m.st.Muted.Render(" "+glyphs.Sep+" ") + m.st.Title.Render(title)
	}
	return m.st.Heading.Render(heading) + "\n" + fill(m.st.Title, title, w)
}

// header is the top bar: the program's name (and presenter mode), the language badge at the
// right. At a narrow width the badge goes first, as it tells which key changes the language.
func (m Model) header() string {
	name := m.st.Header.Render(m.z.T("AppName")) + m.presenterBadge()
	lang := m.st.HeaderLang.Render(langBadge(m.z.Lang()))
	gap := m.w - lipgloss.Width(name) - lipgloss.Width(lang)
	if gap < 0 {
		name = m.st.Header.Render(truncate(m.z.T("AppName"), max(1, m.w-lipgloss.Width(lang)-lipgloss.Width(m.presenterBadge())-2))) + m.presenterBadge()
		gap = max(0, m.w-lipgloss.Width(name)-lipgloss.Width(lang))
	}
	fill := m.st.HeaderLang.Padding(0).Render(strings.Repeat(" ", max(0, gap)))
	return lipgloss.NewStyle().MaxWidth(m.w).Render(name + fill + lang)
}

// langBadge shows both languages with the current one in brackets, a reminder that `l` exists.
func langBadge(l locales.Lang) string {
	if l == locales.French {
		return "[FR] EN"
	}
	return "FR [EN]"
}

func (m Model) footer() string {
	support := m.statusLine() + m.st.Footer.Render(fill(lipgloss.NewStyle(), m.z.T("FooterSupport", m.data()), max(10, m.w-2)))
	return " " + strings.ReplaceAll(support, "\n", "\n ") + "\n " + strings.ReplaceAll(m.helpBar(m.w-2), "\n", "\n ")
}

// helpBar lays the screen's keys out on as many lines as the width needs, rather than letting
// the help component cut the last ones (help and quit) off a narrow window.
//
// In a small window (under 30 rows) the bar takes at most two lines where it can, so the step's
// text keeps its room (issue 20, item 6): the keys that only some clients need (P, x, y, o and
// the keys that open a step 9 ending) are left out first, from the end; the step's own keys,
// → ← ? q and l always stay; ? lists them all.
func (m *Model) helpBar(w int) string {
	keys := m.barKeys()
	rows := wrapKeys(&m.common, keys, w)
	if m.h >= compactBarBelow {
		return strings.Join(rows, "\n")
	}
	k, g := m.km.walk, m.km.global
	droppable := []key.Binding{g.Presenter, k.Explain, k.CopyIdentity, k.Copy, k.Open}
	openers, _ := m.openers()
	droppable = append(droppable, openers...)
	canDrop := func(b key.Binding) bool {
		for _, d := range droppable {
			if sameBinding(b, d) {
				return true
			}
		}
		return false
	}
	for len(rows) > maxBarRows {
		i := len(keys) - 1
		for i >= 0 && (!canDrop(keys[i]) || !keys[i].Enabled()) {
			i--
		}
		if i < 0 {
			break
		}
		keys = append(keys[:i:i], keys[i+1:]...)
		rows = wrapKeys(&m.common, keys, w)
	}
	return strings.Join(rows, "\n")
}

// A window shorter than compactBarBelow rows gets a help bar of at most maxBarRows lines.
const (
	compactBarBelow = 30
	maxBarRows      = 2
)

// sameBinding reports whether two bindings are the same key with the same label.
func sameBinding(a, b key.Binding) bool {
	return a.Help() == b.Help() && strings.Join(a.Keys(), " ") == strings.Join(b.Keys(), " ")
}

// strip is the narrow step list: a mark per numbered step, done ones ticked.
func (m Model) strip() string {
	var b strings.Builder
	for i, s := range m.walk.Screens() {
		if s.Kind != steps.KindStep {
			continue
		}
		n := fmt.Sprint(s.Number)
		switch {
		case i == m.walk.Index():
			b.WriteString(m.st.StepCurrent.Render("[" + n + "]"))
		case m.walk.Done(i):
			b.WriteString(m.st.StepDone.Render(" " + glyphs.Done + n))
		default:
			b.WriteString(m.st.Step.Render(" " + n + " "))
		}
	}
	return b.String()
}

// sidebar is the wide step list: every screen by name, where the person is and what is done. A
// name too long for the column wraps under itself instead of being cut.
func (m Model) sidebar() []string {
	data := m.data()
	lines := []string{""}
	for i, s := range m.walk.Screens() {
		prefix := ""
		if s.Kind == steps.KindStep {
			prefix = fmt.Sprintf("%d. ", s.Number)
		}
		mark, style := "  ", m.st.Step
		switch {
		case i == m.walk.Index():
			mark, style = glyphs.Current+" ", m.st.StepCurrent
		case m.walk.Done(i):
			mark, style = glyphs.Done+" ", m.st.StepDone
		}
		label := wrapWords(guide.Title(m.z, s, data), sidebarWidth-2-len(prefix))
		for j, l := range strings.Split(label, "\n") {
			if j > 0 {
				mark, prefix = "  ", strings.Repeat(" ", len(prefix))
			}
			lines = append(lines, style.Render(mark+prefix+l))
		}
	}
	return lines
}

func (m Model) tooSmall() string {
	msg := m.z.T("TooSmall", map[string]any{"W": m.w, "H": m.h, "MinW": minWidth, "MinH": minHeight})
	sup := m.z.T("FooterSupport", m.data())
	return fill(lipgloss.NewStyle(), msg+"\n\n"+sup, max(1, m.w))
}
