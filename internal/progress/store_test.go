package progress

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

func sample() State {
	return State{Screen: "step5", Lang: locales.French, Email: "jane@firm.ca", MFA: MFAPhone,
		CodeSent: time.Date(2026, 11, 24, 9, 55, 0, 0, time.UTC)}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	s := Store{Dir: filepath.Join(t.TempDir(), "auvenir-onboard")}
	if _, found, err := s.Load(); found || err != nil {
		t.Fatalf("empty store: found=%v err=%v", found, err)
	}
	want := sample()
	if err := s.Save(want); err != nil {
		t.Fatal(err)
	}
	got, found, err := s.Load()
	if err != nil || !found {
		t.Fatalf("found=%v err=%v", found, err)
	}
	want.Version = Version
	if !got.CodeSent.Equal(want.CodeSent) {
		t.Fatalf("code timer %v, want %v", got.CodeSent, want.CodeSent)
	}
	got.CodeSent, want.CodeSent = time.Time{}, time.Time{}
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	if !sample().TimerStarted() || (State{}).TimerStarted() {
		t.Fatal("TimerStarted")
	}
}

// The file holds exactly the fields of State: nothing a secret could hide in.
func TestFileContent(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	if err := s.Save(sample()); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(s.Path())
	want := `{
  "version": 1,
  "screen": "step5",
  "lang": "fr",
  "email": "jane@firm.ca",
  "mfa": "phone",
  "code_sent": "2026-11-24T09:55:00Z"
}
`
	if string(raw) != want {
		t.Fatalf("file:\n%s\nwant:\n%s", raw, want)
	}
	if err := s.Save(State{Screen: "intro", Lang: locales.English}); err != nil {
		t.Fatal(err)
	}
	raw, _ = os.ReadFile(s.Path())
	if string(raw) != "{\n  \"version\": 1,\n  \"screen\": \"intro\",\n  \"lang\": \"en\"\n}\n" {
		t.Fatalf("empty fields are written: %s", raw)
	}
}

// The type itself cannot carry a secret: its fields are fixed, none is a key or a code.
func TestStateHasNoSecretFields(t *testing.T) {
	typ := reflect.TypeFor[State]()
	var names []string
	for f := range typ.Fields() {
		names = append(names, f.Name)
		lower := strings.ToLower(f.Name)
		for _, bad := range []string{"secret", "key", "otp", "totp", "uri", "seed", "token", "password", "phone"} {
			if strings.Contains(lower, bad) {
				t.Errorf("State.%s looks like it could hold a secret", f.Name)
			}
		}
	}
	if !reflect.DeepEqual(names, []string{"Version", "Screen", "Lang", "Email", "MFA", "SignIn", "CodeSent"}) {
		t.Fatalf("State fields changed to %v: review that none can hold a secret, then update this test", names)
	}
}

func TestSaveRefusesInvalidState(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	for _, st := range []State{
		{Screen: "step10", Lang: locales.English},
		{Screen: "step1", Lang: "de"},
		{Screen: "step1", Lang: locales.English, Email: "not an address"},
		{Screen: "step1", Lang: locales.English, Email: "Jane@FIRM.ca"}, // not as guest.Parse returns it
		{Screen: "step1", Lang: locales.English, MFA: "fax"},
		{Screen: "step1", Lang: locales.English, SignIn: "google"},
	} {
		if err := s.Save(st); err == nil {
			t.Errorf("saved %+v", st)
		}
	}
	if _, err := os.Stat(s.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a refused state left a file")
	}
}

func loadErr(t *testing.T, s Store) *Error {
	t.Helper()
	st, found, err := s.Load()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Load = %+v, %v, %v; want *Error", st, found, err)
	}
	if found || st != (State{}) {
		t.Fatalf("an unusable file gave progress: %+v", st)
	}
	if e.Path != s.Path() {
		t.Fatalf("error path %q", e.Path)
	}
	return e
}

func TestCorruptFiles(t *testing.T) {
	for name, content := range map[string]string{
		"empty":          "",
		"not json":       "step 5 please",
		"truncated":      `{"version": 1, "screen": "st`,
		"array":          `[1, 2]`,
		"null":           `null`,
		"no version":     `{"screen": "step5", "lang": "fr"}`,
		"version zero":   `{"version": 0, "screen": "step5", "lang": "fr"}`,
		"version string": `{"version": "1", "screen": "step5", "lang": "fr"}`,
		"unknown screen": `{"version": 1, "screen": "step12", "lang": "fr"}`,
		"unknown lang":   `{"version": 1, "screen": "step5", "lang": "de"}`,
		"bad address":    `{"version": 1, "screen": "step5", "lang": "fr", "email": "jane"}`,
		"bad mfa":        `{"version": 1, "screen": "step5", "lang": "fr", "mfa": "pigeon"}`,
		"bad time":       `{"version": 1, "screen": "step5", "lang": "fr", "code_sent": "yesterday"}`,
		"unknown field":  `{"version": 1, "screen": "step5", "lang": "fr", "totp_secret": "JBSWY3DPEHPK3PXP"}`,
		"trailing data":  `{"version": 1, "screen": "step5", "lang": "fr"} {"version": 1}`,
		"huge":           `{"version": 1, "screen": "step5", "lang": "fr", "email": "` + strings.Repeat("a", maxSize) + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			s := Store{Dir: t.TempDir()}
			os.WriteFile(s.Path(), []byte(content), 0o600)
			if e := loadErr(t, s); e.ID != IDCorrupt {
				t.Fatalf("ID = %s, want %s (%v)", e.ID, IDCorrupt, e)
			}
		})
	}
}

