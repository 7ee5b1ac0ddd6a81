package tui

import (
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
)

// Presenter mode's badge follows the program's name with one space before its separator, in
// both languages (the name's own padding already ends with a space).
func TestPresenterBadgeHasOneSpace(t *testing.T) {
	for lang, want := range map[locales.Lang]string{
		locales.English: "Auvenir multi-factor authentication guide · Presenter mode",
		locales.French:  "Guide d'authentification multifacteur Auvenir · Mode présentateur",
	} {
		m, _ := newTest(lang, 120, 40)
		m = press(m, "P")
		if got := screenText(m); !strings.Contains(got, want) {
			t.Errorf("%s: header lacks %q:\n%s", lang, want, got)
		}
	}
}
