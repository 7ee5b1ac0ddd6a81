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

// The error explainer (x, on any screen of the walkthrough): a field to paste the text of a
// Microsoft error page into, and under it package explain's answer, worded as --explain words
// it: the code, what it means, who must act and what to do, then the Correlation ID and the
// Timestamp with the support contacts. The answer is worded when drawn, so l re-words it.
type explainScreen struct {
	field   textinput.Model
	report  *explain.Report // the last text explained; nil before the first Enter
	refusal *locales.Error  // the text cannot be a message: one line says why
}

func newExplainScreen() explainScreen {
	f := textinput.New()
	f.CharLimit = explain.MaxInput
	f.Prompt = "› "
	return explainScreen{field: f}
}

var _ = register(idExplain, entry{make: func(Config) screen { return newExplainScreen() }})

// Letters are text here; only ctrl+c of the root's keys applies.
func (explainScreen) mode(*common) mode { return mode{text: true} }

func (explainScreen) keys(c *common) []key.Binding {
	k := c.km.explain
	return []key.Binding{k.Submit, k.Close}
}

func (s explainScreen) opened(*common) (screen, tea.Cmd) { return s, s.field.Focus() }

func (s explainScreen) closed(*common) screen {
	s.field.Blur()
	return s
}

func (s explainScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	k := c.km.explain
	if press, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(press, k.Close):
			return s, closeScreen{}, nil
		case key.Matches(press, k.Submit):
			s.report, s.refusal = nil, nil
			r, err := explain.Parse(s.field.Value())
			if err != nil {
				var le *locales.Error
				if !errors.As(err, &le) {
					le = explain.ErrBinary
				}
				if errors.Is(err, explain.ErrEmpty) { // no command-line advice in the wizard
					le = explain.ErrEmptyWizard
				}
				s.refusal = le
			} else {
				s.report = &r
			}
			return s, redraw{}, nil
		// The answer ends with the Correlation ID and Timestamp support asks for: on a small
		// window they are below the fold, and the frame's hint says ↑/↓ reach them.
		case key.Matches(press, k.ScrollUp):
			return s, scrollBy{-1}, nil
		case key.Matches(press, k.ScrollDown):
			return s, scrollBy{1}, nil
		}
	}
	var cmd tea.Cmd
	s.field, cmd = s.field.Update(msg)
	cleanInput(&s.field)
	return s, redraw{}, cmd
}

// view is the explainer in the step's place.
func (s explainScreen) view(c *common, w, _ int) string {
	st, d := c.st, c.data()
	f := s.field
	f.SetWidth(max(10, w-4))
	f.SetStyles(st.Input)
	if c.presenter { // a pasted error page may quote the client's address
		f.EchoMode, f.EchoCharacter = textinput.EchoPassword, '•'
	}
	out := []string{
		fill(st.SubHeading, c.z.T("ExplainTitle", d), w),
		fill(st.Text, c.z.T("ExplainPasteHint", d), w),
		"",
		// A pasted page is one long line in the field: it shows its start, cut at the column.
		ansi.Truncate(f.View(), w, "…"),
	}
	switch {
	case s.refusal != nil:
		out = append(out, "", fill(st.Error, c.z.T(s.refusal.ID, mergeData(d, s.refusal.Data)), w))
	case s.report != nil:
		for _, l := range explain.Answer(c.z, *s.report, d) {
			switch l.Kind {
			case explain.LineHeading:
				out = append(out, "", fill(st.SubHeading, l.Text, w))
			case explain.LineField:
				out = append(out, hanging(st.accent.Render(glyphs.Bullet), st.Text, l.Text, w))
			case explain.LineDetail:
				// An identifier goes whole on its own line, where it can be read out or copied.
				out = append(out, hanging(st.accent.Render(glyphs.Bullet), st.Bold, l.Label, w), "    "+l.Value)
			case explain.LineContact:
				out = append(out, hanging(st.accent.Render(glyphs.Bullet), st.Contact, l.Text, w))
			default:
				out = append(out, fill(st.Text, l.Text, w))
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
