package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// pages is how many windows of text the current screen fills: 1 when it all shows at once.
func pages(m Model) int {
	n := len(m.vp.lines)
	return max(1, (n+m.vp.height-1)/m.vp.height)
}

// Issue 20, item 6: at 80×24 no screen needs more than two pages, in either language, with and
// without an address, in presenter mode or not, whatever step 2's answer: a long step is shown
// in parts (steps.Screen.Parts), and every part counts. 60×20 is logged, not held to it.
func TestPagesPerStep(t *testing.T) {
	answers := append([]steps.SignIn{steps.SignInUnanswered}, steps.SignInChoices()...)
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		for _, lang := range locales.Langs {
			for _, email := range []string{"claire.roy@cabinet.qc.ca", ""} {
				for _, presenter := range []bool{false, true} {
					worst := map[string]string{}
					var order []string
					for _, a := range answers {
						m, _ := newWith(Config{Lang: lang, LangKnown: true, Email: email, Presenter: presenter}, size[0], size[1])
						m.walk.AnswerSignIn(a)
						for i, s := range m.walk.Screens() {
							m.show(i)
							for p := range m.walk.Parts() {
								if p > 0 {
									m.goTo(m.walk.Next)
								}
								if m.walk.Index() != i || m.walk.Part() != p {
									t.Fatalf("→ went to screen %d part %d, not %d part %d", m.walk.Index(), m.walk.Part(), i, p)
								}
								name := s.Key
								if m.walk.Parts() > 1 {
									name += fmt.Sprintf(".%d", p+1)
								}
								n := pages(m)
								if size == [2]int{80, 24} && n > 2 {
									t.Errorf("80×24 %s address %q presenter=%v answer %q: %s needs %d pages (%d lines in %d)",
										lang, email, presenter, a, name, n, len(m.vp.lines), m.vp.height)
								}
								if _, ok := worst[name]; !ok {
									order = append(order, name)
								}
								if got := fmt.Sprintf("%d(%d/%d)", n, len(m.vp.lines), m.vp.height); len(got) > len(worst[name]) || got > worst[name] {
									worst[name] = got
								}
							}
						}
					}
					line := fmt.Sprintf("%dx%d %s address=%v presenter=%v:", size[0], size[1], lang, email != "", presenter)
					for _, name := range order {
						line += " " + name + "=" + worst[name]
					}
					t.Log(line)
				}
			}
		}
	}
}

// Issue 20, item 6: a screen that scrolls says where the rest is: below at its top, above and
// below in its middle, above at its end; in both languages.
func TestScrollHintSaysWhereTheRestIs(t *testing.T) {
	for _, c := range []struct {
		lang               locales.Lang
		below, both, above string
	}{
		{locales.English, "↓ more below", "↕ more above and below", "↑ more above"},
		{locales.French, "↓ suite plus bas", "↕ suite plus haut et plus bas", "↑ suite plus haut"},
	} {
		m, _ := newWith(Config{Lang: c.lang, LangKnown: true, Step: 9}, 60, 20)
		mustContain(t, m, c.below)
		mustNotContain(t, m, c.above)
		m = press(m, "pgdown")
		mustContain(t, m, c.both)
		m = press(m, "end")
		mustContain(t, m, c.above)
		mustNotContain(t, m, c.below, c.both)
	}
}

// Issue 20, item 6: in a small window the help bar takes two lines where the step's own keys
// allow (three at most), and keeps those keys, → ← ? q and l; the text gains the lines.
func TestCompactHelpBar(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		for _, presenter := range []bool{false, true} {
			m, _ := newWith(Config{Lang: locales.French, LangKnown: true, Presenter: presenter, Email: "claire.roy@cabinet.qc.ca"}, size[0], size[1])
			for i := range m.walk.Screens() {
				m.show(i)
				bar := m.helpBar(m.w - 2)
				if n := strings.Count(bar, "\n") + 1; n > maxBarRows+1 {
					t.Errorf("%v presenter=%v %s: the bar takes %d lines", size, presenter, m.screen().Key, n)
				}
				plainBar := ansi.Strip(bar)
				var own []string
				if s := m.get(m.focus()); s != nil {
					for _, b := range s.keys(&m.common) {
						if b.Enabled() && b.Help().Key != "" {
							own = append(own, b.Help().Key+" ")
						}
					}
				}
				for _, want := range append([]string{"? toutes les touches", "q quitter", "l passer à l'anglais"}, own...) {
					if !strings.Contains(plainBar, want) {
						t.Errorf("%v %s: the bar lacks %q:\n%s", size, m.screen().Key, want, plainBar)
					}
				}
			}
		}
	}
	// The intro's bar at 60×20 was three lines, now two.
	m, _ := newWith(Config{Lang: locales.English, LangKnown: true}, 60, 20)
	if n := strings.Count(m.helpBar(m.w-2), "\n") + 1; n != 2 {
		t.Fatalf("the intro's bar at 60×20 takes %d lines", n)
	}
	// A tall window shows every key.
	m, _ = newWith(Config{Lang: locales.French, LangKnown: true, Step: 9}, 80, 40)
	if bar := ansi.Strip(m.helpBar(m.w - 2)); !strings.Contains(bar, "x expliquer une erreur") {
		t.Fatalf("a tall window drops keys:\n%s", bar)
	}
}

// Issue 20, item 6: a long screen's parts. → moves to the next part, the heading says which
// (in the client's language) and the step list still marks the step; ← is offered from the
// intro's second part and goes back to its first; leaving the last part goes to the next step.
func TestPartsOfALongScreen(t *testing.T) {
	m, _ := newWith(Config{Lang: locales.French, LangKnown: true}, 80, 24)
	mustContain(t, m, "Avant de commencer · partie 1 de 3 · Ce que vous allez faire")
	mustNotContain(t, m, "← précédent")
	m = press(m, "right")
	mustContain(t, m, "partie 2 de 3 · Ce qui peut survenir", "← précédent")
	if m = press(m, "left"); m.walk.Part() != 0 || m.walk.Index() != 0 {
		t.Fatalf("← from part 2: screen %d part %d", m.walk.Index(), m.walk.Part())
	}
	m = press(m, "9")
	mustContain(t, m, "Étape 9 de 9 · partie 1 de 6", "[9]")
	m = press(m, "right", "right", "right")
	mustContain(t, m, "Étape 9 de 9 · partie 4 de 6 · Option 2 : votre cellulaire", "[9]")
	if m = press(m, "right", "right", "right"); m.screen().Kind != steps.KindFinish {
		t.Fatalf("→ from step 9's last part: on %s", m.screen().Key)
	}
}
