package plain

import (
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/netreport"
	"github.com/auvenir/auvenir-onboard/steps"
)

// plainBlocks replaces the few blocks whose wording names a TUI key: plain mode has numbered
// choices instead, and a screen reader user must hear the number to type.
var plainBlocks = map[string]string{
	"Step3Timer": "PlainStep3Timer",
}

// show writes the current screen: heading, instruction, every block on its own line, then what
// its widget has to say.
func (s *session) show() {
	sc := s.screen()
	d := s.data()
	s.out.line("")
	heading := guide.Heading(s.z, sc)
	if sc.Kind == steps.KindStep {
		heading = s.z.T("PlainHeading", guide.With(d, "Heading", heading, "Title", guide.Title(s.z, sc, d)))
	}
	s.out.line(heading)
	if lead := guide.Lead(s.z, sc, d); lead != "" {
		s.out.line(lead)
	}
	for _, b := range guide.Blocks(sc, d) {
		if id, ok := plainBlocks[b.ID]; ok {
			b.ID = id
		}
		text := guide.BlockText(s.z, b, d)
		switch b.Kind {
		case steps.Bullet, steps.Warning, steps.Link, steps.Contact, steps.StorePage:
			// A leading dash marks a list item; screen readers pass over it at their
			// default punctuation level.
			text = "- " + text
		}
		s.out.line(text)
	}
	for _, l := range s.widgetLines(sc) {
		s.out.line(l)
	}
	// The support contacts on every screen, as the wizard's footer shows them: a client stuck
	// half-way should not have to reach the end to learn whom to call (issue 20, item 5).
	s.out.line(s.z.T("PlainEnd", d))
	s.out.line("")
}

func (s *session) widgetLines(sc steps.Screen) []string {
	var lines []string
	switch {
	case !s.hasTimer(sc.Widget):
	case sc.Widget == steps.WidgetCodeSent:
		if !s.w.CodeSent().IsZero() {
			lines = append(lines, s.timerLine())
		}
	case sc.Widget == steps.WidgetCodeTimer:
		lines = append(lines, s.timerLine())
	}
	if sc.Widget == steps.WidgetNetworkCheck {
		// Plain mode does not run the check itself: it gives the command IT runs.
		d := netreport.Data()
		lines = append(lines, s.z.T("PlainNetHint", d), d["Cmd"].(string)+" "+d["CheckFlag"].(string))
	}
	for _, f := range s.screenFields(sc) {
		if f.Show != nil {
			lines = append(lines, f.Show(s.z, f.n)...)
		}
	}
	return lines
}
