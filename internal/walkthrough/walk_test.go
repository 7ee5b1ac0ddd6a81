package walkthrough

import (
	"go/build"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

var t0 = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

// The package knows no terminal: no Bubble Tea, no Lip Gloss, no terminal package among its
// imports (issue 20: the walkthrough has no terminal in it).
func TestNoTerminalInTheWalk(t *testing.T) {
	p, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range p.Imports {
		for _, bad := range []string{"charm.land/", "charmbracelet", "golang.org/x/term", "/tui", "/plain"} {
			if strings.Contains(imp, bad) {
				t.Errorf("walkthrough imports %s", imp)
			}
		}
	}
}

func TestMoves(t *testing.T) {
	w := New(locales.French)
	if w.Back() || w.Index() != 0 {
		t.Fatal("back from the first screen moved")
	}
	w.NextWhole()
	w.NextWhole()
	if !w.Done(0) || !w.Done(1) || w.Done(2) || w.Screen().Number != 1 {
		t.Fatalf("after two nexts: on %s, done %b", w.Screen().Key, w.done)
	}
	w.Step(7)
	if w.Screen().Number != 7 || w.Done(2) {
		t.Fatal("a jump marked the step left done")
	}
	if w.Step(10) || w.Screen().Number != 7 {
		t.Fatal("step 10 exists")
	}
	for w.Next() {
	}
	if w.Screen().Kind != steps.KindFinish {
		t.Fatalf("next stops at %s", w.Screen().Key)
	}
}

// Issue 20, item 6: → goes through a long screen's parts before the next screen, ← back through
// them, landing on the last part of the screen before; a jump opens a step at its first part;
// parts are not saved (the state names the step, and resuming opens it at its first part).
func TestParts(t *testing.T) {
	w := New(locales.French)
	if w.Parts() != 3 || w.Part() != 0 {
		t.Fatalf("the intro has %d parts, on %d", w.Parts(), w.Part())
	}
	st := w.State()
	if !w.Next() || w.Index() != 0 || w.Part() != 1 || w.Done(0) {
		t.Fatalf("→ on the intro: screen %d part %d", w.Index(), w.Part())
	}
	if !SameState(st, w.State()) {
		t.Fatal("a part changed the saved state")
	}
	w.Next()
	if !w.Next() || w.Screen().Key != "address" || w.Part() != 0 || !w.Done(0) {
		t.Fatalf("→ from the intro's last part: %s part %d", w.Screen().Key, w.Part())
	}
	if !w.Back() || w.Index() != 0 || w.Part() != 2 {
		t.Fatalf("← from the address: screen %d part %d", w.Index(), w.Part())
	}
	w.Step(9)
	if w.Part() != 0 || w.Parts() != 6 || !w.Offers(steps.OfferStores) || w.Offers(steps.OfferPhone) {
		t.Fatalf("step 9 at part %d of %d", w.Part(), w.Parts())
	}
	w.ToOffer(steps.OfferPhone)
	if !w.Offers(steps.OfferPhone) || w.Offers(steps.OfferPractice) || w.Screen().Number != 9 {
		t.Fatalf("the phone's part: %d", w.Part())
	}
	saved := w.State()
	var r Walk = New(locales.English)
	r.Resume(saved)
	if r.Screen().Number != 9 || r.Part() != 0 {
		t.Fatalf("resumed at %s part %d", r.Screen().Key, r.Part())
	}
	// The plain mode's moves are whole screens.
	if !w.NextWhole() || w.Screen().Kind != steps.KindFinish || !w.BackWhole() || w.Part() != 0 {
		t.Fatalf("whole moves: %s part %d", w.Screen().Key, w.Part())
	}
}

func TestAddressAndAnswers(t *testing.T) {
	w := New(locales.English)
	if !w.SetEmail("jane@firm.ca") || w.Email() != "jane@firm.ca" {
		t.Fatal("a valid address refused")
	}
	for _, bad := range []string{"jane@firm", "Jane <jane@firm.ca>", "jane@firm.ca\x1b[2J"} {
		if w.SetEmail(bad) || w.Email() != "jane@firm.ca" {
			t.Fatalf("%q taken: %q", bad, w.Email())
		}
	}
	if !w.SetEmail("") || w.Email() != "" {
		t.Fatal("the address cannot be withdrawn")
	}
	if w.AnswerSignIn("maybe") || !w.AnswerSignIn(steps.SignInWork) || w.SignIn() != steps.SignInWork {
		t.Fatal("answers")
	}
	w.Rehearsed("sms")
	if w.MFA() != progress.MFAUnset {
		t.Fatal("an unknown option recorded")
	}
}

// A running timer is never started over without a yes (issue 20, item 2).
func TestTimerAsksBeforeStartingOver(t *testing.T) {
	w := New(locales.English)
	if w.StartTimer(t0) != TimerNotHere {
		t.Fatal("a timer before step 3")
	}
	w.Step(3)
	if w.StartTimer(t0) != TimerStarted || !w.CodeSent().Equal(t0) {
		t.Fatal("first start")
	}
	later := t0.Add(10 * time.Minute)
	if w.StartTimer(later) != TimerAsk || !w.RestartAsked() || !w.CodeSent().Equal(t0) {
		t.Fatal("a second start while the code works did not ask")
	}
	if w.ConfirmTimerRestart(false, later) || !w.CodeSent().Equal(t0) {
		t.Fatal("no restarted the timer")
	}
	if w.ConfirmTimerRestart(true, later) {
		t.Fatal("a yes without a question restarted the timer")
	}
	w.StartTimer(later)
	w.Next() // moving on drops the question
	if w.ConfirmTimerRestart(true, later) {
		t.Fatal("a question asked on step 3 was answered on step 4")
	}
	w.StartTimer(later)
	if !w.ConfirmTimerRestart(true, later) || !w.CodeSent().Equal(later) {
		t.Fatal("yes did not restart")
	}
	// Once the code expired, s starts a new timer at once.
	if w.StartTimer(later.Add(time.Hour)) != TimerStarted {
		t.Fatal("an expired code asked")
	}
	// No timer for a client whose address is a Microsoft account already.
	w.AnswerSignIn(steps.SignInWork)
	if w.SignIn().UsesPassword() && w.HasTimer() {
		t.Fatal("a timer for a password sign-in")
	}
}

// --step keeps what was told; resume takes the place too.
func TestKeepAndResume(t *testing.T) {
	st := progress.State{Version: progress.Version, Screen: "step5", Lang: locales.French, Email: "jane@firm.ca",
		SignIn: steps.SignInNone, MFA: progress.MFAPhone, CodeSent: t0}
	w := New(locales.English)
	w.Keep(st)
	w.Step(3)
	got := w.State()
	if got.Screen != "step3" || got.Lang != locales.English || got.Email != st.Email || got.SignIn != st.SignIn ||
		got.MFA != st.MFA || !got.CodeSent.Equal(t0) {
		t.Fatalf("kept %+v", got)
	}
	r := New(locales.English)
	r.Resume(st)
	if !SameState(r.State(), st) || !r.Done(steps.Index(r.Screens(), 4)) || r.Done(r.Index()) {
		t.Fatalf("resumed %+v", r.State())
	}
}

// Forgetting names each thing it deletes.
func TestLosses(t *testing.T) {
	z := locales.New(locales.English)
	st := progress.State{Screen: "step5", Lang: locales.English, Email: "jane@firm.ca", SignIn: steps.SignInWork,
		MFA: progress.MFAPhone, CodeSent: t0}
	got := strings.Join(Losses(z, st, map[string]any{}, false), "\n")
	for _, want := range []string{"Step 5 of 9", "your address (jane@firm.ca)", "step 2's question", "the code timer", "step 9"} {
		if !strings.Contains(got, want) {
			t.Errorf("losses lack %q:\n%s", want, got)
		}
	}
	if masked := strings.Join(Losses(z, st, map[string]any{}, true), "\n"); strings.Contains(masked, "jane@") {
		t.Errorf("presenter mode shows the address:\n%s", masked)
	}
	if n := len(Losses(z, progress.State{Screen: "step5"}, map[string]any{}, false)); n != 1 {
		t.Errorf("%d losses for a place only", n)
	}
}

func TestSaverWritesChangesOnly(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	w := New(locales.English)
	s := NewSaver(store, w.State())
	if err := s.Save(w.State()); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := store.Load(); found {
		t.Fatal("saved without a change")
	}
	w.Next() // the intro's second part: nothing to save
	s.Save(w.State())
	if _, found, _ := store.Load(); found {
		t.Fatal("a part of the intro saved")
	}
	w.NextWhole()
	s.Save(w.State())
	if st, found, _ := store.Load(); !found || st.Screen != "address" {
		t.Fatalf("not saved: %+v", st)
	}
	if err := s.Forget(w.State()); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := store.Load(); found {
		t.Fatal("forget kept the file")
	}
}

// Step 9's number check follows Microsoft's end of text-message codes (assets/smsvoice.toml).
func TestPhoneOffered(t *testing.T) {
	w := New(locales.English)
	e := steps.SMSVoice().MicrosoftEnd
	end := time.Date(e.Year, e.Month, e.Day, 12, 0, 0, 0, time.UTC)
	if !w.PhoneOffered(end.AddDate(0, 0, -30)) || w.PhoneOffered(end.AddDate(0, 1, 0)) {
		t.Fatalf("option 2 around its end (%s)", end.Format(time.DateOnly))
	}
}
