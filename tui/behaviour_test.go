package tui

import (
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// The behaviours of issue 10, each as a new client meets it, at 80×24 unless said.

// 1. On « Your address » the field opens only on purpose (issue 20, item 1): arriving or going
// back never puts the letters meant as keys into it. e (or Enter, or Tab) opens it, its label says
// it is being edited, and Enter keeps the address typed.
func TestTypingOnYourAddressReachesTheField(t *testing.T) {
	for _, addr := range []string{"eric@firm.ca", "jane@firm.ca", "paul@firm.ca", "jacques@firm.ca"} {
		for _, open := range []string{"e", "enter", "tab"} {
			m, _ := newTest(locales.English, 80, 24)
			m = press(m, "next")
			mustNotContain(t, m, "(editing)")
			m = press(m, open)
			mustContain(t, m, "Email address (editing)")
			m = typeText(m, addr)
			next, cmd := m.Update(keyMsg("enter"))
			m = next.(Model)
			if cmd != nil && cmd() == tea.Quit() {
				t.Fatalf("%s: quit while typing", addr)
			}
			if m.walk.Email() != addr || m.screen().Key != "step1" || m.z.Lang() != locales.English {
				t.Fatalf("%s after %s: kept %q, on %s in %s", addr, open, m.walk.Email(), m.screen().Key, m.z.Lang())
			}
			mustContain(t, m, "In the inbox of "+addr)
		}
	}
	// Tab and ↓ move on as enter does; ↑ and shift+tab go back.
	for _, k := range []string{"tab", "down"} {
		m, _ := newTest(locales.English, 80, 24)
		m = typeText(press(m, "next", "e"), "jane@firm.ca")
		if m = press(m, k); m.screen().Key != "step1" || m.walk.Email() != "jane@firm.ca" {
			t.Fatalf("%s: on %s with %q", k, m.screen().Key, m.walk.Email())
		}
	}
	for _, k := range []string{"up", "shift+tab"} {
		m, _ := newTest(locales.English, 80, 24)
		if m = press(m, "next", "e", k); m.screen().Key != "intro" {
			t.Fatalf("%s: on %s", k, m.screen().Key)
		}
	}
}

// Issue 20, item 1: going back (←) into « Your address » with an address saved, the letters a
// client types as keys (c, q, l, then Enter) neither edit nor replace the address, nor quit nor
// switch the language; the screen says no field is open and how to open it.
func TestGoingBackIntoTheAddressNeverEditsIt(t *testing.T) {
	const saved = "claire.roy@cabinet.qc.ca"
	m, _ := newWith(Config{Lang: locales.English, LangKnown: true, Email: saved}, 80, 24)
	m = press(m, "next", "next") // on step 1
	m = press(m, "prev")         // back into « Your address »
	if m.screen().Key != "address" || m.addr().input.Focused() {
		t.Fatalf("on %s, field open %v", m.screen().Key, m.addr().input.Focused())
	}
	for _, k := range []string{"c", "q", "l", "enter"} {
		next, cmd := m.Update(keyMsg(k))
		m = next.(Model)
		if cmd != nil && cmd() == tea.Quit() {
			t.Fatalf("%s quit the guide after a stray letter", k)
		}
	}
	if m.walk.Email() != saved || m.addr().input.Focused() || m.z.Lang() != locales.English || m.screen().Key != "address" {
		t.Fatalf("address %q (field open %v), %s, on %s", m.walk.Email(), m.addr().input.Focused(), m.z.Lang(), m.screen().Key)
	}
	mustContain(t, m, "No field is open here", "address, press e.", "Your address: "+saved, "> "+saved+" ")
	// The client is on « Your address »: the line does not send them there.
	mustNotContain(t, m, "go to “Your address”")
	// Esc ends the typing: the keys work again.
	if m = press(m, "esc", "next"); m.screen().Key != "step1" {
		t.Fatalf("after esc, → went to %s", m.screen().Key)
	}
}

// Issue 20, item 1, the first screen: letters typed there (a client typing their address before
// reaching its field) do nothing once a letter that is not a key of the screen shows they are
// typing; the keys shown in the bar keep doing what the bar says.
func TestLettersTypedOnTheFirstScreen(t *testing.T) {
	m, _ := newTest(locales.English, 80, 24)
	m = typeText(m, "marie.lq@firm.ca")
	if m.screen().Key != "intro" || m.z.Lang() != locales.English || m.walk.Email() != "" || m.isOpen(idNet) {
		t.Fatalf("stray letters acted: on %s in %s, address %q, check open %v", m.screen().Key, m.z.Lang(), m.walk.Email(), m.isOpen(idNet))
	}
	mustContain(t, m, "No field is open here", "go to “Your address” and press e")
	// A key of the bar still does what it says once the typing ended.
	if m = press(m, "esc", "l"); m.z.Lang() != locales.French {
		t.Fatalf("l after esc: %s", m.z.Lang())
	}
}

// 2. Esc cancels the edit: what was typed is dropped and the address saved before stays; a
// refused text says why until the edit is cancelled or fixed.
func TestEscKeepsAValidAddressAndClearsTheOldError(t *testing.T) {
	m, _ := newTest(locales.English, 80, 24)
	m = typeText(press(m, "next", "e"), "jane@firm")
	m = press(m, "enter")
	mustContain(t, m, "must be a domain with a dot")
	m = typeText(press(m, "ctrl+u"), "marie@cabinet.ca")
	m = press(m, "enter")
	mustContain(t, m, "In the inbox of marie@cabinet.ca")
	m = press(m, "prev")
	mustContain(t, m, "Your address: marie@cabinet.ca", "marie_cabinet.ca#EXT#@DMCHosting.onmicrosoft.com")
	mustNotContain(t, m, "must be a domain")
	// A new text, valid or not, left with esc is dropped: the address given before stays.
	for _, typed := range []string{"oops@", "other@cabinet.ca"} {
		m = press(m, "e", "ctrl+u")
		m = typeText(m, typed)
		m = press(m, "esc")
		if m.walk.Email() != "marie@cabinet.ca" || m.addr().input.Value() != "marie@cabinet.ca" || m.addr().input.Focused() {
			t.Fatalf("esc after %q: address %q, field %q", typed, m.walk.Email(), m.addr().input.Value())
		}
		mustNotContain(t, m, "(editing)", "This is not a valid email address")
	}
}

// 3. The chooser's marker follows every key that changes the choice.
func TestChooserMarkerFollowsTheKeys(t *testing.T) {
	for _, k := range []string{"right", "left", "down", "up", "tab", "shift+tab", "j", "k", "h", "l"} {
		m := send(New(Config{}), tea.WindowSizeMsg{Width: 80, Height: 24})
		mustContain(t, m, glyphs.Current+" Français")
		m = press(m, k)
		mustContain(t, m, glyphs.Current+" English")
		mustNotContain(t, m, glyphs.Current+" Français")
		if m = press(m, "enter"); m.z.Lang() != locales.English {
			t.Fatalf("%s then enter chose %s", k, m.z.Lang())
		}
	}
}

// 4. A status line is said again in the new language when l switches it.
func TestStatusFollowsTheLanguage(t *testing.T) {
	m, _ := newTest(locales.English, 80, 24)
	m = press(m, "P")
	mustContain(t, m, "Presenter mode on: personal data is hidden.")
	m = press(m, "l")
	mustContain(t, m, "Mode présentateur activé")
	mustNotContain(t, m, "Presenter mode on")
	m, _ = newWith(Config{Step: 4, CopyText: func(string) error { return nil }}, 80, 24)
	m = press(m, "y")
	m = send(m, copiedMsg{shown: "support@auvenir.ca"}) // what y's command reports
	mustContain(t, m, "Copied to the clipboard")
	m = press(m, "l")
	mustContain(t, m, "Copié dans le presse-papiers")
}

// 5. What does not fit a line wraps; nothing is cut at the window's edge.
func TestLongTextWrapsInsteadOfBeingCut(t *testing.T) {
	// The identity is longer than the line: it breaks before its "@", not at the window's edge.
	m, _ := newWith(Config{Email: "jane.tremblay@cabinet-exemple.ca"}, 60, 20)
	m = press(m, "next", "end")
	mustContain(t, m, "jane.tremblay_cabinet-exemple.ca#EXT#", "@DMCHosting.onmicrosoft.com")
	noWiderThan(t, m, 60)

	m, _ = newWith(Config{Step: 9}, 60, 20)
	var seen strings.Builder
	for range 12 {
		seen.WriteString(screenText(m))
		m = press(m, "pgdown")
	}
	// Longer than the line, they break at a seam: a slash, a question mark.
	for _, part := range []string{"https://apps.apple.com/app/microsoft-authenticator/", "id983156458",
		"https://play.google.com/store/apps/details?", "id=com.azure.authenticator"} {
		if !strings.Contains(seen.String(), part) {
			t.Errorf("step 9 at 60×20 never shows %q whole", part)
		}
	}

	m, _ = newWith(Config{Lang: locales.French, Presenter: true, Step: 4}, 60, 20)
	mustContain(t, m, "· Mode présentateur", "[FR] EN")
	noWiderThan(t, m, 60)

	m, _ = newWith(Config{Lang: locales.French, Step: 4}, 120, 40)
	mustContain(t, m, "4. Courriel du code de", "vérification")
	mustNotContain(t, m, "…")

	// A 77-character address keeps the field's box closed at 80×24.
	m, _ = newTest(locales.English, 80, 24)
	m = typeText(press(m, "next"), strings.Repeat("a", 64)+"@firmname.ca")
	for _, l := range strings.Split(screenText(m), "\n") {
		if strings.Contains(l, "│ >") && !strings.HasSuffix(strings.TrimRight(l, " "), "│") {
			t.Fatalf("the field's box lost its right border: %q", l)
		}
	}
}

func noWiderThan(t *testing.T, m Model, w int) {
	t.Helper()
	for _, l := range strings.Split(screenText(m), "\n") {
		if n := ansi.StringWidth(l); n > w {
			t.Fatalf("a line is %d wide in %d columns: %q", n, w, l)
		}
	}
}

// 6. Addresses and numbers are never split at their hyphens, on any screen, in either language,
// at 60, 80 or 120 columns.
func TestAddressesAndNumbersStayWhole(t *testing.T) {
	words := []string{"no-reply@auvenir.ca", "account-security-noreply", "jane.tremblay_cabinet-exemple.ca#EXT#",
		"212-555-0100", "647-555-0123"}
	for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}} {
		for _, lang := range locales.Langs {
			m, _ := newWith(Config{Lang: lang, Email: "jane.tremblay@cabinet-exemple.ca"}, size[0], size[1])
			for i := range m.walk.Screens() {
				m.show(i)
				a, _ := m.addr().focus()
				m.put(idAddress, a)
				for range 8 {
					s := screenText(m)
					for _, l := range strings.Split(s, "\n") {
						l = strings.TrimRight(l, " │")
						for _, w := range words {
							for cut := 1; cut < len(w)-1; cut++ {
								if w[cut-1] == '-' && strings.HasSuffix(l, " "+w[:cut]) {
									t.Fatalf("%s %v %s: %q split after %q:\n%s", lang, size, m.screen().Key, w, w[:cut], s)
								}
							}
						}
					}
					m.vp.PageDown()
					m.compose()
				}
			}
		}
	}
	// The mobile number screen shows a number back whole.
	m, _ := newWith(Config{Step: 9}, 60, 20)
	m = typeText(press(m, "to:phone", "t"), "212 555 0100")
	m = press(m, "enter")
	mustContain(t, m, "+1 212-555-0100")
}

