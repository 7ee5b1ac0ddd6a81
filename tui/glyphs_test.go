package tui

import (
	"strings"
	"testing"

	glyphset "github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/locales"
)

// withGlyphs uses set for the rest of the test, as Run does for the terminal it finds.
func withGlyphs(t *testing.T, set glyphset.Set) {
	t.Helper()
	old := glyphs
	glyphs = set
	t.Cleanup(func() { glyphs = old })
}

// The classic console's set, in both languages: the step list's marker and done marks, the
// chooser's box and marker.
func TestGoldenClassicGlyphs(t *testing.T) {
	withGlyphs(t, glyphset.Classic)
	cases := map[string]struct {
		cfg  Config
		keys []string
	}{
		"en_steps_done":    {Config{Lang: locales.English, LangKnown: true}, []string{"next", "next", "next"}},
		"fr_steps_done":    {Config{Lang: locales.French, LangKnown: true}, []string{"next", "next", "next"}},
		"language_chooser": {Config{}, nil},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { runGolden(t, c.cfg, 80, 24, c.keys...) })
	}
}

// No symbol the classic console's fonts lack is drawn on any screen of the walk with its set.
func TestClassicGlyphsEverywhere(t *testing.T) {
	withGlyphs(t, glyphset.Classic)
	for _, lang := range locales.Langs {
		m, _ := newTest(lang, 100, 30)
		for i := range m.walk.Screens() {
			s := screenText(m)
			for _, bad := range []string{"✓", "✗", "▸", "╭", "╮", "╰", "╯"} {
				if strings.Contains(s, bad) {
					t.Fatalf("%s screen %d shows %q:\n%s", lang, i, bad, s)
				}
			}
			m = press(m, "next")
		}
	}
}
