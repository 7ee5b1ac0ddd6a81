package plain

import (
	"time"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
)

// startTimer is the person saying they clicked « Send code » (on step 3, or again on 4 and 5
// after asking for a new code): Microsoft's code works for 30 minutes from then.
func (s *session) startTimer() {
	s.codeSent = s.cfg.Now()
	s.out.line(s.z.T("TimerStarted", s.data()))
}

// timerLine says how long the code still works, in whole minutes: a line read once does not
// count seconds down.
func (s *session) timerLine() string {
	d := s.data()
	if s.codeSent.IsZero() {
		return s.z.T("PlainTimerNotStarted", d)
	}
	left := progress.CodeLeft(s.codeSent, s.cfg.Now())
	if left <= 0 {
		return s.z.T("PlainTimerExpired", d)
	}
	return s.z.T("PlainTimerLeft", guide.With(d, "Minutes", minutesLeft(left)))
}

// minutesLeft rounds up, so the line never says 0 minutes while the code still works.
func minutesLeft(d time.Duration) int {
	return int((d + time.Minute - 1) / time.Minute)
}
