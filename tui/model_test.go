package tui

import (
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

func TestNavigation(t *testing.T) {
	m, _ := newTest(locales.English, 80, 24)
	mustContain(t, m, "Before you begin", "support@auvenir.ca", "+1 (855) 528-8364")
	m = press(m, "next", "enter", "enter") // Enter opens the address field, Enter again leaves it empty
	mustContain(t, m, "Step 1 of 9", "no-reply@auvenir.ca")
	if !m.walk.Done(0) || !m.walk.Done(1) || m.walk.Done(2) {
		t.Fatalf("done = %v, want intro and address done", m.walk.State())
	}
	m = press(m, "prev", "prev") // the address field stays closed on the way back
	if m.screen().Key != "intro" {
		t.Fatalf("back twice from step 1 lands on %s", m.screen().Key)
	}
	m = press(m, "7")
	mustContain(t, m, "Step 7 of 9", "Click your email address.")
	if m.walk.Done(steps.Index(m.walk.Screens(), 6)) {
		t.Fatal("jumping over a step marked it done")
	}
	m = press(m, "0", "z") // keys the walkthrough does not use (x opens the explainer)
	mustContain(t, m, "Step 7 of 9")
	for range 20 {
		m = press(m, "next")
	}
	mustContain(t, m, "Finished", "You are done: your Auvenir access is ready.", "Now sign in to Auvenir")
	m = press(m, "end")
	mustContain(t, m, "Email: support@auvenir.ca", "Phone: +1 (855) 528-8364")
	m = press(m, "left") // back to step 9, at its last part
	mustContain(t, m, "Step 9 of 9", "part 6 of 6", "After you sign in")
	m = press(m, "prev")
	mustContain(t, m, "Step 8 of 9")
}

func TestOpensAtStep(t *testing.T) {
	m := New(Config{Lang: locales.French, LangKnown: true, Step: 4})
	m = send(m, tea.WindowSizeMsg{Width: 60, Height: 20})
	mustContain(t, m, "Étape 4 de 9", "DMCHosting (via Microsoft)", "Aide : support@auvenir.ca")
}

func TestLanguageSwitchKeepsScreen(t *testing.T) {
	m, _ := newTest(locales.English, 80, 24)
	m = press(m, "5")
	mustContain(t, m, "Step 5 of 9", "“Sign in”", "switch to French")
	m = press(m, "l")
	mustContain(t, m, "Étape 5 de 9", "« Sign in »", "passer à l'anglais", "[FR] EN")
	mustNotContain(t, m, "Step 5 of 9")
	m = press(m, "l")
	mustContain(t, m, "Step 5 of 9", "FR [EN]")
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m, _ := newTest(locales.English, 80, 24)
		if _, cmd := m.Update(keyMsg(k)); cmd == nil || cmd() != tea.Quit() {
			t.Errorf("%s does not quit", k)
		}
	}
}

func TestAddressField(t *testing.T) {
	m, _ := newTest(locales.English, 80, 24)
	m = press(m, "next")
	mustContain(t, m, "Your address", "Press e (or Enter) to type")
	m = press(m, "e")
	mustContain(t, m, "Editing: Enter keeps the address")
	// Letters that are commands elsewhere are text in the open field, from the first.
	m = typeText(m, "lquinn@example")
	if m.screen().Key != "address" || m.z.Lang() != locales.English {
		t.Fatal("typing in the field ran commands")
	}
	m = press(m, "enter")
	mustContain(t, m, "The part after @ must be a domain with a dot", "lquinn@example")
	if m.walk.Email() != "" || !m.addr().input.Focused() {
		t.Fatal("a bad address was kept, or the field lost focus")
	}
	m = typeText(m, ".ca")
	m = press(m, "enter")
	mustContain(t, m, "Step 1 of 9", "lquinn@example.ca")
	m = press(m, "prev")
	mustContain(t, m, "Your address: lquinn@example.ca", "lquinn_example.ca#EXT#@DMCHosting.onmicrosoft.com")
	mustNotContain(t, m, "must be a domain")
	// The guide now quotes the address where Microsoft's pages show it.
	m = press(m, "7")
	mustContain(t, m, "click lquinn@example.ca", "lquinn_example.ca#EXT#@DMCHosting.onmicrosoft.com")
	m = press(m, "l")
	mustContain(t, m, "Choisir votre compte", "lquinn@example.ca.")
}

