package tui

import (
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
)

// Keys are named as the person's keyboard names them: a French keyboard says « Maj » for Shift
// (the help bars showed « tab » and « shift+tab » in French).
func TestTabKeysNamedInTheLanguage(t *testing.T) {
	for lang, want := range map[locales.Lang][2]string{
		locales.English: {"Tab", "Shift+Tab"},
		locales.French:  {"Tab", "Maj+Tab"},
	} {
		km := newKeyMaps(locales.New(lang), nil, "")
		if got := [2]string{km.field.Next.Help().Key, km.field.Back.Help().Key}; got != want {
			t.Errorf("%s: the address field's keys read %q, want %q", lang, got, want)
		}
		if got := km.stores.Switch.Help().Key; got != want[0] {
			t.Errorf("%s: the store codes' switch reads %q, want %q", lang, got, want[0])
		}
	}
}
