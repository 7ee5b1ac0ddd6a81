package phone

import "github.com/auvenir/auvenir-onboard/locales"

// Error is a reason this package refuses its input; see locales.Error.
type Error = locales.Error

var (
	ErrEmpty       = &Error{ID: "PhoneErrEmpty"}
	ErrSyntax      = &Error{ID: "PhoneErrSyntax"}      // not a phone number at all (letters, symbols)
	ErrCountryCode = &Error{ID: "PhoneErrCountryCode"} // "+" and a country code that does not exist
	ErrTooShort    = &Error{ID: "PhoneErrTooShort"}
	ErrTooLong     = &Error{ID: "PhoneErrTooLong"}
	ErrInvalid     = &Error{ID: "PhoneErrInvalid"}    // right length, but no such number (area code…)
	ErrNoAreaCode  = &Error{ID: "PhoneErrNoAreaCode"} // seven digits: a local number without its area code
	ErrExtension   = &Error{ID: "PhoneErrExtension"}  // "ext. 12": a mobile has none
	ErrNotMobile   = &Error{ID: "PhoneErrNotMobile"}  // a landline, toll-free, premium… number
)
