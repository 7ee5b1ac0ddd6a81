package tui

import (
	"fmt"
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
)

// pages is how many windows of text the current screen fills: 1 when it all shows at once.
func pages(m Model) int {
	n := len(m.vp.lines)
	return max(1, (n+m.vp.height-1)/m.vp.height)
}

func TestPagesPerStep(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		for _, lang := range locales.Langs {
			for _, presenter := range []bool{false, true} {
				m, _ := newWith(Config{Lang: lang, LangKnown: true, Email: "claire.roy@cabinet.qc.ca", Presenter: presenter}, size[0], size[1])
				line := fmt.Sprintf("%dx%d %s presenter=%v:", size[0], size[1], lang, presenter)
				for i, s := range m.walk.Screens() {
					m.show(i)
					line += fmt.Sprintf(" %s=%d(%d/%d)", s.Key, pages(m), len(m.vp.lines), m.vp.height)
				}
				t.Log(line)
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
		m, _ := newWith(Config{Lang: c.lang, LangKnown: true, Step: 9}, 80, 24)
		mustContain(t, m, c.below)
		mustNotContain(t, m, c.above)
		m = press(m, "pgdown")
		mustContain(t, m, c.both)
		m = press(m, "end")
		mustContain(t, m, c.above)
		mustNotContain(t, m, c.below, c.both)
	}
}
