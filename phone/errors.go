package phone

import "github.com/auvenir/auvenir-onboard/locales"

// Error is a reason a number was refused. ID is the locale message that explains it and Data
// fills its template; errors.Is matches on the ID, so compare with the Err* values.
type Error struct {
	ID   string
	Data map[string]any
}

func (e *Error) Error() string { return e.ID }

// Is makes errors.Is(err, ErrNotMobile) true for every ErrNotMobile, whatever its data.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.ID == e.ID
}

// Message is the error in the localizer's language, one line.
func (e *Error) Message(z *locales.Localizer) string { return z.T(e.ID, e.Data) }

var (
	ErrEmpty       = &Error{ID: "PhoneErrEmpty"}
	ErrSyntax      = &Error{ID: "PhoneErrSyntax"}      // not a phone number at all (letters, symbols)
	ErrCountryCode = &Error{ID: "PhoneErrCountryCode"} // "+" and a country code that does not exist
	ErrTooShort    = &Error{ID: "PhoneErrTooShort"}
	ErrTooLong     = &Error{ID: "PhoneErrTooLong"}
	ErrInvalid     = &Error{ID: "PhoneErrInvalid"}   // right length, but no such number (area code…)
	ErrExtension   = &Error{ID: "PhoneErrExtension"} // "ext. 12": a mobile has none
	ErrNotMobile   = &Error{ID: "PhoneErrNotMobile"} // a landline, toll-free, premium… number
)
