package tui

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/auvenir/auvenir-onboard/locales"
)

// runGolden drives a real Bubble Tea program with keys, quits, and compares the last frame with
// testdata/<test name>.golden (rewrite with go test ./tui -update).
func runGolden(t *testing.T, cfg Config, w, h int, keys ...string) {
	t.Helper()
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return t0 }
	}
	tm := teatest.NewTestModel(t, New(cfg),
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(
			tea.WithColorProfile(colorprofile.TrueColor),
			tea.WithEnvironment([]string{"TERM=xterm-256color"}),
		))
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	golden.RequireEqual(t, final.View().Content)
}

// Every screen of the walkthrough, in both languages, at 80×24.
func TestGoldenScreens(t *testing.T) {
	for _, lang := range locales.Langs {
		screens := New(Config{}).screens
		for i, s := range screens {
			keys := make([]string, i)
			for k := range keys {
				keys[k] = "right"
			}
			t.Run(fmt.Sprintf("%s_%02d_%s", lang, i, s.Key), func(t *testing.T) {
				runGolden(t, Config{Lang: lang, LangKnown: true}, 80, 24, keys...)
			})
		}
	}
}

// The states a screen can be in besides its first look.
func TestGoldenStates(t *testing.T) {
	cases := map[string]struct {
		cfg  Config
		w, h int
		keys []string
	}{
		"en_address_given":    {Config{Lang: locales.English, LangKnown: true, Email: "jane.doe@example.ca"}, 80, 24, []string{"right"}},
		"fr_address_error":    {Config{Lang: locales.French, LangKnown: true}, 80, 24, []string{"right", "e", "j", "@", "x", "enter", "esc"}},
		"en_timer_running":    {Config{Lang: locales.English, LangKnown: true, Step: 3}, 80, 24, []string{"s", "right"}},
		"fr_step4_60x20":      {Config{Lang: locales.French, LangKnown: true, Step: 4}, 60, 20, nil},
		"en_step6_120x40":     {Config{Lang: locales.English, LangKnown: true, Step: 6}, 120, 40, []string{"1", "2", "3", "4", "5", "6"}},
		"fr_help":             {Config{Lang: locales.French, LangKnown: true}, 80, 24, []string{"?"}},
		"language_chooser":    {Config{}, 80, 24, nil},
		"en_window_too_small": {Config{Lang: locales.English, LangKnown: true}, 40, 12, nil},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { runGolden(t, c.cfg, c.w, c.h, c.keys...) })
	}
}
