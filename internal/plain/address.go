package plain

import (
	"strconv"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// addressField is the address screen's prompt. It checks what is typed exactly as the TUI's
// field does, with the same messages; an empty line means the person prefers not to give one.
func (s *session) addressField() Field {
	return Field{
		Widget:   steps.WidgetAddress,
		MenuID:   "PlainMenuAddress",
		PromptID: "PlainAddressPrompt",
		Private:  true,
		Accept: func(z *locales.Localizer, typed string) ([]string, bool) {
			addr, refusal := guide.CheckAddress(typed)
			if refusal != "" {
				return guide.Texts(guide.AddressLines(z, "", refusal, s.cfg.Presenter)), true
			}
			s.w.SetEmail(addr)
			return s.addressLines(z), false
		},
		Show: func(z *locales.Localizer, _ int) []string { return s.addressLines(z) },
	}
}

// addressLines describe the address given, and the guest identity the tenant derives from it.
func (s *session) addressLines(z *locales.Localizer) []string {
	return guide.Texts(guide.AddressLines(z, s.w.Email(), "", s.cfg.Presenter))
}

// signInField asks step 2's question, "Is this address already a Microsoft
// account?", as numbered answers; steps 3 to 5 then follow the answer, and it is saved with the
// progress.
func (s *session) signInField() Field {
	return Field{
		Widget:   steps.WidgetSignIn,
		MenuID:   "PlainMenuSignIn",
		PromptID: "PlainSignInPrompt",
		Leave:    true,
		Open: func(z *locales.Localizer) ([]string, bool) {
			d := s.data()
			return append(guide.Texts(guide.SignInQuestion(z, steps.SignInUnanswered, d)), guide.SignInAnswers(z, d)...), true
		},
		Accept: func(z *locales.Localizer, typed string) ([]string, bool) {
			choices := steps.SignInChoices()
			n, err := strconv.Atoi(typed)
			if err != nil || n < 1 || n > len(choices) {
				return []string{z.T("PlainInvalidChoice", s.data())}, true
			}
			s.w.AnswerSignIn(choices[n-1])
			return s.signInLines(z), false
		},
		Show: func(z *locales.Localizer, _ int) []string { return s.signInLines(z) },
	}
}

// signInLines say the question and the answer given, if any.
func (s *session) signInLines(z *locales.Localizer) []string {
	return guide.Texts(guide.SignInQuestion(z, s.w.SignIn(), s.data()))
}
