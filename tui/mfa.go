package tui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/phone"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/qr"
	"github.com/auvenir/auvenir-onboard/internal/totp"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Step 9 is where clients get stuck, so its two options can be rehearsed: a practice enrolment
// in Microsoft Authenticator (practice.go), the store pages as QR codes (stores.go) and a check of
// the mobile number (phone.go). --show-qr reuses the code screen for a given key (showqr.go).

// mfaView is what step 9 shows besides its text.
type mfaView int

const (
	mfaNone     mfaView = iota // step 9 as usual, or any other screen
	mfaPractice                // full screen: the practice enrolment
	mfaStores                  // full screen: the store pages as QR codes
	mfaPhone                   // the mobile number field, in place of step 9's text
	mfaShowQR                  // full screen: the key given to --show-qr, and nothing else
)

// mfaState is step 9's part of the model. The practice key lives here, in memory only: no
// field of the saved progress can hold it, and nothing here is ever written out.
type mfaState struct {
	view mfaView

	practice    *totp.Practice // made when the practice first opens, kept for the session
	practiceErr string         // the key could not be made (no randomness): said instead
	invert      bool           // i: dark and light modules swapped
	code        textinput.Model
	result      *totp.Result // the last code checked, or a refusal; nil before any
	checked     bool         // the field shows a code already checked: typing starts a new one
	verified    bool         // a code was verified once: the practice has done its job

	phone    textinput.Model
	number   *phone.Number  // the last number accepted
	phoneErr *locales.Error // the last refusal; the typed text stays in the field

	store int // which store's code shows when only one fits the window

	qrCache qrCache
}

// qrCache keeps the last drawing: the frame is composed on every key, a QR code need not be.
type qrCache struct {
	text       string
	o          qr.Options
	maxW, maxH int
	r          qr.Rendering
	err        error
	valid      bool
	renders    int
}

func (c *qrCache) fit(text string, o qr.Options, maxW, maxH int) (qr.Rendering, error) {
	if c.valid && c.text == text && c.o == o && c.maxW == maxW && c.maxH == maxH {
		return c.r, c.err
	}
	c.renders++
	c.r, c.err = qr.Fit(text, o, maxW, maxH)
	c.text, c.o, c.maxW, c.maxH, c.valid = text, o, maxW, maxH, true
	return c.r, c.err
}

func (m *Model) initMFA() {
	m.mfa.code = textinput.New()
	m.mfa.code.CharLimit = 32 // a few spaces around six digits; totp.ParseCode looks no further
	m.mfa.code.SetWidth(10)
	m.mfa.code.Prompt = "› "
	m.mfa.code.Placeholder = "123 456"
	m.mfa.phone = textinput.New()
	m.mfa.phone.CharLimit = phone.MaxInput
	m.mfa.phone.SetWidth(24)
	m.mfa.phone.Placeholder = "647 555 0123"
	switch {
	case m.cfg.ShowKey != nil:
		m.choosing = false // nothing to choose: the code is all there is
		m.mfa.view = mfaShowQR
	case m.cfg.Practice:
		if i := steps.Index(m.screens, 9); i >= 0 {
			m.cur = i
		}
		m.mfa.view = mfaPractice // the key is made once the language is known (ensurePractice)
		m.mfa.code.Focus()
	}
}

// refreshMFA sets step 9's keys and makes the practice key when its screen first shows.
func (m *Model) refreshMFA() {
	onStep9 := m.screen().Widget == steps.WidgetMFAOptions && m.mfa.view == mfaNone && !m.input.Focused()
	m.keys.Practice.SetEnabled(onStep9)
	m.keys.Stores.SetEnabled(onStep9)
	m.keys.Phone.SetEnabled(onStep9)
	m.keys.Switch.SetEnabled(m.mfa.view == mfaStores && !m.bothStoresFit())
	if m.mfa.view == mfaPhone {
		m.keys.Confirm.SetEnabled(true)
		m.keys.Leave.SetEnabled(true)
		m.mfa.phone.SetStyles(m.st.Input)
	}
	m.mfa.code.SetStyles(m.st.Input)
	if m.mfa.view == mfaPractice && !m.choosing {
		m.ensurePractice()
	}
}

func (m *Model) ensurePractice() {
	if m.mfa.practice != nil || m.mfa.practiceErr != "" {
		return
	}
	p, err := totp.NewPracticeFrom(m.z, m.email, m.cfg.practiceRand)
	if err != nil {
		m.mfa.practiceErr = m.z.T("PracticeErrKey")
		return
	}
	m.mfa.practice = p
}

