package qr

import "github.com/auvenir/auvenir-onboard/locales"

// Error is a reason this package refuses its input; see locales.Error.
type Error = locales.Error

var (
	// ErrTooLong: the text does not fit in the largest QR code (Data: Max bytes).
	ErrTooLong = &Error{ID: "QrErrTooLong"}
	// ErrTooSmall: the window is smaller than the smallest acceptable drawing (Data: W, H).
	ErrTooSmall = &Error{ID: "QrErrTooSmall"}
)

func newError(kind *Error, data map[string]any) *Error { return kind.With(data) }
