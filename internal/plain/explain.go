package plain

import (
	"errors"
	"strings"

	"github.com/auvenir/auvenir-onboard/internal/explain"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// explainField is the wizard's error explainer (x) in plain mode: the client pastes the text of a
// Microsoft error page, ending with an empty line, and hears package explain's answer, worded as
// the wizard and --explain word it (issue 20, item 5). It is offered where the wizard offers it:
// on the guide's steps and on the finish.
func (s *session) explainField() Field {
	return Field{
		On: func(sc steps.Screen) bool {
			return sc.Kind == steps.KindStep || sc.Kind == steps.KindFinish
		},
		N:        choiceExplain,
		MenuID:   "PlainMenuExplain",
		PromptID: "PlainExplainPrompt",
		Lines:    true,
		Private:  true, // a pasted page may quote the client's address
		Accept: func(z *locales.Localizer, typed string) ([]string, bool) {
			r, err := explain.Parse(strings.TrimSpace(typed))
			if err != nil {
				var le *locales.Error
				if !errors.As(err, &le) {
					le = explain.ErrBinary
				}
				return []string{z.T(le.ID, mergeData(s.data(), le.Data))}, false
			}
			var out []string
			for _, l := range explain.Answer(z, r, s.data()) {
				switch l.Kind {
				case explain.LineField, explain.LineDetail, explain.LineContact:
					out = append(out, "- "+l.Text)
				default:
					out = append(out, l.Text)
				}
			}
			return out, false
		},
	}
}

// readUntilEmpty reads lines up to an empty one (or the end of input), joined; false when the
// input ended.
func (s *session) readUntilEmpty() (string, bool) {
	var lines []string
	for len(lines) < explainMaxLines {
		l, ok := s.in.read()
		if !ok {
			return strings.Join(lines, "\n"), false
		}
		if l == "" {
			break
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n"), true
}

// explainMaxLines bounds a paste: an error page is a few lines; a stray file is not read whole.
const explainMaxLines = 200

func mergeData(d map[string]any, more map[string]any) map[string]any {
	for k, v := range more {
		d[k] = v
	}
	return d
}
