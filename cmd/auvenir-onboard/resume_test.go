package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/tui"
)

// configDir is the store in the streams' configuration folder.
func configDir(t *testing.T, s *ioStreams) *progress.Store {
	t.Helper()
	cfg, err := s.ConfigDir()
	if err != nil {
		t.Fatal(err)
	}
	return &progress.Store{Dir: filepath.Join(cfg, "auvenir-onboard")}
}

func TestWizardProgress(t *testing.T) {
	t.Parallel()
	s, _, _ := testStreams(t, nil, true, nil)
	store := configDir(t, s)
	en := locales.New(locales.English)
	var cfg tui.Config
	wizardProgress(s, &options{}, &cfg, en)
	if cfg.Progress == nil || cfg.Progress.Dir != store.Dir || cfg.Resume != nil || cfg.Notice != "" {
		t.Fatalf("nothing saved: %+v", cfg)
	}

	store.Save(progress.State{Screen: "step5", Lang: locales.French})
	cfg = tui.Config{Lang: locales.English}
	wizardProgress(s, &options{}, &cfg, en)
	if cfg.Resume == nil || cfg.Resume.Screen != "step5" || cfg.Lang != locales.French || !cfg.LangKnown {
		t.Fatalf("saved progress not offered in its language: %+v", cfg)
	}
	// --lang wins over the saved language; --step asks for a place, so no question.
	cfg = tui.Config{Lang: locales.English, LangKnown: true}
	wizardProgress(s, &options{lang: locales.English, step: 2}, &cfg, en)
	if cfg.Resume != nil || cfg.Lang != locales.English {
		t.Fatalf("--lang/--step ignored: %+v", cfg)
	}
	// ... but what was saved is kept to start from (issue 20, item 2).
	if cfg.Saved == nil || cfg.Saved.Screen != "step5" {
		t.Fatalf("--step dropped the saved progress: %+v", cfg)
	}

	os.WriteFile(store.Path(), []byte("garbage"), 0o600)
	cfg = tui.Config{}
	wizardProgress(s, &options{}, &cfg, en)
	if cfg.Resume != nil || !strings.Contains(cfg.Notice, "damaged and was ignored") || !strings.Contains(cfg.Notice, store.Path()) {
		t.Fatalf("corrupt file: %+v", cfg)
	}

	cfg = tui.Config{}
	wizardProgress(s, &options{reset: true}, &cfg, en)
	if _, err := os.Stat(store.Path()); !os.IsNotExist(err) || cfg.Notice != "Saved progress forgotten: "+store.Path()+" deleted." {
		t.Fatalf("--reset: %v %+v", err, cfg)
	}
	// Nothing left to forget: said so, never "forgotten".
	cfg = tui.Config{}
	wizardProgress(s, &options{reset: true}, &cfg, en)
	if cfg.Notice != "No progress was saved ("+store.Path()+" does not exist): nothing to forget." {
		t.Fatalf("--reset with nothing saved: %q", cfg.Notice)
	}
}

// --reset without a terminal forgets and exits 0 instead of asking for a terminal.
func TestResetWithoutTerminal(t *testing.T) {
	t.Parallel()
	s, out, errb := testStreams(t, nil, false, nil)
	store := configDir(t, s)
	store.Save(progress.State{Screen: "step5", Lang: locales.French})
	code := run(s, []string{"--reset", "--lang", "fr"})
	if code != 0 || out.String() != "Progression enregistrée oubliée\u00a0: "+store.Path()+" a été supprimé.\n" || errb.Len() != 0 {
		t.Fatalf("exit %d, out %q, err %q", code, out.String(), errb.String())
	}
	if _, err := os.Stat(store.Path()); !os.IsNotExist(err) {
		t.Fatal("the state file is still there")
	}
}

