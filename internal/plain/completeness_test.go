package plain

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/walkthrough"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Completeness: plain mode writes something for every widget a screen can carry, in both
// languages (tui/completeness_test.go checks the TUI). A new steps.Widget fails here until plain
// mode handles it, in widgetLines or with a Field.
func TestEveryWidgetIsHandled(t *testing.T) {
	for _, l := range locales.Langs {
		s := &session{cfg: Config{Now: time.Now}, z: locales.New(l), out: &printer{w: &bytes.Buffer{}},
			w: walkthrough.New(l)}
		s.w.Keep(progress.State{CodeSent: time.Now()})
		s.fields = s.builtinFields()
		for _, w := range steps.Widgets() {
			lines := s.widgetLines(steps.Screen{Widget: w})
			if len(lines) == 0 && len(s.screenFields(steps.Screen{Widget: w})) == 0 {
				t.Errorf("%s: plain mode has nothing for widget %d", l, w)
			}
			for _, line := range lines {
				if line == "" || strings.Contains(line, "<no value>") {
					t.Errorf("%s: widget %d writes %q", l, w, line)
				}
			}
		}
	}
}
