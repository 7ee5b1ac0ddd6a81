package plain

import (
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Step 9's option 2 in plain mode: the person types the mobile number they will give Microsoft
// and hears it back in international form, with what to choose on Microsoft's page; a refusal
// says why in one line, with the TUI's messages (package phone), and asks again.

func (s *session) phoneField() Field {
	return Field{
		Widget:   steps.WidgetMFAOptions,
		MenuID:   "PlainMenuPhone",
		PromptID: "PlainPhonePrompt",
		Private:  true,
		Open: func(z *locales.Localizer) ([]string, bool) {
			return []string{z.T("PhoneIntro", s.data())}, true
		},
		Accept: s.checkPhone,
		Leave:  true,
		Hidden: func() bool { return !guide.PhoneOffered(s.data()) },
		Show: func(z *locales.Localizer, n int) []string {
			d := guide.With(s.data(), "N", n)
			lines := []string{z.T("PlainStep9Phone", d)}
			if n := s.w.Number(); n != "" {
				lines = append(lines, z.T("Step9PhoneDone", guide.With(d, "Number", s.shownNumber(n))))
			}
			return lines
		},
	}
}

func (s *session) checkPhone(z *locales.Localizer, typed string) ([]string, bool) {
	n, refusal := guide.PhoneCheck(typed)
	if refusal != nil {
		return []string{refusal.Message(z)}, true
	}
	s.w.NumberChecked(n.International)
	var lines []string
	for _, l := range append(guide.PhoneVerdict(z, n, s.cfg.Presenter), guide.PhoneMethods(z)...) {
		if l.Tone == guide.Item {
			l.Text = "- " + l.Text // a list item, as show writes them
		}
		lines = append(lines, l.Text)
	}
	return lines, false
}