func TestAddressFieldFrenchErrorAndEsc(t *testing.T) {
	m, _ := newTest(locales.French, 80, 24)
	m = press(m, "next", "e")
	m = typeText(m, "a@b.ca, c@d.ca")
	m = press(m, "enter")
	mustContain(t, m, "Entrez une seule adresse.", "a@b.ca, c@d.ca")
	m = press(m, "esc")
	if m.addr().input.Focused() || m.addr().input.Value() != "" || m.walk.Email() != "" {
		t.Fatal("esc should cancel the edit: nothing typed is kept")
	}
	mustNotContain(t, m, "Entrez une seule adresse.")
	m = typeText(press(m, "e"), "a@b.ca")
	m = press(m, "enter")
	mustContain(t, m, "Étape 1 de 9")
	// An emptied field withdraws the address.
	m = press(m, "prev", "e")
	for range 20 {
		m = press(m, "backspace")
	}
	m = press(m, "enter")
	mustContain(t, m, "Étape 1 de 9")
	m = press(m, "prev")
	mustContain(t, m, "Aucune adresse")
}

func TestCodeTimer(t *testing.T) {
	m, c := newTest(locales.English, 80, 24)
	m = press(m, "4")
	mustContain(t, m, "Code timer not started")
	if m.km.walk.StartTimer.Enabled() != true {
		t.Fatal("s should restart the timer on step 4")
	}
	m = press(m, "3", "s")
	mustContain(t, m, "The code works for 30:00 more.")
	c.t = t0.Add(61 * time.Second)
	m = send(m, timer.TickMsg{ID: m.timer.ID()})
	m = press(m, "next")
	mustContain(t, m, "Step 4 of 9", "The code works for 28:59 more.")
	c.t = t0.Add(30 * time.Minute)
	m = send(m, timer.TickMsg{ID: m.timer.ID()})
	mustContain(t, m, "The code has expired.", "“try again”", "press s to restart")
	m = press(m, "s")
	mustContain(t, m, "The code works for 30:00 more.")
	// The key means nothing where there is no code.
	m = press(m, "7", "s")
	if !m.walk.CodeSent().Equal(c.t) {
		t.Fatal("s on step 7 changed the timer")
	}
}

func TestLanguageChooser(t *testing.T) {
	m := New(Config{})
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	mustContain(t, m, "Choisissez votre langue · Choose your language", "Français", "English",
		"support@auvenir.ca")
	m = press(m, "next", "enter")
	mustContain(t, m, "Before you begin")
	m = New(Config{})
	m = press(m, "f")
	mustContain(t, m, "Avant de commencer")
}

func TestTooSmall(t *testing.T) {
	m, _ := newTest(locales.French, 50, 15)
	mustContain(t, m, "trop petite (50×15)", "60×20", "support@auvenir.ca")
}

func TestHelpListsEveryKey(t *testing.T) {
	m, _ := newTest(locales.English, 80, 24)
	m = press(m, "?")
	mustContain(t, m, "1–9", "go to step", "scroll", "quit", "switch to French")
	m = press(m, "?")
	mustContain(t, m, "Before you begin")
}

func TestScrollingAt60x20(t *testing.T) {
	m, _ := newTest(locales.English, 60, 20)
	mustContain(t, m, "↓ more below")
	for range 60 {
		m = press(m, "down")
	}
	mustContain(t, m, "--check-network") // the last line: the network check's hint
	mustNotContain(t, m, "↓ more below")
	for _, line := range strings.Split(screenText(m), "\n") {
		if w := len([]rune(line)); w > 60 {
			t.Fatalf("a line is %d wide at 60 columns: %q", w, line)
		}
	}
}

func TestFrameFitsWindow(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}} {
		for _, lang := range locales.Langs {
			m, _ := newTest(lang, size[0], size[1])
			for i := range m.walk.Screens() {
				m.show(i)
				lines := strings.Split(screenText(m), "\n")
				if len(lines) != size[1] {
					t.Errorf("%s %v %s: %d lines", lang, size, m.screen().Key, len(lines))
				}
			}
		}
	}
}

func TestLightBackground(t *testing.T) {
	m, _ := newTest(locales.English, 80, 24)
	dark := m.View().Content
	m = send(m, tea.BackgroundColorMsg{Color: lightColor{}})
	if m.isDark || m.View().Content == dark {
		t.Fatal("a light background did not change the palette")
	}
}

type lightColor struct{}

func (lightColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }
