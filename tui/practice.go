package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/qr"
	"github.com/auvenir/auvenir-onboard/internal/totp"
)

// The practice enrolment: a throw-away key shown as a QR code and as text, which the person adds
// to Microsoft Authenticator as an "other account"; then the code the app shows is checked, which
// also catches a phone whose clock is off. The screen takes the whole window (the smallest code
// is 45×23 cells) on the alternate screen, so the key is gone from the terminal on quitting.

// updatePractice: digits (and anything else typed) go to the code field; enter checks it.
func (m Model) updatePractice(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "ctrl+c":
		return m, tea.Quit
	case "esc":
		m.closeMFA()
		return m, nil
	case "enter":
		m.checkCode()
		m.refresh()
		return m, nil
	case "i":
		if m.noColour { // with colour every module is painted: nothing to invert
			m.mfa.invert = !m.mfa.invert
			m.refresh()
		}
		return m, nil
	case "l":
		m.setLang(m.z.Lang().Other())
		return m, nil
	}
	if msg.Text != "" {
		m.startNewCode()
	}
	var cmd tea.Cmd
	m.mfa.code, cmd = m.mfa.code.Update(msg)
	m.liveCodeCheck()
	m.refresh()
	return m, cmd
}

// startNewCode empties the field when it still shows a code already checked: the app shows a
// new code every 30 seconds, and the person types it without deleting the old one first.
func (m *Model) startNewCode() {
	if m.mfa.checked {
		m.mfa.code.SetValue("")
		m.mfa.checked = false
	}
}

// liveCodeCheck refuses at once what can never become a code (a letter, a seventh digit),
// keeping the text so the person sees and fixes it.
func (m *Model) liveCodeCheck() {
	v := m.mfa.code.Value()
	digits, other := 0, false
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r != ' ':
			other = true
		}
	}
	switch {
	case other || digits > totp.CodeLen:
		m.mfa.result = &totp.Result{Outcome: totp.Malformed}
	case m.mfa.result != nil && m.mfa.result.Outcome == totp.Malformed:
		m.mfa.result = nil
	}
}

// checkCode judges the typed code at the model's clock. A refused text stays as typed; a code
// that was checked stays shown until the person types the next one.
func (m *Model) checkCode() {
	p := m.mfa.practice
	if p == nil {
		return
	}
	typed := m.mfa.code.Value()
	if _, ok := totp.ParseCode(typed); !ok {
		m.mfa.result = &totp.Result{Outcome: totp.Malformed}
		return
	}
	r := p.Verifier().Check(typed, m.now())
	m.mfa.result = &r
	m.mfa.checked = true
	if r.Outcome == totp.Verified {
		m.mfa.verified = true
		m.chose(progress.MFAAuthenticator)
	}
}

func (m *Model) practiceFrame() string {
	bh := m.h - 1
	var left, note []string
	lw := 0
	p := m.mfa.practice
	switch {
	case p == nil:
	case m.mfa.verified:
		lw = m.w - columnMin - columnGap
		left = m.donePanel(lw-1, bh)
	case m.presenting():
	default:
		left, lw, note = m.drawCode(p.URI(), bh)
	}
	rw := m.w - lw - columnGap
	if lw == 0 {
		rw = m.w - 2
	}
	return m.fullFrame(sideBySide(left, lw, m.practiceColumn(rw, bh, lw > 0 && !m.mfa.verified, note), bh))
}

// drawCode fits the QR code of text on the left of the window, leaving the right column its
// room. When the window is too small it returns instead what to say: the size it needs.
func (m *Model) drawCode(text string, bh int) (lines []string, w int, note []string) {
	r, err := m.mfa.qrCache.fit(text, m.qrOptions(), m.w-columnMin-columnGap, bh)
	if err == nil {
		return strings.Split(r.Text, "\n"), r.Width, nil
	}
	var e *qr.Error
	if errors.As(err, &e) && errors.Is(err, qr.ErrTooSmall) {
		need := guide.With(m.data(), "NeedW", e.Data["W"].(int)+columnMin+columnGap, "NeedH", e.Data["H"].(int)+1,
			"W", m.w, "H", m.h)
		return nil, 0, []string{m.z.T("PracticeQRTooSmall", need)}
	}
	if errors.As(err, &e) {
		return nil, 0, []string{e.Message(m.z)}
	}
	return nil, 0, []string{err.Error()}
}

