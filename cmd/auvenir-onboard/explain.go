package main

import (
	"errors"
	"fmt"

	"github.com/auvenir/auvenir-onboard/internal/explain"
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// setExplain takes the value of --explain: any text is accepted here, and judged by runExplain,
// so an empty or binary text gets its own message rather than "invalid value".
func setExplain(o *options, v string) bool {
	o.explain, o.explainSet = v, true
	return true
}

// runExplain answers --explain: the text given, or standard input for "-". An answer (a known
// code, an unknown one, or none) exits 0; text that cannot be a message exits 2 with one line.
func runExplain(s *ioStreams, arg string, z *locales.Localizer) int {
	stdout, stderr := &checkedWriter{w: s.Out}, s.ErrOut
	data := steps.Facts()
	text := arg
	var err error
	if arg == "-" {
		text, err = explain.Read(s.In)
	}
	var rep explain.Report
	if err == nil {
		rep, err = explain.Parse(text)
	}
	if err != nil {
		var e *locales.Error
		if !errors.As(err, &e) {
			e = explain.ErrBinary
		}
		fmt.Fprintln(stderr, z.T(e.ID, guide.With(data, flatten(e.Data)...)))
		return 2
	}
	for i, l := range explain.Answer(z, rep, data) {
		switch l.Kind {
		case explain.LineHeading:
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			fmt.Fprintln(stdout, l.Text)
		case explain.LineField, explain.LineDetail, explain.LineContact:
			fmt.Fprintln(stdout, "  "+l.Text)
		default:
			fmt.Fprintln(stdout, l.Text)
		}
	}
	return s.written(z, stdout, 0)
}
