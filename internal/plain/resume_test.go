package plain

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
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

	out = run(t, cfg, lines("2", "0"))
	if !strings.Contains(out, "\nBefore you begin\n") {
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
