package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/tui"
)

func configDir(t *testing.T) *progress.Store {
	t.Helper()
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	return &progress.Store{Dir: filepath.Join(cfg, "auvenir-onboard")}
}

func TestWizardProgress(t *testing.T) {
	store := configDir(t)
	en := locales.New(locales.English)
	var cfg tui.Config
	wizardProgress(&options{}, &cfg, en)
	if cfg.Progress == nil || cfg.Progress.Dir != store.Dir || cfg.Resume != nil || cfg.Notice != "" {
		t.Fatalf("nothing saved: %+v", cfg)
	}

	store.Save(progress.State{Screen: "step5", Lang: locales.French})
	cfg = tui.Config{Lang: locales.English}
	wizardProgress(&options{}, &cfg, en)
	if cfg.Resume == nil || cfg.Resume.Screen != "step5" || cfg.Lang != locales.French || !cfg.LangKnown {
		t.Fatalf("saved progress not offered in its language: %+v", cfg)
	}
	// --lang wins over the saved language; --step asks for a place, so no question.
	cfg = tui.Config{Lang: locales.English, LangKnown: true}
	wizardProgress(&options{lang: locales.English, step: 2}, &cfg, en)
	if cfg.Resume != nil || cfg.Lang != locales.English {
		t.Fatalf("--lang/--step ignored: %+v", cfg)
	}

	os.WriteFile(store.Path(), []byte("garbage"), 0o600)
	cfg = tui.Config{}
	wizardProgress(&options{}, &cfg, en)
	if cfg.Resume != nil || !strings.Contains(cfg.Notice, "damaged and was ignored") || !strings.Contains(cfg.Notice, store.Path()) {
		t.Fatalf("corrupt file: %+v", cfg)
	}

	cfg = tui.Config{}
	wizardProgress(&options{reset: true}, &cfg, en)
	if _, err := os.Stat(store.Path()); !os.IsNotExist(err) || cfg.Notice != "Saved progress forgotten." {
		t.Fatalf("--reset: %v %+v", err, cfg)
	}
}

// --reset without a terminal forgets and exits 0 instead of asking for a terminal.
func TestResetWithoutTerminal(t *testing.T) {
	store := configDir(t)
	store.Save(progress.State{Screen: "step5", Lang: locales.French})
	var out, errb bytes.Buffer
	code := run([]string{"--reset", "--lang", "fr"}, &out, &errb, func(string) string { return "" }, false)
	if code != 0 || out.String() != "Progression enregistrée oubliée.\n" || errb.Len() != 0 {
		t.Fatalf("exit %d, out %q, err %q", code, out.String(), errb.String())
	}
	if _, err := os.Stat(store.Path()); !os.IsNotExist(err) {
		t.Fatal("the state file is still there")
	}
}