// The configuration folder is a file (XDG_CONFIG_HOME naming a file): the notice names the file
// and says to move it, and --reset says the same instead of sending the person back to itself.
func TestUnusableProgressPathIsExplained(t *testing.T) {
	t.Parallel()
	s, out, errb := testStreams(t, nil, false, strings.NewReader("0\n"))
	file := filepath.Join(t.TempDir(), "config")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.ConfigDir = func() (string, error) { return file, nil }
	code := run(s, []string{"--reset", "--lang", "en"})
	msg := errb.String()
	if code != 1 || out.Len() != 0 || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, file+" is a file where auvenir-onboard needs a folder") ||
		strings.Contains(msg, "--reset") {
		t.Fatalf("--reset: exit %d, stdout %q, stderr %q", code, out.String(), msg)
	}
	for _, args := range [][]string{{"--plain", "--lang", "en"}, {"--plain", "--lang", "en", "--reset"}} {
		s, out, _ := testStreams(t, nil, false, strings.NewReader("0\n"))
		s.ConfigDir = func() (string, error) { return file, nil }
		if code := run(s, args); code != 0 || !strings.Contains(out.String(), "Rename or move that file") || strings.Contains(out.String(), "--reset") {
			t.Fatalf("%v: exit %d\n%s", args, code, out.String())
		}
	}
}

// Issue 22 item 6: saving never fails silently. With no HOME, or only a relative
// XDG_CONFIG_HOME (which the XDG spec says to ignore), the guide says in one line, in the
// person's language, that progress cannot be saved; --reset says so on standard error and
// exits 1 instead of claiming progress forgotten; --reset with nothing saved says that.
func TestNoFolderForProgressIsSaid(t *testing.T) {
	t.Parallel()
	for _, env := range []map[string]string{{}, {"XDG_CONFIG_HOME": "rel/cfg"}, {"HOME": "home/j"}} {
		noHome := func() (string, error) { return progress.ConfigDir("linux", mapEnv(env)) }
		s, out, errb := testStreams(t, nil, false, strings.NewReader("0\n"))
		s.ConfigDir = noHome
		if code := run(s, []string{"--plain", "--lang", "fr"}); code != 0 ||
			strings.Count(out.String(), "La progression ne peut pas être enregistrée\u00a0: la variable d'environnement HOME") != 1 {
			t.Fatalf("%v: exit %d\n%s\n%s", env, code, out.String(), errb.String())
		}
		s, out, errb = testStreams(t, nil, false, nil)
		s.ConfigDir = noHome
		code := run(s, []string{"--reset", "--lang", "en"})
		if code != 1 || out.Len() != 0 || strings.Count(errb.String(), "\n") != 1 ||
			!strings.HasPrefix(errb.String(), "Progress cannot be saved: the environment variable HOME") {
			t.Fatalf("%v: --reset: exit %d, stdout %q, stderr %q", env, code, out.String(), errb.String())
		}
		var cfg tui.Config
		wizardProgress(s, &options{reset: true}, &cfg, locales.New(locales.English))
		if cfg.Progress != nil || !strings.HasPrefix(cfg.Notice, "Progress cannot be saved") {
			t.Fatalf("%v: wizard: %+v", env, cfg)
		}
	}
	// A relative XDG_CONFIG_HOME with a HOME: ignored, progress goes under HOME.
	home := "/nonexistent/auvenir-test-home" // a full path on every system; nothing is written
	s, out, _ := testStreams(t, nil, false, nil)
	s.ConfigDir = func() (string, error) {
		return progress.ConfigDir("linux", mapEnv(map[string]string{"XDG_CONFIG_HOME": "rel", "HOME": home}))
	}
	if code := run(s, []string{"--reset", "--lang", "en"}); code != 0 ||
		out.String() != "No progress was saved ("+filepath.Join(home, ".config", "auvenir-onboard", "progress.json")+" does not exist): nothing to forget.\n" {
		t.Fatalf("relative XDG_CONFIG_HOME: exit %d, %q", code, out.String())
	}
}
