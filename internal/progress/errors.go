package progress

import (
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Locale message IDs of the ways a state file can be unusable.
const (
	IDCorrupt    = "ResumeCorrupt"    // not JSON, unknown fields, or values this program rejects
	IDUnreadable = "ResumeUnreadable" // exists but cannot be read (permissions, not a file)
	IDFuture     = "ResumeFuture"     // written by a newer version of the program
)

// Error is a state file that cannot be used. It is never fatal: the caller prints Message in
// one line and starts without saved progress.
type Error struct {
	ID   string // one of IDCorrupt, IDUnreadable, IDFuture
	Path string
	Err  error
}

func (e *Error) Error() string { return e.ID + ": " + e.Path + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// Message is the one line that tells the client, in their language.
func (e *Error) Message(z *locales.Localizer) string {
	return z.T(e.ID, guide.With(steps.Facts(), "Path", e.Path, "ResetFlag", "--reset"))
}
