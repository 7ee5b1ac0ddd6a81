package progress

import (
	"os"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/locales"
)

// What is shown of the code's 30 minutes stays between 0 and 30 minutes whatever the clocks
// say, and never overflows.
func TestCodeLeftIsClamped(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		sent time.Time
		want time.Duration
	}{
		{"never sent", time.Time{}, 0},
		{"just sent", now, 30 * time.Minute},
		{"ten minutes ago", now.Add(-10 * time.Minute), 20 * time.Minute},
		{"an hour ago", now.Add(-time.Hour), 0},
		{"an hour ahead (clock put back)", now.Add(time.Hour), 30 * time.Minute},
		{"year 9999", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), 30 * time.Minute},
		{"year 1", time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC), 0},
	}
	for _, c := range cases {
		if got := CodeLeft(c.sent, now); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// A timer saved in the future (the clock was put back, or the file edited) is dropped on load:
// how long the code still works is unknown. The rest of the progress stays.
func TestLoadDropsAFutureTimer(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	s := Store{Dir: t.TempDir(), Now: func() time.Time { return now }}
	raw := `{"version":1,"screen":"step5","lang":"en","email":"jane@firm.ca","code_sent":"9999-12-31T23:59:59Z"}`
	if err := os.WriteFile(s.Path(), []byte(raw), 0o600); err != nil {
		t.Fatal(err)
	}
	st, found, err := s.Load()
	if err != nil || !found || st.Screen != "step5" || st.Email != "jane@firm.ca" || st.Lang != locales.English {
		t.Fatalf("Load = %+v, %v, %v", st, found, err)
	}
	if st.TimerStarted() {
		t.Fatalf("a timer in year 9999 was kept: %v", st.CodeSent)
	}
	for _, c := range []struct {
		sent time.Time
		kept bool
	}{{now.Add(time.Hour), false}, {now.Add(time.Second), false}, {now, true}, {now.Add(-10 * time.Minute), true}} {
		if err := s.Save(State{Screen: "step4", Lang: locales.French, CodeSent: c.sent}); err != nil {
			t.Fatal(err)
		}
		st, _, err := s.Load()
		if err != nil || st.TimerStarted() != c.kept || (c.kept && !st.CodeSent.Equal(c.sent)) {
			t.Errorf("sent %v: loaded %v (%v), kept want %v", c.sent, st.CodeSent, err, c.kept)
		}
	}
}