func TestFutureVersion(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	// A newer program may have renamed every field; the version alone decides.
	os.WriteFile(s.Path(), []byte(`{"version": 2, "where": {"step": 5}}`), 0o600)
	e := loadErr(t, s)
	if e.ID != IDFuture {
		t.Fatalf("ID = %s (%v)", e.ID, e)
	}
	msg := e.Message(locales.New(locales.French))
	if !strings.Contains(msg, s.Path()) || !strings.Contains(msg, "--reset") || strings.Contains(msg, "\n") {
		t.Fatalf("message = %q", msg)
	}
}

// Every unusable file has a message in both languages, in one line, naming the file.
func TestMessages(t *testing.T) {
	for _, id := range []string{IDCorrupt, IDUnreadable, IDFuture} {
		for _, l := range locales.Langs {
			z := locales.New(l)
			if !z.Has(id) {
				t.Fatalf("%s: %s missing", l, id)
			}
			msg := (&Error{ID: id, Path: "/x/progress.json", Err: errInvalid}).Message(z)
			if !strings.Contains(msg, "/x/progress.json") || strings.Contains(msg, "\n") || strings.Contains(msg, "<no value>") {
				t.Errorf("%s %s: %q", l, id, msg)
			}
		}
	}
}

// A save that fails half-way leaves the previous progress as it was and no temporary file.
func TestAtomicSave(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	first := State{Screen: "step2", Lang: locales.English}
	if err := s.Save(first); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(s.Path())
	boom := errors.New("disk full")
	s.beforeRename = func(tmp *os.File) error {
		tmp.WriteString("{\"version\": 1, \"scr") // what a crash mid-write would leave
		return boom
	}
	if err := s.Save(sample()); !errors.Is(err, boom) {
		t.Fatalf("Save = %v", err)
	}
	after, _ := os.ReadFile(s.Path())
	if string(after) != string(before) {
		t.Fatalf("the failed save changed the file:\n%s", after)
	}
	assertOnlyStateFile(t, s.Dir)
	if got, found, err := s.Load(); err != nil || !found || got.Screen != "step2" {
		t.Fatalf("after a failed save: %+v %v %v", got, found, err)
	}
}

// When the rename itself fails (here the target is a directory), the temporary file goes too.
func TestSaveFailureLeavesNoTemp(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	os.MkdirAll(filepath.Join(s.Path(), "x"), 0o700)
	if err := s.Save(sample()); err == nil {
		t.Fatal("saved over a directory")
	}
	entries, _ := os.ReadDir(s.Dir)
	if len(entries) != 1 || entries[0].Name() != FileName {
		t.Fatalf("left behind: %v", entries)
	}
}

func assertOnlyStateFile(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != FileName {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("directory holds %v, want only %s", names, FileName)
	}
}

func TestReset(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	if err := s.Reset(); err != nil {
		t.Fatalf("reset with nothing saved: %v", err)
	}
	s.Save(sample())
	os.WriteFile(filepath.Join(s.Dir, ".progress-123.tmp"), []byte("{"), 0o600) // left by a crash
	os.WriteFile(filepath.Join(s.Dir, "other.txt"), []byte("keep"), 0o600)
	if err := s.Reset(); err != nil {
		t.Fatal(err)
	}
	if _, found, err := s.Load(); found || err != nil {
		t.Fatalf("after reset: found=%v err=%v", found, err)
	}
	entries, _ := os.ReadDir(s.Dir)
	if len(entries) != 1 || entries[0].Name() != "other.txt" {
		t.Fatalf("after reset the directory holds %v", entries)
	}
}

// The answer to the address screen's question is saved and read back, so steps 3 to 5 still
// follow it tomorrow.
func TestSignInAnswerIsRemembered(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	for _, si := range steps.SignInChoices() {
		if err := s.Save(State{Version: Version, Screen: "step3", Lang: locales.French, SignIn: si}); err != nil {
			t.Fatal(err)
		}
		st, found, err := s.Load()
		if err != nil || !found || st.SignIn != si {
			t.Fatalf("%q: loaded %+v, %v, %v", si, st, found, err)
		}
	}
}