// presenting reports whether a secret must stay off this screen: a support agent is sharing it
// (presenter mode, presenter.go). A practice key or a --show-qr key is then never drawn.
func (m Model) presenting() bool { return m.Presenting() }

// typing reports whether keys are text in one of step 9's fields: there o and y are letters,
// not the link and copy keys (features.go). P still switches presenter mode, so an agent can
// hide a key already on screen; no code or number has a P in it.
func (s mfaState) typing() bool { return s.view == mfaPractice || s.view == mfaPhone }

func (s mfaState) fullScreen() bool {
	return s.view == mfaPractice || s.view == mfaStores || s.view == mfaShowQR
}

// updateMFA gives the keys to the open step 9 screen. They are modal: in the practice and the
// phone field, letters are text (a typo must not quit), so only ctrl+c quits there.
func (m Model) updateMFA(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch m.mfa.view {
	case mfaPractice:
		return m.updatePractice(msg)
	case mfaPhone:
		return m.updatePhone(msg)
	case mfaStores:
		return m.updateStores(msg)
	case mfaShowQR:
		return m.updateShowQR(msg)
	}
	return m, nil
}

// updateMFAField gives a paste to the field of the open screen.
func (m Model) updateMFAField(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.mfa.view {
	case mfaPractice:
		m.startNewCode()
		m.mfa.code, cmd = m.mfa.code.Update(msg)
		m.liveCodeCheck()
	case mfaPhone:
		m.mfa.phone, cmd = m.mfa.phone.Update(msg)
	}
	m.refresh()
	return m, cmd
}

// openMFA shows one of step 9's screens; closeMFA goes back to step 9's text. What was typed
// and the practice key stay for when the person comes back.
func (m *Model) openMFA(v mfaView) tea.Cmd {
	m.mfa.view = v
	m.showAll = false
	var cmd tea.Cmd
	switch v {
	case mfaPractice:
		cmd = m.mfa.code.Focus()
	case mfaPhone:
		cmd = m.mfa.phone.Focus()
	}
	m.refresh()
	m.vp.GotoTop() // option 2's field is near the top of its text
	m.compose()
	return cmd
}

// chose records in the saved progress which option the person rehearsed (never a key, a code
// or a number: progress.State has no field for them).
func (m *Model) chose(o progress.MFA) { m.feat.mfa = o }

func (m *Model) closeMFA() {
	m.mfa.view = mfaNone
	m.mfa.code.Blur()
	m.mfa.phone.Blur()
	m.refresh()
	m.vp.GotoBottom() // back where the options and what was done are
	m.compose()
}

// step9Key handles a, g and t on step 9; ok is false for every other key.
func (m Model) step9Key(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	if m.screen().Widget != steps.WidgetMFAOptions {
		return m, nil, false
	}
	switch msg.String() {
	case "a":
		return m, m.openMFA(mfaPractice), true
	case "g":
		return m, m.openMFA(mfaStores), true
	case "t":
		return m, m.openMFA(mfaPhone), true
	}
	return m, nil, false
}

// mfaOptions is step 9's widget: what each key opens, the store pages, and what was done.
func (m Model) mfaOptions(w int) string {
	st := m.st
	d := m.mfaData()
	para := func(id string) string { return st.Text.Width(w).Render(m.z.T(id, d)) }
	keyLine := func(k, id string) string {
		lines := wrap(st.Text, m.z.T(id, d), max(10, w-2))
		for i := range lines {
			lines[i] = "  " + lines[i]
		}
		lines[0] = st.Help.ShortKey.Render(k) + lines[0][1:]
		return strings.Join(lines, "\n")
	}
	out := []string{
		st.SubHeading.Width(w).Render(m.z.T("Step9GetAppHeading", d)),
		para("Step9GetApp"),
	}
	for _, s := range stores {
		out = append(out, "  "+st.Bold.Render(s.Name)+" "+st.Muted.Render(m.z.T(s.DeviceID, d)),
			"    "+st.Link.Hyperlink(s.URL).Render(s.URL))
	}
	out = append(out,
		keyLine("g", "Step9StoresHint"),
		"",
		st.SubHeading.Width(w).Render(m.z.T("Step9PracticeHeading", d)),
		keyLine("a", "Step9PracticeHint"),
	)
	if m.mfa.verified {
		out = append(out, st.Success.Width(w).Render(m.g.Pass+" "+m.z.T("Step9PracticeDone", d)))
	}
	out = append(out, "", st.SubHeading.Width(w).Render(m.z.T("Step9PhoneHeading", d)), keyLine("t", "Step9PhoneHint"))
	if n := m.mfa.number; n != nil {
		out = append(out, st.Success.Width(w).Render(m.g.Pass+" "+m.z.T("Step9PhoneDone", guide.With(d, "Number", m.shownNumber(n.International)))))
	}
	return strings.Join(out, "\n")
}

