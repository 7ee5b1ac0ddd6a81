package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// A whole error page pasted into the explainer, then Enter: the code, who must act and the
// Correlation ID show, in the language of the moment; Esc leaves.
func TestExplainerPasteAndAnswer(t *testing.T) {
	st := newStyles(true)
	z := locales.New(locales.French)
	e := newExplainer(st)
	page := "AADSTS500213: NotAllowedByInboundPolicyTenant\nCorrelation Id: fcc0a98c-f61e-46c4-97e1-a51c69a1bb94\nTimestamp: 2026-11-29T09:55:00Z"
	e, done, _ := e.update(z, tea.PasteMsg{Content: page})
	if done {
		t.Fatal("a paste closed the explainer")
	}
	e, done, _ = e.update(z, tea.KeyPressMsg{Code: tea.KeyEnter})
	if done || e.report == nil {
		t.Fatalf("Enter did not explain: %+v", e.report)
	}
	view := ansi.Strip(e.render(z, st, guide.Data(""), 70))
	flat := strings.Join(strings.Fields(view), " ")
	for _, want := range []string{"Erreur Microsoft AADSTS500213", "Qui doit agir : le soutien Auvenir",
		"fcc0a98c-f61e-46c4-97e1-a51c69a1bb94", "2026-11-29T09:55:00Z", steps.SupportEmail} {
		if !strings.Contains(strings.ReplaceAll(flat, "\u00a0", " "), want) {
			t.Errorf("answer lacks %q:\n%s", want, view)
		}
	}
	for _, l := range strings.Split(view, "\n") {
		if ansi.StringWidth(l) > 70 {
			t.Errorf("line wider than the column: %q", l)
		}
	}
	// The same answer, worded again in English after l.
	if en := ansi.Strip(e.render(locales.New(locales.English), st, guide.Data(""), 70)); !strings.Contains(en, "Who must act: Auvenir support") {
		t.Errorf("not re-worded in English:\n%s", en)
	}
	if _, done, _ = e.update(z, tea.KeyPressMsg{Code: tea.KeyEscape}); !done {
		t.Fatal("Esc did not leave the explainer")
	}
}

// Enter on an empty field gives one line saying there is nothing to explain.
func TestExplainerEmpty(t *testing.T) {
	st := newStyles(false)
	z := locales.New(locales.English)
	e, _, _ := newExplainer(st).update(z, tea.KeyPressMsg{Code: tea.KeyEnter})
	if e.refusal == nil || !strings.Contains(ansi.Strip(e.render(z, st, guide.Data(""), 60)), "No text to explain") {
		t.Fatalf("empty field: %+v", e.refusal)
	}
}

func TestSignInChooser(t *testing.T) {
	z := locales.New(locales.English)
	key := func(s string) tea.KeyPressMsg {
		switch s {
		case "down":
			return tea.KeyPressMsg{Code: tea.KeyDown}
		case "up":
			return tea.KeyPressMsg{Code: tea.KeyUp}
		case "enter":
			return tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			return tea.KeyPressMsg{Code: tea.KeyEscape}
		}
		return tea.KeyPressMsg{Code: rune(s[0]), Text: s}
	}
	run := func(start steps.SignIn, keys ...string) (steps.SignIn, bool) {
		c := newSignInChooser(start)
		for _, k := range keys {
			var got steps.SignIn
			var done bool
			c, got, done = c.update(z, key(k))
			if done {
				return got, true
			}
		}
		return "", false
	}
	cases := []struct {
		start steps.SignIn
		keys  []string
		want  steps.SignIn
	}{
		{"", []string{"enter"}, steps.SignInWork},
		{"", []string{"down", "down", "enter"}, steps.SignInNone},
		{"", []string{"up", "enter"}, steps.SignInUnsure},
		{steps.SignInPersonal, []string{"enter"}, steps.SignInPersonal},
		{"", []string{"4"}, steps.SignInUnsure},
		{steps.SignInWork, []string{"esc"}, steps.SignInUnanswered},
	}
	for _, c := range cases {
		if got, done := run(c.start, c.keys...); !done || got != c.want {
			t.Errorf("%q then %v: %q, %v", c.start, c.keys, got, done)
		}
	}
	view := ansi.Strip(newSignInChooser(steps.SignInNone).render(z, newStyles(true), guide.Data(""), 80))
	if !strings.Contains(view, "▸ 3. No") || !strings.Contains(view, "Is this address already a Microsoft account?") {
		t.Fatalf("chooser:\n%s", view)
	}
}
