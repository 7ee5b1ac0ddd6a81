package totp

import (
	"strconv"
	"sync"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
)

// Period is the TOTP time step (RFC 6238's X), what every authenticator app uses by default.
const Period = 30 * time.Second

// Window is how many steps either side of now count as the right time: one step is 30 s, enough
// for the seconds it takes to read and type a code.
const Window = 1

// MaxSkew is how far off (either way) a phone's clock is still recognised and reported as ahead
// or behind, instead of "no match": 10 minutes, 20 steps.
const MaxSkew = 10 * time.Minute

const maxSkewSteps = int64(MaxSkew / Period)

// Outcome is what a typed code turned out to be.
type Outcome int

const (
	// Malformed: not six digits (see ParseCode). Nothing was checked.
	Malformed Outcome = iota
	// Verified: the code belongs to the current step or the one before or after it.
	Verified
	// ClockAhead: the code belongs to a later step, 2 to 20 steps (1 to 10 minutes) after now,
	// so the phone's clock is ahead of this computer's.
	ClockAhead
	// ClockBehind: the code belongs to an earlier step, 2 to 20 steps before now.
	ClockBehind
	// NoMatch: the code belongs to no step within MaxSkew.
	NoMatch
	// Replayed: the code belongs to a step whose code was already accepted: a code is
	// accepted once (RFC 6238 §5.2). An older code that was never typed is not "already used"
	// (a client who typed it was told so and stopped trusting the practice): it is judged by
	// its time like any other.
	Replayed
)

var outcomeNames = [...]string{"Malformed", "Verified", "ClockAhead", "ClockBehind", "NoMatch", "Replayed"}

func (o Outcome) String() string {
	if o >= 0 && int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return "Outcome(" + strconv.Itoa(int(o)) + ")"
}

// Result is the verdict on one code.
type Result struct {
	Outcome Outcome
	// Steps is how many 30-second steps the code's step is from now: positive when the code is
	// from the future (phone ahead). Zero for Malformed and NoMatch.
	Steps int
	// Minutes is the clock difference for ClockAhead and ClockBehind, rounded to the nearest
	// minute (half a minute up), at least 1: Steps × 30 s is the best estimate, the true
	// difference being within 30 s of it.
	Minutes int
}

// MessageID is the locale message that tells the person the result (data: Result.Data()).
func (r Result) MessageID() string {
	switch r.Outcome {
	case Verified:
		return "TotpVerified"
	case ClockAhead, ClockBehind:
		id := "TotpClockAhead"
		if r.Outcome == ClockBehind {
			id = "TotpClockBehind"
		}
		if r.Minutes == 1 {
			id += "One" // go-i18n plurals need PluralCount, which locales.T does not pass
		}
		return id
	case NoMatch:
		return "TotpNoMatch"
	case Replayed:
		return "TotpReplayed"
	}
	return "TotpMalformed"
}

// Data is the template data of MessageID.
func (r Result) Data() map[string]any {
	return map[string]any{"Minutes": r.Minutes, "Digits": CodeLen}
}

// Verifier checks codes against one secret (SHA1, 6 digits, 30 s) and remembers the steps whose
// code it accepted, so a code is never accepted twice. It is safe for concurrent use.
type Verifier struct {
	secret string // base32, in memory only

	mu       sync.Mutex
	accepted map[int64]bool // the steps whose code was accepted, within MaxSkew of the last check
}

// NewVerifier returns a verifier for a base32 secret (any case, padding optional, at least 80
// bits); the error is an *otpauth.Error.
func NewVerifier(secret string) (*Verifier, error) {
	s, err := otpauth.Secret(secret)
	if err != nil {
		return nil, err
	}
	return &Verifier{secret: s}, nil
}

// String hides the secret.
func (v *Verifier) String() string { return "totp.Verifier{secret hidden}" }

// GoString hides the secret from %#v too.
func (v *Verifier) GoString() string { return v.String() }

var opts = hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// step is the RFC 6238 time step of t: floor(unix seconds / 30).
func step(t time.Time) int64 {
	s := t.Unix()
	p := int64(Period / time.Second)
	if s < 0 {
		return (s - p + 1) / p
	}
	return s / p
}

// Check judges a typed code at time now (this computer's clock). The steps are tried nearest
// first (now, +1, −1, +2, −2, … ±20), so a code that happens to also belong to a step further
// off never hides the nearer match. Only Verified changes the verifier's state.
func (v *Verifier) Check(typed string, now time.Time) Result {
	code, ok := ParseCode(typed)
	if !ok {
		return Result{Outcome: Malformed}
	}
	cur := step(now)
	for d := int64(0); d <= maxSkewSteps; d++ {
		for i, off := range [2]int64{d, -d} {
			if i == 1 && d == 0 {
				continue
			}
			s := cur + off
			if s < 0 {
				continue
			}
			// hotp.ValidateCustom compares in constant time.
			if match, err := hotp.ValidateCustom(code, uint64(s), v.secret, opts); err != nil || !match {
				continue
			}
			return v.judge(s, off)
		}
	}
	return Result{Outcome: NoMatch}
}

func (v *Verifier) judge(s, off int64) Result {
	v.mu.Lock()
	defer v.mu.Unlock()
	r := Result{Steps: int(off)}
	// Steps further back than any code Check matches can never come again: forgetting them
	// keeps the set small however long the practice stays open.
	for a := range v.accepted {
		if a < s-off-maxSkewSteps {
			delete(v.accepted, a)
		}
	}
	switch {
	case v.accepted[s]:
		r.Outcome = Replayed
	case off >= -Window && off <= Window:
		r.Outcome = Verified
		if v.accepted == nil {
			v.accepted = map[int64]bool{}
		}
		v.accepted[s] = true
	case off > 0:
		r.Outcome, r.Minutes = ClockAhead, int(off+1)/2
	default:
		r.Outcome, r.Minutes = ClockBehind, int(-off+1)/2
	}
	return r
}
