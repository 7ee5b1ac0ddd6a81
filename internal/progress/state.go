// Package progress remembers where a client stopped, so the guide can offer to resume there
// tomorrow. It saves only what the walkthrough needs to pick up again: the State type has no
// field that could hold a TOTP secret or a code, so none can ever reach the disk.
package progress

import (
	"errors"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/guest"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Version is the format of the file this program writes. A file with a higher version comes
// from a newer program and is left alone rather than misread.
const Version = 1

// MFA is the way the client chose to confirm sign-ins on step 9.
type MFA string

const (
	MFAUnset         MFA = ""
	MFAAuthenticator MFA = "authenticator" // option 1: the Microsoft Authenticator app
	MFAPhone         MFA = "phone"         // option 2: a code by text message or call
	// MFATrusted: Microsoft asked for no method at step 9, as DMC Hosting trusts the
	// multifactor authentication of the client's own organisation: nothing to set up.
	MFATrusted MFA = "trusted"
)

// State is the saved progress.
type State struct {
	Version int          `json:"version"`
	Screen  string       `json:"screen"` // steps.Screen.Key of the screen the client was on
	Lang    locales.Lang `json:"lang"`
	Email   string       `json:"email,omitempty"` // the address typed on the address screen
	MFA     MFA          `json:"mfa,omitempty"`
	// SignIn is the answer to "Is this address already a Microsoft account?": steps 3 to 5
	// follow it.
	SignIn steps.SignIn `json:"sign_in,omitempty"`
	// CodeSent is when the client said they clicked « Send code »; zero when they have not.
	CodeSent time.Time `json:"code_sent,omitzero"`
}

// TimerStarted reports whether the 30-minute code timer was started.
func (s State) TimerStarted() bool { return !s.CodeSent.IsZero() }

// CodeValidity is how long Microsoft's emailed code works.
const CodeValidity = steps.CodeValidMinutes * time.Minute

// CodeLeft is how long a code sent at sent still works at now, between 0 and CodeValidity
// whatever the clocks say: a sending time in the future (the clock was put back since, or a
// hand-edited file) counts as just sent, never as more than 30 minutes left, and the arithmetic
// cannot overflow for any time.Time (year 9999 included).
func CodeLeft(sent, now time.Time) time.Duration {
	if sent.IsZero() {
		return 0
	}
	elapsed := max(0, now.Sub(sent)) // Sub saturates instead of overflowing
	return max(0, CodeValidity-elapsed)
}

// errInvalid is a state that names something this program does not know.
var errInvalid = errors.New("invalid progress")

// validate checks every field against what the program accepts, so a hand-edited or damaged
// file cannot put the wizard on a screen or in a language that does not exist.
func (s State) validate() error {
	if steps.ByKey(steps.All(), s.Screen) < 0 {
		return errInvalid
	}
	if s.Lang != locales.French && s.Lang != locales.English {
		return errInvalid
	}
	if s.Email != "" {
		if addr, err := guest.Parse(s.Email); err != nil || addr != s.Email {
			return errInvalid
		}
	}
	switch s.MFA {
	case MFAUnset, MFAAuthenticator, MFAPhone, MFATrusted:
	default:
		return errInvalid
	}
	if !s.SignIn.Valid() {
		return errInvalid
	}
	return nil
}
