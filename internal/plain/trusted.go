package plain

import (
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// trustedField is step 9's ending for a client whom Microsoft asked for no method: DMC Hosting
// trusts their organisation's multifactor authentication (tui/trusted.go has the source). It is
// offered only where the address may be an organisation's account, says what it means, and
// records it in the walk once the client confirms. This file and its line in builtinFields are
// all it took to add.
func (s *session) trustedField() Field {
	return Field{
		Widget:   steps.WidgetMFAOptions,
		MenuID:   "PlainMenuTrusted",
		PromptID: "PlainTrustedPrompt",
		Leave:    true,
		Hidden:   func() bool { return !s.w.TrustPossible() },
		Open: func(z *locales.Localizer) ([]string, bool) {
			d := s.data()
			return []string{z.T("TrustedTitle", d), z.T("TrustedWhen", d), z.T("TrustedMeaning", d), z.T("TrustedOtherwise", d)}, true
		},
		Accept: func(z *locales.Localizer, typed string) ([]string, bool) {
			if typed != "1" {
				return []string{z.T("PlainInvalidChoice", s.data())}, true
			}
			s.w.Rehearse(progress.MFATrusted, "")
			return []string{z.T("TrustedRecorded", s.data())}, false
		},
	}
}
