package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// signInChooser asks "Is this address already a Microsoft account?": the four answers, one
// marked, moved with ↑/↓ and chosen with Enter (or its number). Steps 3 to 5 follow the answer.
// Like the explainer it knows nothing of the walkthrough.
type signInChooser struct{ cursor int }

type signInKeys struct{ Up, Down, Choose, Close key.Binding }

func newSignInKeys(z *locales.Localizer) signInKeys {
	return signInKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", z.T("SignInKeyMove"))),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", z.T("SignInKeyMove"))),
		Choose: key.NewBinding(key.WithKeys("enter", "1", "2", "3", "4"), key.WithHelp(z.T("KeyNameEnter"), z.T("KeyConfirm"))),
		Close:  key.NewBinding(key.WithKeys("esc"), key.WithHelp(z.T("KeyNameEsc"), z.T("KeyBack"))),
	}
}

// newSignInChooser starts on the current answer, or on the first one.
func newSignInChooser(current steps.SignIn) signInChooser {
	for i, a := range steps.SignInChoices() {
		if a == current {
			return signInChooser{cursor: i}
		}
	}
	return signInChooser{}
}

// update handles a key: chosen is the answer when one was picked, done when the chooser closes.
func (c signInChooser) update(z *locales.Localizer, msg tea.KeyPressMsg) (_ signInChooser, chosen steps.SignIn, done bool) {
	k := newSignInKeys(z)
	n := len(steps.SignInChoices())
	switch {
	case key.Matches(msg, k.Up):
		c.cursor = (c.cursor + n - 1) % n
	case key.Matches(msg, k.Down):
		c.cursor = (c.cursor + 1) % n
	case key.Matches(msg, k.Choose):
		if d, err := strconv.Atoi(msg.String()); err == nil {
			c.cursor = d - 1
		}
		return c, steps.SignInChoices()[c.cursor], true
	case key.Matches(msg, k.Close):
		return c, steps.SignInUnanswered, true
	}
	return c, steps.SignInUnanswered, false
}

// render draws the question and its answers in a column w cells wide.
func (c signInChooser) render(z *locales.Localizer, st Styles, data map[string]any, w int) string {
	out := []string{st.SubHeading.Width(w).Render(z.T("SignInQuestion", data)),
		st.Muted.Width(w).Render(z.T("SignInWhy", data)), ""}
	for i, a := range steps.SignInChoices() {
		mark, style := " ", st.Text
		if i == c.cursor {
			mark, style = st.accent.Render("▸"), st.Bold
		}
		out = append(out, hanging(mark, style, strconv.Itoa(i+1)+". "+z.T(a.LabelID(), data), w))
	}
	return strings.Join(out, "\n")
}