// 7. The practice code fits 80×24 once an address is given, and without a code the steps are
// numbered without a gap.
func TestPracticeFitsWithAnAddress(t *testing.T) {
	for _, addr := range []string{"jane@firm.ca", "jane.tremblay@cabinet-exemple.ca"} {
		for _, lang := range locales.Langs {
			m := New(Config{Lang: lang, LangKnown: true, Email: addr, Practice: true, practiceRand: fixedRand()})
			m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
			mustNotContain(t, m, "81×26", "needs at least", "il faut au moins")
			if c := m.practice().cache; !c.valid || c.err != nil || c.r.Height > 23 {
				t.Fatalf("%s %s: no code at 80×24 (%v):\n%s", addr, lang, c.err, screenText(m))
			}
		}
	}
	m := New(Config{Lang: locales.English, LangKnown: true, Practice: true, practiceRand: fixedRand()})
	m = send(m, tea.WindowSizeMsg{Width: 70, Height: 22})
	mustContain(t, m, "1. In Microsoft Authenticator", "2. Type the 6 digits")
	mustNotContain(t, m, "3. Type")
}

// 8. Every key the help bar shows does something, on every screen of the walkthrough.
func TestNoShownKeyDoesNothing(t *testing.T) {
	for _, lang := range locales.Langs {
		m, _ := newWith(Config{Lang: lang, Email: "jane@firm.ca", OpenURL: func(string) error { return nil }}, 80, 24)
		for i := range m.walk.Screens() {
			m.show(i)
			if m.screen().Widget == steps.WidgetAddress {
				a := m.addr()
				a.input = a.input.Blur()
				m.put(idAddress, a) // its field's own keys are checked by TestTypingOnYourAddressReachesTheField
				m.refresh()
			}
			for _, b := range m.barKeys() {
				if !b.Enabled() || b.Help().Key == "" {
					continue
				}
				k := keyFor(b)
				next, cmd := m.Update(k)
				if cmd == nil && next.(Model).frame == m.frame {
					t.Errorf("%s %s: %q (%s) is shown and does nothing", lang, m.screen().Key, b.Help().Key, b.Help().Desc)
				}
			}
		}
	}
	m, _ := newTest(locales.English, 80, 24)
	mustNotContain(t, m, "← back")
	m = press(m, "9", "next")
	mustContain(t, m, "Finished")
	mustNotContain(t, m, "→ next")
}

