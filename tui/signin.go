package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Step 2 asks "Is this address already a Microsoft account?". Microsoft redeems the invitation
// with what the address already is (steps/signin.go), so steps 3 to 5 follow the answer: the
// emailed code, or the password of the account. m shows the four answers, one marked, moved with
// ↑/↓ and chosen with Enter or its number; the answer is saved with the progress.

// signInChosen: the person answered; the root keeps the answer in common.signIn.
type signInChosen struct{ answer steps.SignIn }

type signInScreen struct {
	choosing bool // the answers are shown and have the keys
	cursor   int  // the marked answer
}

var _ = register(idSignIn, entry{widget: steps.WidgetSignIn, make: func(Config) screen { return signInScreen{} }})

// While the answers are shown, ↑/↓ move the mark: on a small window the frame must keep the
// answers in sight, since those keys no longer scroll.
func (s signInScreen) mode(*common) mode { return mode{globals: gAll, follow: s.choosing} }

func (s signInScreen) keys(c *common) []key.Binding {
	k := c.km.signIn
	if s.choosing {
		return []key.Binding{k.Up, k.Down, k.Choose, k.Close}
	}
	return []key.Binding{k.Answer}
}

func (s signInScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	k := c.km.signIn
	press, _ := msg.(tea.KeyPressMsg)
	choices := steps.SignInChoices()
	switch {
	case !s.choosing && key.Matches(press, k.Answer):
		s.choosing, s.cursor = true, 0
		for i, a := range choices {
			if a == c.walk.SignIn() {
				s.cursor = i
			}
		}
		return s, redraw{}, nil
	case !s.choosing:
		return s, unchanged{}, nil
	case key.Matches(press, k.Up):
		s.cursor = (s.cursor + len(choices) - 1) % len(choices)
	case key.Matches(press, k.Down):
		s.cursor = (s.cursor + 1) % len(choices)
	case key.Matches(press, k.Choose):
		if n := int(press.Code - '0'); n >= 1 && n <= len(choices) {
			s.cursor = n - 1 // an answer's number, rather than enter on the marked one
		}
		s.choosing = false
		return s, signInChosen{choices[s.cursor]}, nil
	case key.Matches(press, k.Close):
		s.choosing = false
	}
	return s, redraw{}, nil
}

// view is the question under step 2's text: the answer given, or the four answers to pick from.
func (s signInScreen) view(c *common, w, _ int) string {
	st, d := c.st, c.data()
	question := func(answer steps.SignIn) []string {
		// The widget already stands a blank line under the step's text.
		return styleLines(c, guide.SignInQuestion(c.z, answer, d), w)[1:]
	}
	if s.choosing {
		out := question(steps.SignInUnanswered)
		for i, a := range guide.SignInAnswers(c.z, d) {
			mark, style := " ", st.Text
			if i == s.cursor {
				mark, style = st.accent.Render(glyphs.Current), st.Bold
			}
			out = append(out, hanging(mark, style, a, w))
		}
		return strings.Join(out, "\n")
	}
	out := question(c.walk.SignIn())
	press := "SignInPress"
	if c.walk.SignIn() != steps.SignInUnanswered {
		press = "SignInChange"
	}
	return strings.Join(append(out, fill(st.Text, c.z.T(press, d), w)), "\n")
}
