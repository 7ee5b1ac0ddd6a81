package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/phone"
	"github.com/auvenir/auvenir-onboard/internal/totp"
	"github.com/auvenir/auvenir-onboard/locales"
)

// fitsWindow fails when a frame line is wider than the window or the frame is not its height.
func fitsWindow(t *testing.T, m Model, w, h int) {
	t.Helper()
	lines := strings.Split(m.View().Content, "\n")
	if len(lines) != h {
		t.Fatalf("%d lines in a %d-line window", len(lines), h)
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			t.Fatalf("line %d is %d wide in a %d-wide window: %q", i, lipgloss.Width(l), w, l)
		}
	}
}

// Whatever is typed or pasted into the code field, the practice refuses it inline and keeps it,
// or checks it; it never panics, and the frame keeps its size.
func FuzzPracticeCodeField(f *testing.F) {
	for _, s := range []string{"123456", "123 456", " 123456\n", "12a", "1234567", "", "１２３４５６", "٣٣٣٣٣٣",
		"\x1b[31m123456", strings.Repeat("9", 100), "12\t34 56", "🙂🙂🙂"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		m, _ := practiceAt(t, locales.English, 80, 24)
		m = send(m, tea.PasteMsg{Content: typed})
		before := m.practice().code.Value()
		fitsWindow(t, m, 80, 24)
		m = press(m, "enter")
		fitsWindow(t, m, 80, 24)
		if m.practice().result == nil {
			t.Fatalf("enter on %q said nothing", before)
		}
		if _, ok := totp.ParseCode(before); !ok {
			if m.practice().result.Outcome != totp.Malformed || m.practice().code.Value() != before {
				t.Fatalf("%q: outcome %v, field %q: a refused code must stay as typed", before, m.practice().result.Outcome, m.practice().code.Value())
			}
			if !strings.Contains(flowText(m), "Type the 6 digits the app shows") {
				t.Fatalf("%q refused without saying why", before)
			}
			return
		}
		if m.practice().result.Outcome == totp.Malformed {
			t.Fatalf("%q is a well-formed code but was refused", before)
		}
	})
}

// Whatever is typed into the mobile number field, the answer is a number shown back or a
// refusal in the person's language with the text kept.
func FuzzPhoneField(f *testing.F) {
	for _, s := range []string{"647 555 0123", "+33 6 12 34 56 78", "1 800 555 0199", "abc", "", "+999 1",
		"(647) 555-0123 ext. 12", strings.Repeat("5", 60), "＋１ ６４７", "\x00\x1b"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, typed string, french bool) {
		lang := locales.English
		if french {
			lang = locales.French
		}
		m := send(New(Config{Lang: lang, LangKnown: true, Step: 9}), tea.WindowSizeMsg{Width: 80, Height: 24})
		m = press(m, "to:phone", "t")
		m = send(m, tea.PasteMsg{Content: typed})
		before := m.phone().field.Value()
		m = press(m, "enter")
		fitsWindow(t, m, 80, 24)
		n, err := phone.Parse(before)
		switch {
		case err != nil:
			if m.phone().err == nil || m.phone().field.Value() != before || !locales.New(lang).Has(m.phone().err.ID) {
				t.Fatalf("%q: refusal %v, field %q", before, m.phone().err, m.phone().field.Value())
			}
		case m.phone().number == nil || m.phone().number.E164 != n.E164 || m.phone().err != nil:
			t.Fatalf("%q: accepted as %v, shown %v", before, n, m.phone().number)
		}
	})
}
