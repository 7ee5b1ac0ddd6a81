package tui

import (
	"errors"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/mask"
	"github.com/auvenir/auvenir-onboard/internal/phone"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
)

// Option 2: the person types the mobile number they will give Microsoft, and sees it back in
// international form with what to choose on Microsoft's page. A refusal says why in their
// language and leaves the typed text in the field.

func (m Model) updatePhone(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "ctrl+c":
		return m, tea.Quit
	case "esc", "tab":
		m.closeMFA()
		return m, nil
	case "enter":
		m.checkPhone()
		m.refresh()
		return m, nil
	case "up", "down", "pgup", "pgdown":
		m.scroll(msg.String()) // the field has one line: these read the text below it
		return m, nil
	}
	var cmd tea.Cmd
	m.mfa.phone, cmd = m.mfa.phone.Update(msg)
	m.refresh()
	return m, cmd
}

func (m *Model) checkPhone() {
	n, err := phone.Parse(m.mfa.phone.Value())
	var e *locales.Error
	switch {
	case errors.As(err, &e):
		m.mfa.phoneErr = e
		return
	case err != nil:
		m.mfa.phoneErr = phone.ErrSyntax
		return
	}
	m.mfa.number, m.mfa.phoneErr = &n, nil
	m.mfa.phone.SetValue(n.International)
	m.mfa.phone.CursorEnd()
	m.chose(progress.MFAPhone)
}

// shownNumber is the number as the screen may show it: masked in presenter mode.
func (m Model) shownNumber(n string) string {
	if m.presenting() {
		return mask.Phone(n)
	}
	return n
}

// phoneView is option 2's text with its field, in step 9's place under its heading.
func (m Model) phoneView(w int) string {
	st, d := m.st, m.mfaData()
	para := func(id string, data map[string]any) string { return st.Text.Width(w).Render(m.z.T(id, data)) }
	m.mfa.phone.SetWidth(max(10, min(30, w-6)))
	m.mfa.phone.EchoMode, m.mfa.phone.EchoCharacter = m.input.EchoMode, m.input.EchoCharacter // presenter mode hides typing
	out := []string{
		st.SubHeading.Width(w).Render(m.z.T("Step9Option2Heading", d)),
		para("PhoneIntro", d),
		"",
		st.Bold.Render(m.z.T("PhoneLabel", d)),
		st.Box.Render(m.mfa.phone.View()),
	}
	switch n := m.mfa.number; {
	case m.mfa.phoneErr != nil:
		out = append(out, st.Error.Width(w).Render(m.mfa.phoneErr.Message(m.z)))
	case n != nil:
		nd := guide.With(d, "Number", m.shownNumber(n.International), "National", m.shownNumber(n.National),
			"CC", strconv.Itoa(n.CountryCode))
		out = append(out, st.Success.Width(w).Render(m.g.Pass+" "+m.z.T("PhoneShownBack", nd)))
		if n.Region == phone.DefaultRegion {
			out = append(out, para("PhoneOnMicrosoftCanada", nd))
		} else {
			out = append(out, para("PhoneOnMicrosoftOther", nd))
		}
		if !n.SurelyMobile {
			out = append(out, hanging(st.WarningMark.Render("!"), st.Warning, m.z.T("PhoneMaybeLandline", nd), w))
		}
	}
	out = append(out, "",
		st.SubHeading.Width(w).Render(m.z.T("PhoneMethodsHeading", d)),
		hanging(st.accent.Render("•"), st.Text, m.z.T("PhoneByText", d), w),
		hanging(st.accent.Render("•"), st.Text, m.z.T("PhoneByCall", d), w),
		hanging(st.WarningMark.Render("!"), st.Warning, m.z.T("PhoneMustText", d), w),
	)
	return strings.Join(out, "\n")
}
