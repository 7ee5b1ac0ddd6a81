package tui

import (
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/auvenir/auvenir-onboard/locales"
)

// "Scan this code" is said only where a code is drawn: in presenter mode the code stays on the
// client's screen, and the title names the account instead.
func TestShowQRTitleOnlyWithACode(t *testing.T) {
	key, err := otpauth.Parse("otpauth://totp/Example:jane@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := newWith(Config{Lang: locales.English, ShowKey: &key}, 80, 24)
	mustContain(t, m, "Scan this code with your")
	m, _ = newWith(Config{Lang: locales.English, ShowKey: &key, Presenter: true}, 80, 24)
	mustNotContain(t, m, "Scan this code")
	mustContain(t, m, "An account for your authenticator app")
}
