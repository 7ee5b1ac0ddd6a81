package tui

import (
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/guest"
	"github.com/auvenir/auvenir-onboard/internal/sanitize"
)

// FuzzAddressField pastes anything into the address field and confirms it with Enter: the field
// holds nothing a terminal obeys or that reorders text, the frame keeps its size, and an
// address kept is exactly what guest.Parse gives for what the field showed, holds no character
// that cannot be seen, and is on the screen as kept. The seeds cover the Unicode classes the
// check refuses (Cc, Cf, Zs, Zl, Co, default-ignorable) and those it keeps (letters, marks,
// an international domain).
func FuzzAddressField(f *testing.F) {
	for _, s := range []string{"jane@firm.ca", "ab\u009b2Jcd@firm.ca", "ja\u202ene@firm.ca", "\u2066j@x.ca\u2069",
		"j\u200b@x.ca", "\ufeffj@x.ca", "j\u00a0@x.ca", "j\u2028@x.ca", "j\ue000@x.ca", "j\u3164@x.ca", "j\ufe0f@x.ca",
		"jean@bücher.ca", "jane@аррӏе.com", "josé\u0301@x.ca", "j@ｆｉｒｍ.ca", "\x1b]52;c;eA==\x07j@x.ca", "\xff@x.ca"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, pasted string) {
		m, _ := newTest("en", 80, 24)
		m = send(press(m, "next", "e"), tea.PasteMsg{Content: pasted})
		shown := m.addr().input.Value()
		if sanitize.Text(shown) != shown {
			t.Fatalf("the field holds %q", shown)
		}
		m = press(m, "enter")
		fitsWindow(t, m, 80, 24)
		email := m.walk.Email()
		if email == "" {
			return
		}
		m = press(m, "prev")
		want, err := guest.Parse(shown)
		if err != nil || email != want || m.addr().input.Value() != email {
			t.Fatalf("field %q kept as %q (Parse: %q, %v), field now %q", shown, email, want, err, m.addr().input.Value())
		}
		for _, r := range email {
			if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Zl, unicode.Zp) || (unicode.IsSpace(r)) {
				t.Fatalf("kept %q holds %U", email, r)
			}
		}
		if !strings.Contains(screenText(m), email) && !strings.Contains(screenText(m), email[:min(len(email), 20)]) {
			t.Fatalf("kept %q is not on the screen:\n%s", email, screenText(m))
		}
	})
}
