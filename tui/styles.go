package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles are the looks of one background (dark or light). Colours are picked so each pair keeps
// at least a 4.5:1 contrast on its background; without colour (NO_COLOR) the bold and the marks
// still carry the structure.
type Styles struct {
	Header, HeaderLang           lipgloss.Style
	Heading, Title, Lead         lipgloss.Style
	Text, Muted, Bold            lipgloss.Style
	SubHeading                   lipgloss.Style
	OnScreen, Warning, Hint      lipgloss.Style
	WarningMark, HintMark        lipgloss.Style
	Link, Contact                lipgloss.Style
	StepDone, StepCurrent, Step  lipgloss.Style
	Footer, Error, Success       lipgloss.Style
	Box                          lipgloss.Style
	Help                         help.Styles
	Input                        textinput.Styles
	accent, muted, warning, good lipgloss.Style
}

func newStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#1F4E8C"), lipgloss.Color("#7AB8FF"))
	muted := ld(lipgloss.Color("#545B66"), lipgloss.Color("#A3ABB8"))
	warning := ld(lipgloss.Color("#8A4B00"), lipgloss.Color("#F2B857"))
	good := ld(lipgloss.Color("#1B6E34"), lipgloss.Color("#73D39B"))
	bad := ld(lipgloss.Color("#B00020"), lipgloss.Color("#FF7A7A"))
	onAccent := ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#0B1B2E"))

	s := Styles{
		Header:      lipgloss.NewStyle().Bold(true).Foreground(onAccent).Background(accent).Padding(0, 1),
		HeaderLang:  lipgloss.NewStyle().Foreground(onAccent).Background(accent).Padding(0, 1),
		Heading:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Title:       lipgloss.NewStyle().Bold(true),
		Lead:        lipgloss.NewStyle().Bold(true),
		Text:        lipgloss.NewStyle(),
		Muted:       lipgloss.NewStyle().Foreground(muted),
		Bold:        lipgloss.NewStyle().Bold(true),
		SubHeading:  lipgloss.NewStyle().Bold(true).Foreground(accent),
		OnScreen:    lipgloss.NewStyle().Foreground(muted).Border(lipgloss.NormalBorder(), false, false, false, true).BorderForeground(accent).PaddingLeft(1),
		Warning:     lipgloss.NewStyle(),
		WarningMark: lipgloss.NewStyle().Bold(true).Foreground(warning),
		Hint:        lipgloss.NewStyle().Foreground(good),
		HintMark:    lipgloss.NewStyle().Bold(true).Foreground(good),
		Link:        lipgloss.NewStyle().Foreground(accent).Underline(true),
		Contact:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		StepDone:    lipgloss.NewStyle().Foreground(good),
		StepCurrent: lipgloss.NewStyle().Bold(true).Foreground(accent),
		Step:        lipgloss.NewStyle().Foreground(muted),
		Footer:      lipgloss.NewStyle().Foreground(muted),
		Error:       lipgloss.NewStyle().Bold(true).Foreground(bad),
		Success:     lipgloss.NewStyle().Bold(true).Foreground(good),
		Box:         lipgloss.NewStyle().Border(glyphs.Border()).BorderForeground(accent).Padding(0, 1),
		Help:        help.DefaultStyles(isDark),
		Input:       textinput.DefaultStyles(isDark),
		accent:      lipgloss.NewStyle().Foreground(accent),
		muted:       lipgloss.NewStyle().Foreground(muted),
		warning:     lipgloss.NewStyle().Foreground(warning),
		good:        lipgloss.NewStyle().Foreground(good),
	}
	s.Help.ShortKey = s.Help.ShortKey.Foreground(accent).Bold(true)
	s.Help.FullKey = s.Help.FullKey.Foreground(accent).Bold(true)
	s.Help.ShortDesc = s.Help.ShortDesc.Foreground(muted)
	s.Help.FullDesc = s.Help.FullDesc.Foreground(muted)
	return s
}
