package plain

import (
	"errors"
	"fmt"

	"github.com/auvenir/auvenir-onboard/internal/guest"
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
			if typed == "" {
				s.email = ""
				return s.addressLines(z), false
			}
			addr, err := guest.Parse(typed)
			var gerr *guest.Error
			switch {
			case errors.As(err, &gerr):
				return []string{z.T(gerr.ID, s.data())}, true
			case err != nil:
				return []string{z.T(guest.ErrSyntax.ID, s.data())}, true
			}
			s.email = addr
			return s.addressLines(z), false
		},
		Show: func(z *locales.Localizer, _ int) []string { return s.addressLines(z) },
	}
}

// addressLines describe the address given, and the guest identity the tenant derives from it.
func (s *session) addressLines(z *locales.Localizer) []string {
	d := s.data()
	if s.email == "" {
		return []string{z.T("AddressNone", d)}
	}
	return []string{z.T("AddressGiven", d), z.T("AddressIdentity", d), fmt.Sprint(d["Identity"])}
}
