package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/locales"
)

// Where a shell can resume the program, the help (?) lists ctrl+z in both languages; where
// none can (Windows, a program started straight by a terminal window), it does not.
func TestHelpListsSuspendWhereItWorks(t *testing.T) {
	t.Parallel()
	for lang, want := range map[locales.Lang]string{
		locales.English: "ctrl+z suspend (fg resumes)",
		locales.French:  "ctrl+z suspendre (fg reprend)",
	} {
		m := send(New(Config{Lang: lang, LangKnown: true, Suspendable: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
		m = press(m, "?")
		mustRead(t, m, want)
		m = send(New(Config{Lang: lang, LangKnown: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
		m = press(m, "?")
		mustNotContain(t, m, "ctrl+z")
	}
}
