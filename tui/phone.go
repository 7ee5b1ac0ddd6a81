package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/phone"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
)

// Option 2: the person types the mobile number they will give Microsoft, and sees it back in
// international form with what to choose on Microsoft's page. A refusal says why in their
// language and leaves the typed text in the field. The words are guide's (PhoneVerdict), shared
// with plain mode.

type phoneScreen struct {
	field  field
	number *phone.Number  // the last number accepted
	err    *locales.Error // the last refusal; the typed text stays in the field
}

func newPhoneScreen() phoneScreen {
	f := textinput.New()
	f.CharLimit = phone.MaxInput
	f.SetWidth(24)
	f.Placeholder = "647 555 0123"
	return phoneScreen{field: newField(f)}
}

var _ = register(idPhone, entry{make: func(Config) screen { return newPhoneScreen() }})

// Letters are text here; P still hides the screen's data (no number has a P in it).
func (phoneScreen) mode(*common) mode { return mode{text: true, globals: gPresenter} }

func (phoneScreen) keys(c *common) []key.Binding {
	k := c.km.phone
	return []key.Binding{k.Check, k.Back}
}

func (s phoneScreen) opened(*common) (screen, tea.Cmd) {
	var cmd tea.Cmd
	s.field, cmd = s.field.Focus()
	return s, cmd
}

func (s phoneScreen) closed(*common) screen {
	s.field = s.field.Blur()
	return s
}

func (s phoneScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	k := c.km.phone
	if press, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(press, k.Back):
			return s, closeScreen{}, nil
		case key.Matches(press, k.Check):
			n, err := guide.PhoneCheck(s.field.Value())
			if err != nil {
				s.err = err
				return s, redraw{}, nil
			}
			s.number, s.err = &n, nil
			s.field = s.field.SetValue(n.International)
			return s, mfaChosen{opt: progress.MFAPhone, number: n.International}, nil
		case key.Matches(press, k.ScrollUp):
			return s, scrollBy{-1}, nil
		case key.Matches(press, k.ScrollDown):
			return s, scrollBy{1}, nil
		}
	}
	var cmd tea.Cmd
	if s.field.Width() != phoneWidth(c) {
		s.field = s.field.with(func(in *textinput.Model) { in.SetWidth(phoneWidth(c)) })
	}
	s.field, cmd = s.field.Update(msg)
	return s, redraw{}, cmd
}

// phoneWidth is the number field's width, inside its box.
func phoneWidth(c *common) int { return max(10, min(30, c.mainWidth()-8)) }

// scrollBy: scroll the walkthrough's text by n lines.
type scrollBy struct{ n int }

// view is option 2's text with its field, in step 9's place under its heading.
func (s phoneScreen) view(c *common, w, _ int) string {
	return s.head(c, w) + "\n" + strings.Join(styleLines(c, guide.PhoneMethods(c.z), w), "\n")
}

// sightLine is the last line of the field and of what it answered (the number, or why not): the
// frame keeps it in sight while the field has the keys, though more text follows it.
func (s phoneScreen) sightLine(c *common, w int) int { return strings.Count(s.head(c, w), "\n") }

// head is the view down to the field and its answer.
func (s phoneScreen) head(c *common, w int) string {
	st, d := c.st, mfaData(c)
	f := s.field.copy()
	f.SetWidth(phoneWidth(c))
	f.SetStyles(st.Input)
	if c.presenter { // presenter mode hides typing
		f.EchoMode, f.EchoCharacter = textinput.EchoPassword, '•'
	}
	out := []string{
		fill(st.SubHeading, c.z.T("Step9Option2Heading", d), w),
		fill(st.Text, c.z.T("PhoneIntro", d), w),
		"",
		st.Bold.Render(c.z.T("PhoneLabel", d)),
		st.Box.Render(f.View()),
	}
	switch {
	case s.err != nil:
		out = append(out, fill(st.Error, s.err.Message(c.z), w))
	case s.number != nil:
		out = append(out, styleLines(c, guide.PhoneVerdict(c.z, *s.number, c.presenter), w)...)
	}
	return strings.Join(out, "\n")
}
