package plain

import (
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
)

// A timer from the future never gives more than the code's 30 minutes, nor a negative count.
func TestTimerLineIsClamped(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	for _, sent := range []time.Time{now.Add(time.Hour), time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)} {
		saved := progress.State{Screen: "step5", Lang: locales.English, CodeSent: sent}
		out := run(t, Config{Lang: locales.English, LangKnown: true, Resume: &saved, Now: func() time.Time { return now }}, lines("1", "0"))
		if !strings.Contains(out, "Time left to use the code: 30 min.") || strings.Contains(out, "90 min") || strings.Contains(out, ": -") {
			t.Fatalf("sent %v:\n%s", sent, out)
		}
	}
}
