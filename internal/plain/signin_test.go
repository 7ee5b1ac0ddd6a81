package plain

import (
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Step 2 asks whether the address is already a Microsoft account; with "work",
// step 3 is titled and led by the password instead of « Send code », and the answer is saved.
func TestSignInQuestionChangesStep3(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	// next (address), next (step 1), next (step 2), 4 the question, 1 "work", next (step 3), quit
	out := run(t, Config{Lang: locales.English, LangKnown: true, Progress: store}, lines("1", "1", "1", "4", "1", "1", "0"))
	for _, want := range []string{"Is this address already a Microsoft account?",
		"1. Yes, a work account", "4. I don't know", "Your answer: Yes, a work account",
		"Step 3 of 9: Sign in with your password\nMicrosoft asks for your account's password instead of sending a code.",
		"password you use for Microsoft 365 at work"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
	if step3 := out[strings.Index(out, "Step 3 of 9"):]; strings.Contains(step3, "Click the “Send code” button.") ||
		strings.Contains(step3, "I clicked “Send code”") {
		t.Error("step 3 still speaks of « Send code » for a work account")
	}
	st, found, err := store.Load()
	if err != nil || !found || st.SignIn != steps.SignInWork {
		t.Fatalf("saved %+v, %v, %v", st, found, err)
	}
	// Resumed, the answer is back: step 3 speaks of the password again.
	again := run(t, Config{Lang: locales.English, LangKnown: true, Resume: &st}, lines("1", "0"))
	if !strings.Contains(again, "Microsoft asks for your account's password instead of sending a code.") {
		t.Errorf("resumed session forgot the answer:\n%s", tail(again))
	}
}

func TestSignInQuestionRefusesOtherAnswers(t *testing.T) {
	out := run(t, Config{Lang: locales.French, LangKnown: true, Step: 2}, lines("4", "7", "0", "0"))
	if !strings.Contains(out, "Ce n'est pas un des choix proposés") {
		t.Fatalf("an answer out of range is not refused:\n%s", tail(out))
	}
}

// From 1 February 2027 step 9 no longer offers option 2's number check, and says why.
func TestStep9PhoneCheckEndsWithTextCodes(t *testing.T) {
	for _, c := range []struct {
		day   time.Time
		check bool
	}{
		{time.Date(2027, 1, 31, 20, 0, 0, 0, time.UTC), true},
		{time.Date(2027, 2, 1, 8, 0, 0, 0, time.UTC), false},
	} {
		out := run(t, Config{Lang: locales.English, LangKnown: true, Step: 9, Now: func() time.Time { return c.day }}, lines("0"))
		if got := strings.Contains(out, "check my mobile number"); got != c.check {
			t.Errorf("%s: number check offered = %v", c.day.Format(time.DateOnly), got)
		}
		if got := strings.Contains(out, "option 2 is no longer offered"); got == c.check {
			t.Errorf("%s: says option 2 is gone = %v", c.day.Format(time.DateOnly), got)
		}
	}
}
