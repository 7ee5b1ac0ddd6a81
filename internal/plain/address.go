package plain

import (
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
			s.email = addr
			return s.addressLines(z), false
		},
		Show: func(z *locales.Localizer, _ int) []string { return s.addressLines(z) },
	}
}

// addressLines describe the address given, and the guest identity the tenant derives from it.
func (s *session) addressLines(z *locales.Localizer) []string {
	return guide.Texts(guide.AddressLines(z, s.email, "", s.cfg.Presenter))
}
