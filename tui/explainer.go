package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/auvenir/auvenir-onboard/internal/explain"
	"github.com/auvenir/auvenir-onboard/locales"
)

// explainer is the wizard's error explainer (key x): a field to paste the text of Microsoft's
// error page into, and under it the answer of package explain, worded as --explain words it. It
// knows nothing of the walkthrough: the root opens it, passes it keys and pastes, and closes it
// when it says so. The answer is worded when drawn, so switching language re-words it.
type explainer struct {
	input   textinput.Model
	report  *explain.Report // the last text explained; nil before the first Enter
	refusal *locales.Error  // the text cannot be a message: one line says why
}

// explainerKeys are the explainer's own keys; letters go to the field.
type explainerKeys struct{ Submit, Close key.Binding }

func newExplainerKeys(z *locales.Localizer) explainerKeys {
	return explainerKeys{
		Submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp(z.T("KeyNameEnter"), z.T("ExplainKeySubmit"))),
		Close:  key.NewBinding(key.WithKeys("esc"), key.WithHelp(z.T("KeyNameEsc"), z.T("KeyBack"))),
	}
}

func newExplainer(st Styles) explainer {
	in := textinput.New()
	in.CharLimit = explain.MaxInput
	in.Prompt = "› "
	in.SetStyles(st.Input)
	in.Focus()
	return explainer{input: in}
}

// update handles a key or a paste; done reports that the person left the explainer.
func (e explainer) update(z *locales.Localizer, msg tea.Msg) (_ explainer, done bool, _ tea.Cmd) {
	k := newExplainerKeys(z)
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, k.Close):
			return e, true, nil
		case key.Matches(kp, k.Submit):
			return e.submit(), false, nil
		}
	}
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	return e, false, cmd
}

// submit explains what the field holds.
func (e explainer) submit() explainer {
	e.report, e.refusal = nil, nil
	r, err := explain.Parse(e.input.Value())
	if err != nil {
		var le *locales.Error
		if !errors.As(err, &le) {
			le = explain.ErrBinary
		}
		e.refusal = le
		return e
	}
	e.report = &r
	return e
}

// render draws the explainer in a column w cells wide: title, how to use it, the field, then the
// answer (or the one-line refusal). data holds the guide's facts.
func (e explainer) render(z *locales.Localizer, st Styles, data map[string]any, w int) string {
	e.input.SetWidth(max(10, w-4))
	out := []string{
		st.Heading.Render(z.T("ExplainTitle", data)),
		st.Text.Width(w).Render(z.T("ExplainPasteHint", data)),
		"",
		// A pasted page is one long line in the field: it shows its start, cut at the column.
		ansi.Truncate(e.input.View(), w, "…"),
	}
	switch {
	case e.refusal != nil:
		out = append(out, "", st.Error.Width(w).Render(z.T(e.refusal.ID, mergeData(data, e.refusal.Data))))
	case e.report != nil:
		for _, l := range explain.Answer(z, *e.report, data) {
			switch l.Kind {
			case explain.LineHeading:
				out = append(out, "", st.SubHeading.Width(w).Render(l.Text))
			case explain.LineField:
				out = append(out, hanging(st.accent.Render("•"), st.Text, l.Text, w))
			case explain.LineDetail:
				// An identifier goes whole on its own line, where it can be read out or copied.
				out = append(out, hanging(st.accent.Render("•"), st.Bold, l.Label, w), "    "+l.Value)
			case explain.LineContact:
				out = append(out, hanging(st.accent.Render("•"), st.Contact, l.Text, w))
			default:
				out = append(out, st.Text.Width(w).Render(l.Text))
			}
		}
	}
	return strings.Join(out, "\n")
}

// mergeData is data with more values, for a refusal's own template data.
func mergeData(data, more map[string]any) map[string]any {
	d := make(map[string]any, len(data)+len(more))
	for k, v := range data {
		d[k] = v
	}
	for k, v := range more {
		d[k] = v
	}
	return d
}
