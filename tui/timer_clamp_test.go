package tui

import (
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
)

// A timer from the future, given to the wizard, never shows more than the code's 30 minutes
// nor a negative time.
func TestTimerShownIsClamped(t *testing.T) {
	t.Parallel()
	for _, sent := range []time.Time{t0.Add(time.Hour), time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)} {
		saved := progress.State{Screen: "step5", Lang: locales.English, CodeSent: sent}
		m, _ := newWith(Config{Resume: &saved}, 80, 24)
		m = press(m, "enter")
		mustContain(t, m, "The code works for 30:00 more.")
		mustNotContain(t, m, "90:00", "-153722867")
	}
}
