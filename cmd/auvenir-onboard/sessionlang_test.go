package main

import (
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
)

// The closing pause (Windows, a console of its own) speaks the language the session ended in:
// resumed from French saved progress with an English environment, that is French. Not parallel:
// sessionLang is the process's.
func TestSessionLanguageFromSavedProgress(t *testing.T) {
	s, out, _ := testStreams(t, mapEnv(map[string]string{"LANG": "en_CA.UTF-8"}), true, strings.NewReader("q"))
	store := configDir(t, s)
	if err := store.Save(progress.State{Screen: "step5", Lang: locales.French}); err != nil {
		t.Fatal(err)
	}
	if code := run(s, nil); code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if got, _ := sessionLang.Load().(locales.Lang); got != locales.French {
		t.Fatalf("the pause would speak %q, want French", got)
	}
	// --lang says it outright.
	if code := run(s, []string{"--version", "--lang", "en"}); code != 0 {
		t.Fatal(code)
	}
	if got, _ := sessionLang.Load().(locales.Lang); got != locales.English {
		t.Fatalf("after --lang en: %q", got)
	}
}