// mfaData is the template data of step 9's messages: the guide's facts and the app's labels.
func (m Model) mfaData() map[string]any {
	d := m.data()
	for k, v := range steps.AuthenticatorLabels() {
		d[k] = v
	}
	d["Digits"] = totp.CodeLen
	return d
}

func (m *Model) mfaFrame() string {
	switch m.mfa.view {
	case mfaStores:
		return m.storesFrame()
	case mfaShowQR:
		return m.showQRFrame()
	}
	return m.practiceFrame()
}

// qrBackground is the background the terminal reported (dark until it answers).
func (m Model) qrOptions() qr.Options {
	o := qr.Options{Invert: m.mfa.invert, Colour: !m.noColour}
	if !m.isDark {
		o.Background = qr.Light
	}
	return o
}

// noColourQR sets whether QR codes are drawn without colour (NO_COLOR, or a terminal with none):
// then in the terminal's own colours, with the invert key for a theme that reports its
// background wrongly. With colour every module is painted and there is nothing to invert.
func (m *Model) noColourQR(v bool) {
	m.noColour = v
	m.keys.Invert.SetEnabled(v)
}

// Full-screen layout: a left panel (the code) and a right column of text, then the support
// line on the last row, which every screen keeps in sight.
const (
	columnMin = 30 // the narrowest right column: the key in two lines of four groups, and words
	columnGap = 2
)

// sideBySide joins left (lines of width lw; lw 0 for none) and right into h lines of the window.
func sideBySide(left []string, lw int, right []string, h int) []string {
	var out []string
	if lw == 0 {
		for _, r := range right {
			out = append(out, " "+r)
		}
	} else {
		out = joinColumns(left, lw, columnGap, right)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:h]
}

// fullFrame puts the body above the support line.
func (m Model) fullFrame(body []string) string {
	sup := m.st.Footer.Render(truncate(m.z.T("FooterSupport", m.data()), max(1, m.w-2)))
	return strings.Join(body, "\n") + "\n " + sup
}

// section is a block of lines in a column; when the column is too short, the sections with the
// lowest keep go first.
type section struct {
	lines []string
	keep  int
}

// fitSections joins sections with blank lines between them when there is room, without when not;
// if that is still too tall, it leaves out the least needed sections, then cuts the end.
func fitSections(secs []section, h int) []string {
	join := func(gap bool, dropped map[int]bool) []string {
		var out []string
		for i, s := range secs {
			if len(s.lines) == 0 || dropped[i] {
				continue
			}
			if gap && len(out) > 0 {
				out = append(out, "")
			}
			out = append(out, s.lines...)
		}
		return out
	}
	dropped := map[int]bool{}
	for {
		if out := join(true, dropped); len(out) <= h {
			return out
		}
		if out := join(false, dropped); len(out) <= h {
			return out
		}
		low := -1
		for i, s := range secs {
			if !dropped[i] && len(s.lines) > 0 && (low < 0 || s.keep < secs[low].keep) {
				low = i
			}
		}
		if low < 0 || len(secs)-len(dropped) <= 1 {
			out := join(false, dropped)
			return out[:min(len(out), max(0, h))]
		}
		dropped[low] = true
	}
}

// fitLines is fitSections for sections given most needed first, except the last (the keys),
// which is kept longest.
func fitLines(sections [][]string, h int) []string {
	secs := make([]section, len(sections))
	for i, l := range sections {
		secs[i] = section{l, len(sections) - i}
	}
	if n := len(secs); n > 0 {
		secs[n-1].keep = n + 1
	}
	return fitSections(secs, h)
}

// wrap renders text with style at width w and returns its lines.
func wrap(style lipgloss.Style, text string, w int) []string {
	return strings.Split(style.Width(max(1, w)).Render(text), "\n")
}
