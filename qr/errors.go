package qr

import "github.com/auvenir/auvenir-onboard/locales"

// Error is a reason a code cannot be shown. ID is the locale message that explains it and Data
// fills its template; errors.Is matches on the ID, so compare with the Err* values.
type Error struct {
	ID   string
	Data map[string]any
}

func (e *Error) Error() string { return e.ID }

// Is makes errors.Is(err, ErrTooLong) true for every ErrTooLong, whatever its data.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.ID == e.ID
}

// Message is the error in the localizer's language.
func (e *Error) Message(z *locales.Localizer) string { return z.T(e.ID, e.Data) }

var (
	// ErrTooLong: the text does not fit in the largest QR code (Data: Max bytes).
	ErrTooLong = &Error{ID: "QrErrTooLong"}
	// ErrTooSmall: the window is smaller than the smallest acceptable drawing (Data: W, H).
	ErrTooSmall = &Error{ID: "QrErrTooSmall"}
)

func newError(kind *Error, data map[string]any) *Error { return &Error{ID: kind.ID, Data: data} }