// keyFor is a key press of a binding's first key.
func keyFor(b key.Binding) tea.KeyPressMsg {
	k := b.Keys()[0]
	switch k {
	case "right", "left", "enter", "esc", "tab", "down", "up", "shift+tab", "ctrl+c", "end", "home", "pgdown":
		return keyMsg(k)
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// 8. s does not silently start a running 30-minute timer over: it asks, and a second s does.
func TestRestartingTheTimerAsksFirst(t *testing.T) {
	m, c := newTest(locales.English, 80, 24)
	m = press(m, "3", "s")
	c.t = t0.Add(7 * time.Minute)
	m = send(m, timer.TickMsg{ID: m.timer.ID()})
	m = press(m, "next", "s")
	mustContain(t, m, "The code works for 23:00 more.", "The code timer is running: 23 min left. Press s again")
	if !m.walk.CodeSent().Equal(t0) {
		t.Fatal("the first s started the timer over")
	}
	m = press(m, "s")
	mustContain(t, m, "The code works for 30:00 more.")
	mustNotContain(t, m, "Press s again")
	if !m.walk.CodeSent().Equal(c.t) {
		t.Fatal("the second s did not start the timer over")
	}
	// The question belongs to its screen: moving on forgets it.
	m = press(m, "s", "next", "prev", "s")
	mustContain(t, m, "Press s again")
	// Its default is no (issue 20, item 2): any other key keeps the timer, and s asks again.
	sent := m.walk.CodeSent()
	m = press(m, "j", "s")
	mustContain(t, m, "Press s again")
	if !m.walk.CodeSent().Equal(sent) {
		t.Fatal("s after another key started the timer over without asking")
	}
}

// 10. The phone check's words: no landline doubt for every Canadian number, the United States
// named, and a missing area code said as such.
func TestPhoneWords(t *testing.T) {
	check := func(lang locales.Lang, typed string) Model {
		m, _ := newWith(Config{Lang: lang, Step: 9}, 80, 40)
		m = typeText(press(m, "to:phone", "t"), typed)
		return press(m, "enter")
	}
	m := check(locales.English, "647 555 0123")
	mustContain(t, m, "✓ Your number: +1 647-555-0123")
	mustNotContain(t, m, "does not show whether it is a mobile")
	m = check(locales.English, "+1 212 555 0100")
	mustContain(t, m, "choose United States (+1) in the list of countries", "type 212-555-0100")
	mustNotContain(t, m, "whose code is")
	m = check(locales.French, "+1 212 555 0100")
	mustContain(t, m, "choisissez États-Unis (+1)")
	m = check(locales.English, "555-1234")
	mustContain(t, m, "The area code is missing")
	mustNotContain(t, m, "does not exist")
}

// Issue 14, item 15: a page pasted without bracketed paste arrives as one key per character.
// Past the field's 254-character limit a key changes nothing, and no frame is composed for it:
// 100 KB cost 50 s before, a frame per key.
func TestLongUnbracketedPasteIntoTheAddress(t *testing.T) {
	m, _ := newTest(locales.English, 80, 24)
	m = press(m, "next", "e")
	before := m.composed
	const n = 100_000
	for i := range n {
		next, _ := m.Update(tea.KeyPressMsg{Code: rune('a' + i%26), Text: string(rune('a' + i%26))})
		m = next.(Model)
	}
	if got := len(m.addr().input.Value()); got != 254 {
		t.Fatalf("the field holds %d characters", got)
	}
	if frames := m.composed - before; frames > 300 {
		t.Fatalf("%d frames composed for %d keys: a key that changes nothing must not redraw", frames, n)
	}
	if m.screen().Key != "address" {
		t.Fatalf("the pasted letters ran commands: on %s", m.screen().Key)
	}
}

// Issue 20, item 5: the chooser names every key it answers to, in both languages.
func TestChooserShowsItsKeys(t *testing.T) {
	m := send(New(Config{Now: (&fakeClock{t0}).now}), tea.WindowSizeMsg{Width: 80, Height: 24})
	mustContain(t, m, "press e for English", "appuyez sur f pour le français",
		"← → to move, Enter to choose, q to quit", "← → pour changer, Entrée pour choisir, q pour quitter")
}

// Issue 20, item 1: a word typed where no field is open takes back what its first letter did
// when that letter switched the language or presenter mode ("luc@…", "Paul@…").
func TestStrayWordUndoesItsFirstLetter(t *testing.T) {
	m, _ := newTest(locales.English, 80, 24)
	// (A letter that is itself a key right after l — "lquinn" — is taken as that key: nothing
	// but time tells a word from two keys, and l then q is also how a client quits.)
	for _, word := range []string{"luc@firm.ca", "laure@firm.ca"} {
		next, _ := m.Update(keyMsg(string(word[0])))
		m = next.(Model)
		for _, r := range word[1:] {
			next, cmd := m.Update(keyMsg(string(r)))
			m = next.(Model)
			if cmd != nil && cmd() == tea.Quit() {
				t.Fatalf("%s: quit while typing", word)
			}
		}
		if m.z.Lang() != locales.English || m.walk.Lang() != locales.English {
			t.Fatalf("the l of %s switched the language: %s", word, m.z.Lang())
		}
		m = press(m, "esc")
	}
	mustContain(t, m, "No field is open here")
	m = typeText(press(m, "esc"), "Paul")
	if m.Presenting() {
		t.Fatal("the P of Paul turned presenter mode on")
	}
	// A key pressed on its own still does what it says, and twice undoes itself.
	if m = press(m, "esc", "l"); m.z.Lang() != locales.French {
		t.Fatal("l alone no longer switches the language")
	}
	if m = press(m, "l"); m.z.Lang() != locales.English {
		t.Fatal("l twice is not back")
	}
	if m = press(m, "esc", "P", "next"); !m.Presenting() {
		t.Fatal("P then an arrow: presenter mode was taken back")
	}
}

// On « Votre adresse » itself, stray letters say only to press e, in French too.
func TestStrayLettersOnTheAddressScreenFrench(t *testing.T) {
	m, _ := newWith(Config{Lang: locales.French, LangKnown: true}, 80, 24)
	m = press(m, "next") // « Votre adresse », field closed
	if m.screen().Key != "address" || m.addr().input.Focused() {
		t.Fatalf("on %s, field open %v", m.screen().Key, m.addr().input.Focused())
	}
	m = typeText(m, "zz")
	mustContain(t, m, "votre adresse, appuyez sur e.")
	mustNotContain(t, m, "allez à « Votre adresse »")
	m = press(m, "esc", "prev") // the intro: there the line names the screen
	m = typeText(m, "zz")
	mustContain(t, m, "Votre adresse » et appuyez sur e")
}
