package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// t0 is the fixed clock of the tests, so countdowns render the same every run.
var t0 = time.Date(2026, 11, 25, 9, 55, 0, 0, time.UTC)

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func newTest(lang locales.Lang, w, h int) (Model, *fakeClock) {
	c := &fakeClock{t0}
	m := New(Config{Lang: lang, LangKnown: true, Now: c.now})
	m = send(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m, c
}

func send(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	return m
}

// press sends keys by name: "right", "enter", "esc", "ctrl+c", or a single character.
func press(m Model, keys ...string) Model {
	m, _ = expand(m, keys...)
	return m
}

// expand presses keys and says which real keys it pressed. Besides key names it takes:
//   - "next" and "prev": → or ← through the parts of a long screen (steps.Screen.Parts) until
//     the screen itself changes, what one → did before screens had parts; it stops as soon as a
//     key does not move from part to part (a field took it, or the walk is at its end);
//   - "to:phone", "to:practice", "to:stores", "to:trusted": → or ← until the part of step 9
//     that offers it shows (its keys are on the part they belong to).
//
// The goldens replay the real keys through a program (runGolden).
func expand(m Model, keys ...string) (Model, []string) {
	var sent []string
	do := func(k string) {
		m = send(m, keyMsg(k))
		sent = append(sent, k)
	}
	for _, k := range keys {
		switch {
		case k == "next" || k == "prev":
			key := map[string]string{"next": "right", "prev": "left"}[k]
			for range 16 {
				i, p := m.walk.Index(), m.walk.Part()
				do(key)
				if m.walk.Index() != i || m.walk.Part() == p {
					break
				}
			}
		case strings.HasPrefix(k, "to:"):
			want := m.screen().PartOf(steps.Offer(strings.TrimPrefix(k, "to:")))
			for range 16 {
				if m.walk.Part() < want {
					do("right")
				} else if m.walk.Part() > want {
					do("left")
				} else {
					break
				}
			}
		default:
			do(k)
		}
	}
	return m, sent
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

func typeText(m Model, s string) Model {
	for _, r := range s {
		m = send(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

// screenText is the frame as a person reads it: no colours, no-break spaces as spaces.
func screenText(m Model) string {
	return strings.ReplaceAll(ansi.Strip(m.View().Content), "\u00a0", " ")
}

func mustContain(t *testing.T, m Model, want ...string) {
	t.Helper()
	s := screenText(m)
	for _, w := range want {
		if !strings.Contains(s, w) {
			t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

func mustNotContain(t *testing.T, m Model, bad ...string) {
	t.Helper()
	s := screenText(m)
	for _, b := range bad {
		if strings.Contains(s, b) {
			t.Fatalf("screen shows %q:\n%s", b, s)
		}
	}
}

// show puts screen i on, as a jump would (tests that visit every screen).
func (m *Model) show(i int) { m.goTo(func() bool { return m.walk.GoTo(i, false) }) }

// The screens' states, for the tests that look inside them.
func (m Model) addr() addressScreen      { return m.get(idAddress).(addressScreen) }
func (m Model) practice() practiceScreen { return m.get(idPractice).(practiceScreen) }
func (m Model) phone() phoneScreen       { return m.get(idPhone).(phoneScreen) }
func (m Model) signInQ() signInScreen    { return m.get(idSignIn).(signInScreen) }