// practiceColumn is the text beside the code: how to add it, the key, the field and the result.
func (m Model) practiceColumn(w, h int, codeShown bool, note []string) []string {
	st, d := m.st, m.mfaData()
	p := m.mfa.practice
	title := wrap(st.Heading, m.z.T("PracticeTitle", d), w)
	// enter is in the field's label; the keys line names the others.
	var keys []key.Binding
	if codeShown {
		keys = append(keys, m.keys.Invert)
	}
	keyLines := m.wrapKeys(append(keys, m.keys.BackToStep, m.keys.QuitNow), w)
	if p == nil {
		return fitLines([][]string{title, wrap(st.Error, m.mfa.practiceErr, w), keyLines}, h)
	}
	d = guide.With(d, "Issuer", p.Issuer(), "Account", p.Account())
	var notes []string
	for _, n := range note {
		notes = append(notes, wrap(st.Warning, n, w)...)
	}
	var how, manual []string
	if !m.mfa.verified {
		how = wrap(st.Text, m.z.T("PracticeStepAdd", d), w)
		if codeShown {
			how = append(how, wrap(st.Text, m.z.T("PracticeStepScan", d), w)...)
		}
		if m.presenting() {
			manual = wrap(st.Bold, m.z.T("MaskQRHidden", d), w)
		} else {
			manual = append(wrap(st.Text, m.z.T("PracticeManual", d), w), keyRows(st.Contact, p.GroupedSecret(), w)...)
		}
	}
	label := "PracticeCodeLabel"
	if m.mfa.verified {
		label = "PracticeCodeAgain"
	}
	field := append(wrap(st.Bold, m.z.T(label, d), w), m.mfa.code.View())
	field = append(field, m.resultLines(w)...)
	// A short window drops the how-to first: the key stays beside the code, and the field with
	// its verdict (say, how far off the phone's clock is) stays in sight.
	return fitSections([]section{{title, 2}, {notes, 6}, {how, 1}, {manual, 4}, {field, 7}, {keyLines, 3}}, h)
}

// keyRows shows a grouped key four groups to a line (19 columns), or fewer when narrower.
func keyRows(style lipgloss.Style, grouped string, w int) []string {
	groups := strings.Fields(grouped)
	per := max(1, min(4, (w+1)/5))
	var out []string
	for i := 0; i < len(groups); i += per {
		out = append(out, style.Render(strings.Join(groups[i:min(i+per, len(groups))], " ")))
	}
	return out
}

// resultLines says what the last code turned out to be.
func (m Model) resultLines(w int) []string {
	r := m.mfa.result
	if r == nil {
		return nil
	}
	style := m.st.Error
	switch r.Outcome {
	case totp.Verified:
		return wrap(m.st.Success, m.g.Pass+" "+m.z.T(r.MessageID(), r.Data()), w)
	case totp.ClockAhead, totp.ClockBehind:
		style = m.st.warning.Bold(true)
	}
	return wrap(style, m.z.T(r.MessageID(), r.Data()), w)
}

// donePanel replaces the code once a code was verified: delete the practice entry, and what
// Microsoft's own page will show.
func (m Model) donePanel(w, h int) []string {
	st := m.st
	d := guide.With(m.mfaData(), "Issuer", m.mfa.practice.Issuer())
	sections := [][]string{
		wrap(st.Success, m.g.Pass+" "+m.z.T("PracticeDoneTitle", d), w),
		wrap(st.Text, m.z.T("PracticeDoneBody", d), w),
		append(wrap(st.SubHeading, m.z.T("PracticeDeleteHeading", d), w), wrap(st.Text, m.z.T("PracticeDelete", d), w)...),
		append(wrap(st.SubHeading, m.z.T("PracticeRealHeading", d), w), wrap(st.Text, m.z.T("PracticeReal", d), w)...),
		nil,
	}
	lines := fitLines(sections, h)
	for i, l := range lines {
		lines[i] = " " + l
	}
	return lines
}

// wrapKeys lays bindings out as help lines no wider than w. Each item is measured once and each
// line drawn once: measuring every growing line again made the help bar the dearest part of a
// frame.
func (m Model) wrapKeys(bindings []key.Binding, w int) []string {
	sep := lipgloss.Width(m.help.ShortSeparator)
	var rows []string
	var row []key.Binding
	width := 0
	for _, b := range bindings {
		if !b.Enabled() {
			continue
		}
		bw := lipgloss.Width(m.help.ShortHelpView([]key.Binding{b}))
		if len(row) > 0 && width+sep+bw > w {
			rows = append(rows, m.help.ShortHelpView(row))
			row, width = nil, 0
		}
		if len(row) > 0 {
			width += sep
		}
		row = append(row, b)
		width += bw
	}
	return append(rows, m.help.ShortHelpView(row))
}
