package otpauth

import "github.com/auvenir/auvenir-onboard/locales"

// Error is a reason this package refuses its input; see locales.Error.
type Error = locales.Error

var (
	ErrEmpty         = &Error{ID: "OtpauthErrEmpty"}         // nothing but white space
	ErrTooLong       = &Error{ID: "OtpauthErrTooLong"}       // Data: Max (bytes)
	ErrSyntax        = &Error{ID: "OtpauthErrSyntax"}        // not a URI, or control characters
	ErrScheme        = &Error{ID: "OtpauthErrScheme"}        // Data: Scheme ("otpauth://")
	ErrType          = &Error{ID: "OtpauthErrType"}          // not otpauth://totp/ (hotp, say); Data: Want
	ErrDuplicate     = &Error{ID: "OtpauthErrDuplicate"}     // Data: Param
	ErrSecretMissing = &Error{ID: "OtpauthErrSecretMissing"} // Data: Param
	ErrSecret        = &Error{ID: "OtpauthErrSecret"}        // not base32
	ErrSecretShort   = &Error{ID: "OtpauthErrSecretShort"}   // Data: Min (base32 characters)
	ErrDigits        = &Error{ID: "OtpauthErrDigits"}        // Data: Param
	ErrPeriod        = &Error{ID: "OtpauthErrPeriod"}        // Data: Param, Min, Max (seconds)
	ErrAlgorithm     = &Error{ID: "OtpauthErrAlgorithm"}     // Data: Param, Algorithms
	ErrRead          = &Error{ID: "OtpauthErrRead"}          // standard input failed; Data: Err
)

func fail(kind *Error, data map[string]any) error { return kind.With(data) }
