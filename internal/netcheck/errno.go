package netcheck

import (
	"errors"
	"syscall"
)

// isRefused reports a connection actively refused. On Windows Go returns the Winsock error
// (WSAECONNREFUSED, 10061), which is not syscall.ECONNREFUSED there: both are checked.
func isRefused(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, errConnRefused)
}

// isReset reports a connection reset by the peer (WSAECONNRESET, 10054, on Windows).
func isReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, errConnReset)
}
