package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
)

// Presenter mode is for a support agent sharing their screen on a call: the address shows as
// j•••@f•••.ca everywhere, the step number is large enough to read in a video stream, and the
// palette has no greys that compression smears.

// Presenting reports whether personal data must stay off the screen. Screens that would show a
// secret (a practice QR code or key) show only a note instead (message MaskQRHidden).
func (m Model) Presenting() bool { return m.presenter }

// setPresenter turns presenter mode on or off. The words come from guide.Shown, which masks the
// address in every message; the fields hide what is typed (addressScreen, phoneScreen).
func (m *Model) setPresenter(on bool) {
	m.presenter = on
	m.restyle()
	m.setLang(m.z.Lang()) // labels quote the address: mask or unmask them
	if on {
		m.setStatus("MaskOn", nil)
	} else {
		m.setStatus("MaskOff", nil)
	}
}

func (m Model) styles() Styles {
	if m.presenter {
		return presenterStyles(m.isDark)
	}
	return newStyles(m.isDark)
}

// presenterStyles keep the layout of the normal styles with a palette of two strong colours on
// the terminal's background: text at full contrast, an accent for what to look at, no greys.
func presenterStyles(isDark bool) Styles {
	s := newStyles(isDark)
	ld := lipgloss.LightDark(isDark)
	text := ld(lipgloss.Color("#000000"), lipgloss.Color("#FFFFFF"))
	accent := ld(lipgloss.Color("#0000B3"), lipgloss.Color("#FFE14D"))
	onAccent := ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#000000"))
	bad := ld(lipgloss.Color("#B00000"), lipgloss.Color("#FF8A8A"))

	plain := lipgloss.NewStyle().Foreground(text)
	bold := plain.Bold(true)
	strong := lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Header = s.Header.Foreground(onAccent).Background(accent)
	s.HeaderLang = s.HeaderLang.Foreground(onAccent).Background(accent)
	s.Heading, s.SubHeading, s.StepCurrent, s.Contact, s.Footer = strong, strong, strong, strong, strong
	s.Title, s.Lead, s.Bold = bold, bold, bold
	s.Text, s.Muted, s.Warning, s.Hint, s.Step, s.StepDone = plain, plain, plain, plain, plain, plain
	s.OnScreen = s.OnScreen.Foreground(text).BorderForeground(accent)
	s.WarningMark, s.HintMark = strong, strong
	s.Link = strong.Underline(true)
	s.Error = lipgloss.NewStyle().Bold(true).Foreground(bad)
	s.Success = strong
	s.Box = s.Box.BorderForeground(accent)
	s.accent, s.muted, s.warning, s.good = strong, plain, strong, strong
	s.Help.ShortKey = s.Help.ShortKey.Foreground(accent).Bold(true)
	s.Help.FullKey = s.Help.FullKey.Foreground(accent).Bold(true)
	s.Help.ShortDesc = s.Help.ShortDesc.Foreground(text)
	s.Help.FullDesc = s.Help.FullDesc.Foreground(text)
	s.Help.ShortSeparator = s.Help.ShortSeparator.Foreground(text)
	s.Help.FullSeparator = s.Help.FullSeparator.Foreground(text)
	return s
}

// presenterBadge marks the header, so the agent knows what the client's screen is spared.
func (m Model) presenterBadge() string {
	if !m.presenter {
		return ""
	}
	// The name before it ends with the header's own padding: no second space before the separator.
	return m.st.Header.PaddingLeft(0).Render(glyphs.Sep + " " + m.z.T("MaskBadge"))
}

// presenterTop is the top of a numbered step in presenter mode: the guide's word (« Étape »)
// beside the number drawn three lines high, then the usual heading and instruction.
func (m Model) presenterTop(w int) string {
	s := m.screen()
	d := m.data()
	word := m.z.T("MaskStepWord")
	big := bigNumber(s.Number)
	pad := strings.Repeat(" ", lipgloss.Width(word)+2)
	var number []string
	for i, row := range big {
		lead := pad
		if i == 1 {
			lead = m.st.Heading.Render(word) + "  "
		}
		number = append(number, lipgloss.NewStyle().MaxWidth(w).Render(lead+m.st.Heading.Render(row)))
	}
	if m.h < compactBarBelow {
		// A small window: the number beside the heading and the instruction, not above them,
		// so the step's text keeps three more lines (issue 20, item 6).
		nw := lipgloss.Width(pad) + lipgloss.Width(big[0]) + 1
		if rw := w - nw - 2; rw >= 30 {
			right := strings.Split(m.headingLine(s, d, rw), "\n") // a heading that wraps takes rows of its own
			if lead := guide.Lead(m.z, s, d); lead != "" {
				right = append(right, strings.Split(fill(m.st.Lead, lead, rw), "\n")...)
			}
			lines := append([]string{""}, joinColumns(number, nw, 2, right)...)
			return strings.Join(append(lines, ""), "\n")
		}
	}
	lines := append([]string{""}, number...)
	lines = append(lines, m.headingLine(s, d, w))
	if lead := guide.Lead(m.z, s, d); lead != "" {
		lines = append(lines, fill(m.st.Lead, lead, w))
	}
	return strings.Join(append(lines, ""), "\n")
}

// digitFont is a 3×5 pixel font; bigNumber draws each pixel two columns wide and packs two pixel
// rows into one line with half blocks, so a digit is 6 columns by 3 lines.
var digitFont = [10][5]string{
	{"###", "#.#", "#.#", "#.#", "###"},
	{".#.", "##.", ".#.", ".#.", "###"},
	{"###", "..#", "###", "#..", "###"},
	{"###", "..#", "###", "..#", "###"},
	{"#.#", "#.#", "###", "..#", "..#"},
	{"###", "#..", "###", "..#", "###"},
	{"###", "#..", "###", "#.#", "###"},
	{"###", "..#", "..#", "..#", "..#"},
	{"###", "#.#", "###", "#.#", "###"},
	{"###", "#.#", "###", "..#", "###"},
}

// bigNumber draws n in three lines.
func bigNumber(n int) [3]string {
	var out [3]string
	for i, c := range fmt.Sprint(n) {
		g := digitFont[c-'0']
		rows := [6]string{g[0], g[1], g[2], g[3], g[4], "..."}
		for line := range 3 {
			if i > 0 {
				out[line] += "  "
			}
			top, bottom := rows[2*line], rows[2*line+1]
			for x := range 3 {
				var cell string
				switch {
				case top[x] == '#' && bottom[x] == '#':
					cell = "█"
				case top[x] == '#':
					cell = "▀"
				case bottom[x] == '#':
					cell = "▄"
				default:
					cell = " "
				}
				out[line] += cell + cell
			}
		}
	}
	return out
}
