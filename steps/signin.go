package steps

// SignIn is what the client's invited address already is, asked on the address screen. Microsoft
// redeems a guest invitation with what the address already is, in this order: a work or school
// (Microsoft Entra) account, then a personal Microsoft account, and only otherwise the email
// one-time passcode of steps 3 to 5. Sources: Microsoft Learn, "B2B collaboration invitation
// redemption" (docs/external-id/redemption-experience.md, "Invitation redemption flow") and
// "Email one-time passcode authentication" (docs/external-id/one-time-passcode.md, "When does a
// guest user get a one-time passcode?").
type SignIn string

const (
	SignInUnanswered SignIn = ""         // not asked yet, or skipped: the PDF's path
	SignInWork       SignIn = "work"     // the address is a work or school Microsoft 365 account
	SignInPersonal   SignIn = "personal" // the address is a personal Microsoft account
	SignInNone       SignIn = "none"     // neither: Microsoft emails a code (steps 3 to 5)
	SignInUnsure     SignIn = "unsure"   // the client does not know: show both paths
)

// SignInChoices are the answers in the order the question offers them.
func SignInChoices() []SignIn {
	return []SignIn{SignInWork, SignInPersonal, SignInNone, SignInUnsure}
}

// Valid reports whether s is one of the answers (or no answer).
func (s SignIn) Valid() bool {
	switch s {
	case SignInUnanswered, SignInWork, SignInPersonal, SignInNone, SignInUnsure:
		return true
	}
	return false
}

// LabelID is the locale message of the answer, as the question lists it.
func (s SignIn) LabelID() string {
	switch s {
	case SignInWork:
		return "SignInWork"
	case SignInPersonal:
		return "SignInPersonal"
	case SignInNone:
		return "SignInNone"
	case SignInUnsure:
		return "SignInUnsure"
	}
	return "SignInUnansweredLabel"
}

// Audience is the set of sign-in paths a block speaks to.
type Audience uint8

const (
	ForCode     Audience = 1 << iota // the emailed code (no account, or not answered)
	ForWork                          // the address is a work or school account
	ForPersonal                      // the address is a personal Microsoft account
	ForUnsure                        // only for a client who does not know which applies
	// ForAccount is both account paths: Microsoft asks for a password instead of a code.
	ForAccount = ForWork | ForPersonal
)

// Audience is the set of paths that apply to the answer: "I don't know" gets them all.
func (s SignIn) Audience() Audience {
	switch s {
	case SignInWork:
		return ForWork
	case SignInPersonal:
		return ForPersonal
	case SignInUnsure:
		return ForCode | ForWork | ForPersonal | ForUnsure
	}
	return ForCode
}

// UsesPassword reports whether Microsoft asks this client for a password instead of emailing a
// code, so steps 3 to 5 lead with the password.
func (s SignIn) UsesPassword() bool { return s == SignInWork || s == SignInPersonal }
