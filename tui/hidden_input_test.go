package tui

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
)

// hidden are characters a terminal obeys or that reorder what it shows: none may reach a frame.
const hidden = "\u009b\u202e\u202d\u2066\u2067\u2068\u2069\u200e\u200f\x1b"

func noHidden(t *testing.T, m Model) {
	t.Helper()
	if frame := m.View().Content; strings.ContainsAny(frame, strings.ReplaceAll(hidden, "\x1b", "")) {
		t.Fatalf("the frame holds a bidi or C1 control: %q", frame)
	}
}

// Issue 22 item 5: what the address field shows is what is kept, saved and copied. A pasted
// RLO is taken out of the field, so the address kept is the one on screen and y copies the
// identity shown; a zero-width space, which the screen cannot show, is refused as a typo.
func TestAddressShownIsKeptIsCopied(t *testing.T) {
	var copied []string
	m, _ := newWith(Config{CopyText: func(s string) error { copied = append(copied, s); return nil }}, 80, 24)
	m = press(m, "next", "e")
	m = send(m, tea.PasteMsg{Content: "ja\u202ene@firm.ca\u2069"})
	if v := m.addr().input.Value(); v != "jane@firm.ca" {
		t.Fatalf("the field holds %q", v)
	}
	noHidden(t, m)
	m = press(m, "enter", "prev")
	if m.walk.Email() != "jane@firm.ca" || m.screen().Key != "address" {
		t.Fatalf("kept %q, on %s", m.walk.Email(), m.screen().Key)
	}
	m, osc := runCopy(t, m)
	const id = "jane_firm.ca#EXT#@DMCHosting.onmicrosoft.com"
	if !reflect.DeepEqual(osc, tea.SetClipboard(id)()) || copied[0] != id {
		t.Fatalf("copied %q", copied)
	}
	mustContain(t, m, "Your address: jane@firm.ca", id)

	m = press(m, "e", "ctrl+u")
	m = send(m, tea.PasteMsg{Content: "ma\u200brie@cabinet.ca"})
	m = press(m, "enter")
	mustContain(t, m, "This is not a valid email address")
	if m.walk.Email() != "jane@firm.ca" {
		t.Fatalf("an address with a zero-width space was kept: %q", m.walk.Email())
	}
}

// An international domain is kept and shown in its xn-- form with the Unicode beside it; a
// Cyrillic look-alike is shown only in xn-- form, with a caution.
func TestAddressInternationalDomain(t *testing.T) {
	m, _ := newTest(locales.English, 100, 30)
	m = send(press(m, "next", "e"), tea.PasteMsg{Content: "jean@bücher.ca"})
	m = press(m, "enter", "prev")
	if m.walk.Email() != "jean@xn--bcher-kva.ca" || m.addr().input.Value() != m.walk.Email() {
		t.Fatalf("kept %q, field %q", m.walk.Email(), m.addr().input.Value())
	}
	mustContain(t, m, "Your address: jean@xn--bcher-kva.ca", "in its own letters: jean@bücher.ca",
		"jean_xn--bcher-kva.ca#EXT#@DMCHosting.onmicrosoft.com")

	m = press(m, "e", "ctrl+u")
	m = send(m, tea.PasteMsg{Content: "jane@аррӏе.com"})
	m = press(m, "enter", "prev")
	mustContain(t, m, "Your address: jane@xn--80ak6aa92e.com", "look like Latin")
	mustNotContain(t, m, "аррӏе")
}

// The phone and explainer fields echo no pasted bidi control.
func TestFieldsDropBidiControls(t *testing.T) {
	m := send(New(Config{Lang: locales.English, LangKnown: true, Step: 9}), tea.WindowSizeMsg{Width: 80, Height: 24})
	m = press(m, "to:phone", "t")
	m = send(m, tea.PasteMsg{Content: "\u202e647 555\u200f 0123\u2066"})
	if v := m.phone().field.Value(); v != "647 555 0123" {
		t.Fatalf("phone field holds %q", v)
	}
	noHidden(t, m)

	m, _ = newTest(locales.English, 100, 30)
	m = press(m, "x")
	m = send(m, tea.PasteMsg{Content: "AADSTS50020\u202e: User account \u2067'jane@firm.ca'\u2069"})
	if v := m.get(idExplain).(explainScreen).field.Value(); strings.ContainsAny(v, hidden) {
		t.Fatalf("explainer field holds %q", v)
	}
	noHidden(t, m)
	// Typing in the middle keeps the cursor where it was among what is left.
	m = typeText(press(m, "home"), "\u202eX")
	if v := m.get(idExplain).(explainScreen).field.Value(); !strings.HasPrefix(v, "XAADSTS50020") {
		t.Fatalf("typed at the start: %q", v)
	}
}

// A saved address that holds a C1 CSI (U+009B "2J" clears a terminal that honours C1) or an
// RLO is never written to the terminal, whether it comes as saved progress or from the command
// line: the walk refuses it (guest.Parse), and y copies what the screen shows.
func TestSavedHiddenCharactersAreNotDrawn(t *testing.T) {
	for _, email := range []string{"ab\u009b2Jcd@firm.ca", "jane\u202eac.mrif@x.ca"} {
		st := progress.State{Version: progress.Version, Screen: "step3", Lang: locales.English, Email: email}
		for _, cfg := range []Config{{Resume: &st}, {Saved: &st}, {Email: email}} {
			var copied []string
			cfg.CopyText = func(s string) error { copied = append(copied, s); return nil }
			m, _ := newWith(cfg, 80, 24)
			for range 6 {
				noHidden(t, m)
				m = press(m, "enter")
			}
			m.show(1) // « Your address »
			noHidden(t, m)
			m, _ = runCopy(t, m)
			noHidden(t, m)
			if len(copied) != 1 || strings.ContainsAny(copied[0], hidden) || !strings.Contains(screenText(m), copied[0]) {
				t.Fatalf("%q: copied %q, screen:\n%s", email, copied, screenText(m))
			}
		}
	}
}

// The status line quotes paths from the environment and system errors (a notice that progress
// cannot be saved, a failed save): they are drawn without the escapes or bidi controls they hold.
func TestStatusLineIsCleaned(t *testing.T) {
	m, _ := newWith(Config{Notice: "The saved progress in /tmp/\x1b]2;pwned\x07x\u202e/p.json\u009b2J is damaged."}, 80, 24)
	frame := m.View().Content
	if strings.Contains(frame, "]2;pwned") || strings.Contains(frame, "\x07") {
		t.Fatalf("the notice's escape reached the frame: %q", frame)
	}
	noHidden(t, m)
	mustContain(t, m, "The saved progress in /tmp/x/p.json is damaged.")
}
