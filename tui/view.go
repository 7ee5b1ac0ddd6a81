package tui

import (
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
	switch {
	case m.w < minWidth || m.h < minHeight:
		m.frame = m.tooSmall()
		return
	case m.choosing:
		m.frame = m.chooser()
		return
	case m.feat.offer != nil:
		m.frame = m.resumeOffer()
		return
	case m.mfa.fullScreen():
		m.frame = m.mfaFrame()
		return
	}
	main := strings.Split(m.topPart, "\n")
	main = append(main, strings.Split(m.vp.View(), "\n")...)
	if !m.vp.AtBottom() {
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
	for len(body) < bodyH {
		body = append(body, "")
	}
	m.frame = m.headerPart + "\n" + strings.Join(body[:bodyH], "\n") + "\n" + m.footerPart
}

func (m Model) mainWidth() int {
	w := m.w - 2 // one column of margin on each side
	if m.w >= sidebarMin {
		w -= sidebarWidth + 2
	}
	return w
}

// top is the fixed part above the scrolling text: "Step 4 of 9 · title", then the instruction.
func (m Model) top(w int) string {
	s := m.screen()
	if m.feat.presenter && s.Kind == steps.KindStep {
		return m.presenterTop(w)
	}
	data := m.data()
	head := m.st.Heading.Render(guide.Heading(m.z, s))
	if s.Kind == steps.KindStep {
		head += m.st.Muted.Render(" · ") + m.st.Title.Render(guide.Title(m.z, s, data))
	}
	lines := []string{"", lipgloss.NewStyle().MaxWidth(w).Render(head)}
	if lead := guide.Lead(m.z, s, data); lead != "" {
		lines = append(lines, m.st.Lead.Width(w).Render(lead))
	}
	return strings.Join(append(lines, ""), "\n")
}

func (m Model) header() string {
	name := m.st.Header.Render(m.z.T("AppName")) + m.presenterBadge()
	lang := m.st.HeaderLang.Render(langBadge(m.z.Lang()))
	gap := max(0, m.w-lipgloss.Width(name)-lipgloss.Width(lang))
	fill := m.st.HeaderLang.Padding(0).Render(strings.Repeat(" ", gap))
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
	support := m.statusLine() + m.st.Footer.Render(m.z.T("FooterSupport", m.data()))
	return " " + support + "\n " + strings.ReplaceAll(m.helpBar(m.w-2), "\n", "\n ")
}

// helpBar lays the screen's keys out on as many lines as the width needs, rather than letting
// the help component cut the last ones (help and quit) off a narrow window.
func (m Model) helpBar(w int) string {
	return strings.Join(m.wrapKeys(m.keys.ShortHelp(), w), "\n")
}

// strip is the narrow step list: a mark per numbered step, done ones ticked.
func (m Model) strip() string {
	var b strings.Builder
	for i, s := range m.screens {
		if s.Kind != steps.KindStep {
			continue
		}
		n := fmt.Sprint(s.Number)
		switch {
		case i == m.cur:
			b.WriteString(m.st.StepCurrent.Render("[" + n + "]"))
		case m.done[i]:
			b.WriteString(m.st.StepDone.Render(" " + m.g.Pass + n))
		default:
			b.WriteString(m.st.Step.Render(" " + n + " "))
		}
	}
	return b.String()
}

// sidebar is the wide step list: every screen by name, where the person is and what is done.
func (m Model) sidebar() []string {
	data := m.data()
	var lines []string
	for i, s := range m.screens {
		label := guide.Title(m.z, s, data)
		if s.Kind == steps.KindStep {
			label = fmt.Sprintf("%d. %s", s.Number, label)
		}
		mark, style := "  ", m.st.Step
		switch {
		case i == m.cur:
			mark, style = m.g.Marker+" ", m.st.StepCurrent
		case m.done[i]:
			mark, style = m.g.Pass+" ", m.st.StepDone
		}
		lines = append(lines, style.Render(truncate(mark+label, sidebarWidth)))
	}
	return append([]string{""}, lines...)
}

func truncate(s string, w int) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && lipgloss.Width(string(r))+1 > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func (m Model) tooSmall() string {
	msg := m.z.T("TooSmall", map[string]any{"W": m.w, "H": m.h, "MinW": minWidth, "MinH": minHeight})
	sup := m.z.T("FooterSupport", m.data())
	return lipgloss.NewStyle().Width(max(1, m.w)).Render(msg + "\n\n" + sup)
}

// chooser asks for the language in both languages at once, since neither is known yet.
func (m Model) chooser() string {
	fr, en := locales.New(locales.French), locales.New(locales.English)
	opt := func(l locales.Lang, z *locales.Localizer) string {
		label := z.T("LangName")
		if m.choice == l {
			return m.st.StepCurrent.Render(m.g.Marker + " " + label)
		}
		return m.st.Step.Render("  " + label)
	}
	box := m.st.Box.Render(strings.Join([]string{
		m.st.Heading.Render(fr.T("ChooseLanguage") + " · " + en.T("ChooseLanguage")),
		"",
		opt(locales.French, fr) + "     " + opt(locales.English, en),
		"",
		m.st.Muted.Render(fr.T("ChooseLanguageKey")),
		m.st.Muted.Render(en.T("ChooseLanguageKey")),
	}, "\n"))
	sup := m.st.Footer.Render(fr.T("FooterSupport", m.data()) + "\n" + en.T("FooterSupport", m.data()))
	return lipgloss.Place(m.w, m.h, lipgloss.Center, lipgloss.Center, box+"\n\n"+sup)
}

// joinColumns puts right beside left, whose lines are padded to width lw and then gap spaces. It
// measures each left line once; lipgloss.JoinHorizontal measures every line of both sides.
func joinColumns(left []string, lw, gap int, right []string) []string {
	out := make([]string, max(len(left), len(right)))
	for i := range out {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = l + strings.Repeat(" ", max(0, lw-lipgloss.Width(l))+gap) + r
	}
	return out
}
