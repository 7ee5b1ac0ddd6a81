package plain

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

func TestSavesAfterEachChoice(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	c := &clock{t: time.Date(2026, 11, 24, 9, 55, 0, 0, time.UTC)}
	run(t, Config{Lang: locales.French, LangKnown: true, Progress: store, Now: c.now},
		lines("1", "4", "jane@firm.ca", "1", "1", "1", "4", "1", "1", "0"))
	st, found, err := store.Load()
	if err != nil || !found {
		t.Fatal(found, err)
	}
	if st.Screen != "step5" || st.Email != "jane@firm.ca" || st.Lang != locales.French || !st.CodeSent.Equal(c.t) {
		t.Fatalf("saved %+v", st)
	}
}

func TestResumeQuestion(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	saved := progress.State{Screen: "step5", Lang: locales.English, Email: "jane@firm.ca"}
	store.Save(saved)
	cfg := Config{Lang: locales.English, LangKnown: true, Progress: store, Resume: &saved}
	out := run(t, cfg, lines("7", "1", "0"))
	for _, want := range []string{"Welcome back\nLast time, you stopped at:\nStep 5 of 9: Enter the code\nContinue from there?\n" +
		"Your choice (1 continue, 2 start from the beginning):\n" +
		"That is not one of the choices", "\nStep 5 of 9: Enter the code\n", "jane@firm.ca"} {
		if !strings.Contains(out, want) {
			t.Fatalf("missing %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Before you begin") {
		t.Fatal("continuing showed the first screen")
	}

	// Issue 20, item 2: 2 names what forgetting deletes and asks; an empty answer and 1 are no,
	// and the progress stays.
	out = run(t, cfg, lines("2", "", "2", "1", "1", "0"))
	for _, want := range []string{"Start over and forget your saved progress?\nThis deletes from this computer:\n" +
		"- where you stopped (Step 5 of 9: Enter the code)\n- your address (jane@firm.ca)\n" +
		"Forget all of it? Nothing is deleted unless you answer yes.\n" +
		"Your choice (1 no, keep my progress, 2 yes, forget it):\n"} {
		if !strings.Contains(out, want) {
			t.Fatalf("missing %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "Continue from there?"); n != 3 || strings.Contains(out, "Before you begin") {
		t.Fatalf("after two noes, the offer is asked %d times:\n%s", n, out)
	}
	if st, found, _ := store.Load(); !found || st.Email != "jane@firm.ca" {
		t.Fatalf("a no forgot the progress: %+v %v", st, found)
	}
	out = run(t, cfg, lines("2", "2", "0"))
	if !strings.Contains(out, "Saved progress forgotten: deleted from this computer.") || !strings.Contains(out, "\nBefore you begin\n") {
		t.Fatalf("starting over:\n%s", out)
	}
	if _, err := os.Stat(store.Path()); !os.IsNotExist(err) {
		t.Fatal("starting over kept the old progress")
	}

	// The input may end on the question: the support line still comes.
	out = run(t, cfg, "")
	if !strings.HasSuffix(out, "Need help? Email support@auvenir.ca or call +1 (855) 528-8364.\n") {
		t.Fatalf("end of input at the question:\n%s", out)
	}
}

func TestNoticeIsSaid(t *testing.T) {
	out := run(t, Config{Lang: locales.English, LangKnown: true, Notice: "The saved progress is damaged."}, lines("0"))
	if !strings.Contains(out, "\nThe saved progress is damaged.\n") {
		t.Fatalf("notice missing:\n%s", out)
	}
}

// Issue 20, item 2: --step N keeps the address, the answer and the timer saved, and saves the
// new place with them.
func TestStepKeepsTheSavedProgress(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	c := &clock{t: time.Date(2026, 11, 24, 9, 55, 0, 0, time.UTC)}
	saved := progress.State{Version: progress.Version, Screen: "step5", Lang: locales.English,
		Email: "claire.roy@cabinet.qc.ca", SignIn: steps.SignInWork, CodeSent: c.t.Add(-5 * time.Minute)}
	store.Save(saved)
	out := run(t, Config{Lang: locales.English, LangKnown: true, Step: 3, Progress: store, Saved: &saved, Now: c.now},
		lines("1", "0"))
	if !strings.Contains(out, "Step 3 of 9") {
		t.Fatalf("not at step 3:\n%s", out)
	}
	st, _, _ := store.Load()
	if st.Screen != "step4" || st.Email != saved.Email || st.SignIn != saved.SignIn || !st.CodeSent.Equal(saved.CodeSent) {
		t.Fatalf("--step saved over the progress: %+v", st)
	}
}

// Issue 20, item 2: "I clicked Send code" while a code still works asks before the timer starts
// over; an empty answer keeps the running timer, 2 starts it over.
func TestTimerRestartAsks(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	c := &clock{t: time.Date(2026, 11, 24, 9, 55, 0, 0, time.UTC)}
	cfg := Config{Lang: locales.English, LangKnown: true, Step: 3, Progress: store, Now: c.now}
	out := run(t, cfg, lines("4", "4", "", "0"))
	if !strings.Contains(out, "The code timer is running: 30 min left.") ||
		!strings.Contains(out, "(1 no, keep the timer, 2 yes, start it over)") {
		t.Fatalf("no question:\n%s", out)
	}
	first, _, _ := store.Load()
	if !first.CodeSent.Equal(c.t) {
		t.Fatalf("timer: %+v", first)
	}
	c.advance(10 * time.Minute)
	cfg.Resume = &first
	run(t, Config{Lang: locales.English, LangKnown: true, Progress: store, Now: c.now, Saved: &first, Step: 3},
		lines("4", "1", "0"))
	if st, _, _ := store.Load(); !st.CodeSent.Equal(first.CodeSent) {
		t.Fatalf("no restarted the timer: %+v", st)
	}
	run(t, Config{Lang: locales.English, LangKnown: true, Progress: store, Now: c.now, Saved: &first, Step: 3},
		lines("4", "2", "0"))
	if st, _, _ := store.Load(); !st.CodeSent.Equal(c.t) {
		t.Fatalf("yes did not restart the timer: %+v", st)
	}
}
