package plain

import (
	"time"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/walkthrough"
)

// startTimer is the person saying they clicked « Send code » (on step 3, or again on 4 and 5
// after asking for a new code): Microsoft's code works for 30 minutes from then. While a code
// still works, starting over would lose how long it has left: the guide asks first, and an
// empty answer keeps the timer (issue 20, item 2). It reports false when the input ended.
func (s *session) startTimer() bool {
	now := s.cfg.Now()
	if s.w.StartTimer(now) == walkthrough.TimerAsk {
		d := guide.With(s.data(), "Minutes", minutesLeft(s.w.CodeLeft(now)))
		yes, ok := s.confirm(s.z.T("PlainTimerRestartAsk", d), "PlainMenuTimerKeep", "PlainMenuTimerRestart")
		if !ok {
			return false
		}
		if !s.w.ConfirmTimerRestart(yes, s.cfg.Now()) {
			s.out.line(s.timerLine())
			return true
		}
	}
	s.out.line(s.z.T("TimerStarted", s.data()))
	return true
}

// timerLine says how long the code still works, in whole minutes: a line read once does not
// count seconds down.
func (s *session) timerLine() string {
	d := s.data()
	if s.w.CodeSent().IsZero() {
		return s.z.T("PlainTimerNotStarted", d)
	}
	left := s.w.CodeLeft(s.cfg.Now())
	if left <= 0 {
		return s.z.T("PlainTimerExpired", d)
	}
	return s.z.T("PlainTimerLeft", guide.With(d, "Minutes", minutesLeft(left)))
}

// minutesLeft rounds up, so the line never says 0 minutes while the code still works.
func minutesLeft(d time.Duration) int {
	return int((d + time.Minute - 1) / time.Minute)
}

// confirm asks a question whose yes loses something: 1 is no (and so is an empty line), 2 is
// yes. It reports the answer, and false when the input ended before one.
func (s *session) confirm(question, noID, yesID string) (yes, ok bool) {
	d := s.data()
	entries := []entry{{1, s.z.T(noID, d), nil}, {2, s.z.T(yesID, d), nil}}
	s.out.line(question)
	for {
		s.out.line(s.z.T("PlainPrompt", guide.With(d, "Choices", choicesText(entries))))
		typed, ok := s.in.read()
		if !ok {
			return false, false
		}
		if typed == "" {
			return false, true // the default is no
		}
		if e, found := pick(entries, typed); found {
			return e.n == 2, true
		}
		s.out.line(s.z.T("PlainInvalidChoice", d))
	}
}
