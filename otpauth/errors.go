package otpauth

import "github.com/auvenir/auvenir-onboard/locales"

// Error is a reason a URI was refused. ID is the locale message that explains it and Data fills
// its template; errors.Is matches on the ID, so compare with the Err* values.
type Error struct {
	ID   string
	Data map[string]any
}

func (e *Error) Error() string { return e.ID }

// Is makes errors.Is(err, ErrDigits) true for every ErrDigits, whatever its data.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.ID == e.ID
}

// Message is the error in the localizer's language, one line.
func (e *Error) Message(z *locales.Localizer) string { return z.T(e.ID, e.Data) }

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

func fail(kind *Error, data map[string]any) error { return &Error{ID: kind.ID, Data: data} }
