package tui

import (
	"fmt"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/steps"
)

// widget renders the interactive part of screen s, below its text.
func (m Model) widget(s steps.Screen, w int) string {
	switch s.Widget {
	case steps.WidgetAddress:
		return m.addressWidget(w)
	case steps.WidgetCodeSent:
		if m.codeSent.IsZero() {
			return ""
		}
		return m.timerLine(w)
	case steps.WidgetCodeTimer:
		return m.timerLine(w)
	case steps.WidgetNetworkCheck:
		return m.netWidget(w)
	case steps.WidgetMFAOptions:
		return m.mfaOptions(w)
	}
	return ""
}

func (m Model) addressWidget(w int) string {
	st := m.st
	m.input.SetWidth(max(10, min(50, w-4)))
	out := st.Bold.Render(m.z.T("AddressLabel")) + "\n" + st.Box.Render(m.input.View())
	switch {
	case m.addrErr != "":
		out += "\n" + st.Error.Width(w).Render(m.z.T(m.addrErr))
	case m.input.Focused():
	case m.email != "":
		d := m.data()
		out += "\n" + st.Success.Width(w).Render(m.z.T("AddressGiven", d)) +
			"\n\n" + st.Text.Width(w).Render(m.z.T("AddressIdentity", d)) +
			"\n" + st.Contact.Render(fmt.Sprint(d["Identity"]))
	}
	if !m.input.Focused() {
		if m.email == "" && m.addrErr == "" {
			out += "\n" + st.Muted.Width(w).Render(m.z.T("AddressNone", m.data()))
		}
		out += "\n\n" + st.Muted.Width(w).Render(m.z.T("AddressFocusHint"))
	}
	return out
}

func (m Model) timerLine(w int) string {
	data := m.data()
	switch left := m.codeLeft(); {
	case m.codeSent.IsZero():
		return m.st.Muted.Width(w).Render(m.z.T("TimerNotStarted", data))
	case left <= 0:
		return m.st.Error.Width(w).Render(m.z.T("TimerExpired", data))
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
