package progress

import (
	"errors"
	"io/fs"
	"os"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Locale message IDs of the ways a state file can be unusable.
const (
	IDCorrupt    = "ResumeCorrupt"    // not JSON, unknown fields, or values this program rejects
	IDUnreadable = "ResumeUnreadable" // exists but cannot be read (permissions)
	IDFuture     = "ResumeFuture"     // written by a newer version of the program
	// The path cannot hold progress, and deleting saved progress would not change that: these
	// say what is in the way and what the person can do, never "--reset".
	IDBlocked     = "ResumeBlocked"     // a file stands where the path needs a folder (Blocker)
	IDNotFile     = "ResumeNotFile"     // the state file's name is taken by a folder or a device
	IDResetFailed = "ResumeResetFailed" // the state file is there but could not be deleted
)

// Error is a state file that cannot be used. It is never fatal: the caller prints Message in
// one line and starts without saved progress.
type Error struct {
	ID      string // one of the IDs above
	Path    string
	Blocker string // IDBlocked: the file that stands where a folder is needed
	Var     string // IDNoFolder: the environment variable that names the folder
	Err     error
}

func (e *Error) Error() string { return e.ID + ": " + e.Path + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// Message is the one line that tells the client, in their language.
func (e *Error) Message(z *locales.Localizer) string {
	return z.T(e.ID, guide.With(steps.Facts(), "Path", e.Path, "Blocker", e.Blocker, "ResetFlag", "--reset",
		"Var", e.Var, "Err", errText(e.Err)))
}

func errText(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &pe):
		return pe.Err.Error() // the path is in the message already
	case errors.As(err, &le):
		return le.Err.Error() // a rename names the temporary file
	}
	return err.Error()
}
