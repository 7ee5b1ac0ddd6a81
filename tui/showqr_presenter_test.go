package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/auvenir/auvenir-onboard/locales"
)

// --show-qr --presenter: the account, usually the person's address, is masked as everywhere in
// presenter mode, in both languages and after P is pressed on an unmasked screen.
func TestShowQRPresenterMasksTheAccount(t *testing.T) {
	t.Parallel()
	k, err := otpauth.Parse("otpauth://totp/Example:jane.doe@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []locales.Lang{locales.English, locales.French} {
		m := send(New(Config{Lang: lang, ShowKey: &k, Presenter: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
		mustRead(t, m, "j•••@f•••.ca", "Example")
		mustNotContain(t, m, "jane", "firm.ca")
	}
	m := send(New(Config{Lang: locales.English, ShowKey: &k}), tea.WindowSizeMsg{Width: 80, Height: 24})
	mustRead(t, m, "jane.doe@firm.ca")
	m = press(m, "P")
	mustRead(t, m, "j•••@f•••.ca")
	mustNotContain(t, m, "jane", "firm.ca")
}
