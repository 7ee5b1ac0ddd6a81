// Package walkthrough is the client's situation in the guide and every way it changes: the
// language, the screen they are on and the ones they went through, the address they gave, their
// answer to step 2's question (the sign-in kind steps 3 to 5 follow), the emailed code's timer
// and the step 9 option they rehearsed. It knows no terminal: the full-screen wizard (tui) and
// the plain mode (internal/plain) are views of one Walk, so the same answers end with the same
// saved progress whichever the client uses (walk_equiv_test.go proves it for every branch).
//
// A Walk is a value: the wizard's model is copied by Bubble Tea at every message, and a copy must
// not change what another one sees. Every change goes through a method here; the views never set
// a field of the situation themselves.
package walkthrough

import (
	"time"

	"github.com/auvenir/auvenir-onboard/internal/guest"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Walk is the client's situation.
type Walk struct {
	screens []steps.Screen // steps.All(), shared read-only by the copies
	cur     int
	// part is the part of the current screen shown (steps.Screen.Parts): a page of one step,
	// not saved (State keeps the screen only), so resuming opens the step at its first part.
	part     int
	done     uint64 // bit i: screen i was left forward (the step list ticks it)
	lang     locales.Lang
	email    string
	signIn   steps.SignIn
	mfa      progress.MFA
	codeSent time.Time
	// practised and number are what step 9's rehearsals gave, in memory only: the practice
	// verified a code, and the mobile number checked (international form). State saves only
	// the option (MFA), never a number.
	practised bool
	number    string
	// restartAsked: the client asked for a new timer while a code still worked, and was asked
	// to confirm: only ConfirmTimerRestart starts it over.
	restartAsked bool
}

// New is a walk at "before you begin" in lang, with nothing given yet.
func New(lang locales.Lang) Walk {
	if lang != locales.French && lang != locales.English {
		lang = locales.English
	}
	return Walk{screens: steps.All(), lang: lang}
}

// Screens are the walkthrough's screens, in order. The slice is shared: callers read it only.
func (w Walk) Screens() []steps.Screen { return w.screens }

// Index is the position of the current screen in Screens.
func (w Walk) Index() int { return w.cur }

// Screen is the current screen.
func (w Walk) Screen() steps.Screen { return w.screens[w.cur] }

// Part is the part of the current screen shown, from 0; Parts how many it has (1: not split).
func (w Walk) Part() int  { return w.part }
func (w Walk) Parts() int { return w.Screen().PartCount() }

// Offers reports whether the part shown offers o (step 9's rehearsals, the network check).
func (w Walk) Offers(o steps.Offer) bool { return w.Screen().Offers(w.part, o) }

// ToOffer shows the part of the current screen that offers o (--totp-practice opens on the
// practice's part).
func (w *Walk) ToOffer(o steps.Offer) { w.part = w.Screen().PartOf(o) }

// Done reports whether screen i was left forward.
func (w Walk) Done(i int) bool { return i >= 0 && i < 64 && w.done&(1<<i) != 0 }

// Lang is the client's language.
func (w Walk) Lang() locales.Lang { return w.lang }

// Email is the address given; empty when none.
func (w Walk) Email() string { return w.email }

// SignIn is the answer to step 2's question.
func (w Walk) SignIn() steps.SignIn { return w.signIn }

// MFA is the step 9 option the client rehearsed, if any.
func (w Walk) MFA() progress.MFA { return w.mfa }

// CodeSent is when the client said they clicked « Send code »; zero before.
func (w Walk) CodeSent() time.Time { return w.codeSent }

// SetLang switches the language.
func (w *Walk) SetLang(l locales.Lang) {
	if l == locales.French || l == locales.English {
		w.lang = l
	}
}

// GoTo shows screen i, when it exists and is not the current one; forward marks the screen left
// as done. It reports whether the screen changed. A pending question about the timer is
// dropped: it was asked of the screen left.
func (w *Walk) GoTo(i int, forward bool) bool {
	if i < 0 || i >= len(w.screens) || i == w.cur {
		return false
	}
	if forward && w.cur < 64 {
		w.done |= 1 << w.cur
	}
	w.cur, w.part = i, 0
	w.restartAsked = false
	return true
}

// Next moves to the screen's next part, or one screen on; Back to the part before, or one
// screen back, at its last part.
func (w *Walk) Next() bool {
	if w.part+1 < w.Parts() {
		w.part++
		return true
	}
	return w.GoTo(w.cur+1, true)
}

// NextWhole and BackWhole move a whole screen, for the views that show every part at once
// (--plain): the same screens in the same order, so the same answers save the same progress.
func (w *Walk) NextWhole() bool { return w.GoTo(w.cur+1, true) }
func (w *Walk) BackWhole() bool { return w.GoTo(w.cur-1, false) }

func (w *Walk) Back() bool {
	if w.part > 0 {
		w.part--
		return true
	}
	if !w.GoTo(w.cur-1, false) {
		return false
	}
	w.part = w.Parts() - 1
	return true
}

// Step moves to the guide's step n (1 to 9), without marking anything done.
func (w *Walk) Step(n int) bool { return w.GoTo(steps.Index(w.screens, n), false) }

// SetEmail keeps addr as the client's address: "" withdraws it. An address guest.Parse would not
// give back unchanged is refused (false): the views check what is typed with guide.CheckAddress
// and say why, and only what passed reaches here.
func (w *Walk) SetEmail(addr string) bool {
	if addr != "" {
		if a, err := guest.Parse(addr); err != nil || a != addr {
			return false
		}
	}
	w.email = addr
	return true
}

// AnswerSignIn records the answer to step 2's question.
func (w *Walk) AnswerSignIn(a steps.SignIn) bool {
	if !a.Valid() {
		return false
	}
	w.signIn = a
	return true
}

// Rehearsed records the step 9 option the client rehearsed: a practice code verified, or a mobile
// number checked. Neither the key, the code nor the number is kept.
func (w *Walk) Rehearsed(m progress.MFA) {
	switch m {
	case progress.MFAAuthenticator, progress.MFAPhone, progress.MFATrusted:
		w.mfa = m
	}
}

// Rehearse records what a step 9 screen did: the practice verified a code (MFAAuthenticator),
// a mobile number was checked (MFAPhone, with the number), or the client said Microsoft asked
// for no method, their organisation's MFA being trusted (MFATrusted).
func (w *Walk) Rehearse(m progress.MFA, number string) {
	switch m {
	case progress.MFAAuthenticator:
		w.PracticeVerified()
	case progress.MFAPhone:
		w.NumberChecked(number)
	case progress.MFATrusted:
		w.mfa = m
	}
}

// TrustPossible reports whether the client's organisation's MFA may be trusted by DMC Hosting:
// only an organisation's (work or school) account has a home tenant whose MFA can be; a
// personal Microsoft account or an address Microsoft emails codes to cannot.
func (w Walk) TrustPossible() bool {
	return w.signIn != steps.SignInPersonal && w.signIn != steps.SignInNone
}

// PracticeVerified records that the practice verified a code: option 1 was rehearsed.
func (w *Walk) PracticeVerified() {
	w.practised = true
	w.mfa = progress.MFAAuthenticator
}

// NumberChecked records the mobile number checked for option 2 (international form).
func (w *Walk) NumberChecked(n string) {
	w.number = n
	w.mfa = progress.MFAPhone
}

// PracticeDone reports whether a practice code was verified in this session.
func (w Walk) PracticeDone() bool { return w.practised }

// Number is the mobile number checked in this session; empty when none.
func (w Walk) Number() string { return w.number }

// PhoneOffered reports whether step 9's option 2 (codes by text message or call) is still
// offered at now, and with it the mobile number check: Microsoft ends it on the day of
// assets/smsvoice.toml. A typed decision, where the views read it from the template data before.
func (w Walk) PhoneOffered(now time.Time) bool {
	return steps.SMSVoice().Phase(now) != steps.PhoneRetired
}

// HasTimer reports whether the current screen offers the emailed code's timer: steps 3 to 5,
// unless the address is already a Microsoft account (Microsoft then asks for its password and
// emails no code).
func (w Walk) HasTimer() bool {
	wd := w.Screen().Widget
	return (wd == steps.WidgetCodeSent || wd == steps.WidgetCodeTimer) && !w.signIn.UsesPassword()
}

// CodeLeft is how long the emailed code still works at now.
func (w Walk) CodeLeft(now time.Time) time.Duration { return progress.CodeLeft(w.codeSent, now) }

// TimerOutcome is what asking for the timer did.
type TimerOutcome int

const (
	TimerNotHere TimerOutcome = iota // no code on this screen: nothing changed
	TimerStarted                     // the 30 minutes count from now
	TimerAsk                         // a code still works: starting over would hide how long; confirm first
)

// StartTimer is the client saying they clicked « Send code ». While a code still works it only
// asks (TimerAsk): a new timer loses how long the code sent before still works, and losing
// something asks first, default No, in every mode. ConfirmTimerRestart then starts it over.
func (w *Walk) StartTimer(now time.Time) TimerOutcome {
	if !w.HasTimer() {
		return TimerNotHere
	}
	if w.CodeLeft(now) > 0 {
		w.restartAsked = true
		return TimerAsk
	}
	w.codeSent, w.restartAsked = now, false
	return TimerStarted
}

// RestartAsked reports whether a restart of the timer waits for the client's yes.
func (w Walk) RestartAsked() bool { return w.restartAsked }

// ConfirmTimerRestart answers the question StartTimer asked: yes starts the timer over, no keeps
// the running one. It reports whether the timer started over.
func (w *Walk) ConfirmTimerRestart(yes bool, now time.Time) bool {
	asked := w.restartAsked
	w.restartAsked = false
	if !asked || !yes || !w.HasTimer() {
		return false
	}
	w.codeSent = now
	return true
}

// State is the progress to save: where the client is and what they told the guide. There is
// nothing secret to leave out: progress.State has no field for it.
func (w Walk) State() progress.State {
	return progress.State{Version: progress.Version, Screen: w.Screen().Key, Lang: w.lang,
		Email: w.email, MFA: w.mfa, SignIn: w.signIn, CodeSent: w.codeSent}
}

// Resume puts the walk where saved progress says: the screen (the ones before it count as done),
// the language and everything the client told the guide.
func (w *Walk) Resume(st progress.State) {
	w.Keep(st)
	w.SetLang(st.Lang)
	if i := steps.ByKey(w.screens, st.Screen); i >= 0 {
		w.cur, w.part = i, 0
		w.done = 0
		for j := range min(i, 64) {
			w.done |= 1 << j
		}
	}
}

// Keep takes what the client told the guide from saved progress, but not the screen: --step N
// opens at step N with the address, the answers and the timer saved, and so never saves over
// them with nothing (issue 20, item 2).
func (w *Walk) Keep(st progress.State) {
	if !w.SetEmail(st.Email) {
		w.email = ""
	}
	if !w.AnswerSignIn(st.SignIn) {
		w.signIn = steps.SignInUnanswered
	}
	w.mfa = ""
	w.Rehearsed(st.MFA)
	w.codeSent = st.CodeSent
}

// Offerable reports whether saved progress is worth the question "continue from there?": at
// "before you begin" there is nothing to resume, and someone who reached the end is better
// served by the start than by the finish screen.
func Offerable(st progress.State) bool {
	screens := steps.All()
	i := steps.ByKey(screens, st.Screen)
	return i > 0 && screens[i].Kind != steps.KindFinish
}

// SameState reports whether two states save the same file (times compared as instants).
func SameState(a, b progress.State) bool {
	eq := a.CodeSent.Equal(b.CodeSent)
	a.CodeSent, b.CodeSent = time.Time{}, time.Time{}
	return eq && a == b
}
