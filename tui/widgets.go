package tui

import (
	"fmt"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/steps"
)

// widget renders the interactive part of the current step, below its text: its screen, or the
// code timer, which is the walkthrough's own (key s).
func (m *Model) widget(w int) string {
	if id := m.widgetScreen(); id != idNone {
		return m.get(id).view(&m.common, w, 0)
	}
	if !m.walk.HasTimer() && (m.screen().Widget == steps.WidgetCodeSent || m.screen().Widget == steps.WidgetCodeTimer) {
		return "" // no emailed code: no timer (steps 3 to 5 speak of the password)
	}
	switch m.screen().Widget {
	case steps.WidgetCodeSent:
		if m.walk.CodeSent().IsZero() {
			return ""
		}
		return m.timerLine(w)
	case steps.WidgetCodeTimer:
		return m.timerLine(w)
	}
	return ""
}

func (m Model) timerLine(w int) string {
	data := m.data()
	switch left := m.codeLeft(); {
	case m.walk.CodeSent().IsZero():
		return fill(m.st.Muted, m.z.T("TimerNotStarted", data), w)
	case left <= 0:
		return fill(m.st.Error, m.z.T("TimerExpired", data), w)
	default:
		return m.st.Box.Render(m.st.Success.Render(m.z.T("TimerLeft", guide.With(data, "Left", clock(left)))))
	}
}

// clock shows a duration as minutes and seconds, "29:05", rounding up so the code never shows
// "0:00" while it still works.
func clock(d time.Duration) string {
	s := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
