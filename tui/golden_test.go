package tui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
	otptotp "github.com/pquerna/otp/totp"

	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/auvenir/auvenir-onboard/locales"
)

// runGolden drives a real Bubble Tea program with keys, quits, and compares the last frame with
// testdata/<test name>.golden (rewrite with go test ./tui -update).
func runGolden(t *testing.T, cfg Config, w, h int, keys ...string) {
	t.Helper()
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return t0 }
	}
	if slices.ContainsFunc(keys, func(k string) bool { return k == "next" || k == "prev" || strings.HasPrefix(k, "to:") }) {
		// The keys "next", "prev" and "to:…" (expand) become the keys they stand for here.
		m := New(cfg)
		m = send(m, tea.WindowSizeMsg{Width: w, Height: h})
		_, keys = expand(m, keys...)
	}
	tm := teatest.NewTestModel(t, New(cfg),
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(
			tea.WithColorProfile(colorprofile.TrueColor),
			tea.WithEnvironment([]string{"TERM=xterm-256color"}),
		))
	for _, k := range keys {
		if k == bgLight {
			tm.Send(tea.BackgroundColorMsg{Color: color.White})
			continue
		}
		tm.Send(keyMsg(k))
	}
	tm.Send(keyMsg("ctrl+c")) // q would be a letter in a field
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	golden.RequireEqual(t, final.View().Content)
}

// bgLight, among a golden's keys, is the terminal answering that its background is white.
const bgLight = "bg:light"

// chars are the keys that type s.
func chars(s string) []string {
	var out []string
	for _, r := range s {
		out = append(out, string(r))
	}
	return out
}

// Every screen of the walkthrough, in both languages, at 80×24 and at the smallest window,
// 60×20 (issue 20: no line breaks inside an address or a quoted label at either width).
func TestGoldenScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		suffix := ""
		if size[0] != 80 {
			suffix = fmt.Sprintf("_%dx%d", size[0], size[1])
		}
		for _, lang := range locales.Langs {
			screens := New(Config{}).walk.Screens()
			for i, s := range screens {
				keys := make([]string, i)
				for k := range keys {
					keys[k] = "next"
				}
				t.Run(fmt.Sprintf("%s_%02d_%s%s", lang, i, s.Key, suffix), func(t *testing.T) {
					runGolden(t, Config{Lang: lang, LangKnown: true, Email: "claire.roy@cabinet.qc.ca"}, size[0], size[1], keys...)
				})
				// A long screen's other parts (issue 20, item 6), each a golden of its own.
				for p := 1; p < s.PartCount(); p++ {
					keys := append(keys[:i:i], "right")
					for range p - 1 {
						keys = append(keys, "right")
					}
					t.Run(fmt.Sprintf("%s_%02d_%s_part%d%s", lang, i, s.Key, p+1, suffix), func(t *testing.T) {
						runGolden(t, Config{Lang: lang, LangKnown: true, Email: "claire.roy@cabinet.qc.ca"}, size[0], size[1], keys...)
					})
				}
			}
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
		"en_address_given":    {Config{Lang: locales.English, LangKnown: true, Email: "jane.doe@example.ca"}, 80, 24, []string{"next"}},
		"fr_address_error":    {Config{Lang: locales.French, LangKnown: true}, 80, 24, []string{"next", "e", "j", "@", "x", "enter"}},
		"en_timer_running":    {Config{Lang: locales.English, LangKnown: true, Step: 3}, 80, 24, []string{"s", "next"}},
		"fr_step4_60x20":      {Config{Lang: locales.French, LangKnown: true, Step: 4}, 60, 20, nil},
		"en_step6_120x40":     {Config{Lang: locales.English, LangKnown: true, Step: 6}, 120, 40, []string{"1", "2", "3", "4", "5", "6"}},
		"fr_help":             {Config{Lang: locales.French, LangKnown: true}, 80, 24, []string{"?"}},
		"language_chooser":    {Config{}, 80, 24, nil},
		"en_window_too_small": {Config{Lang: locales.English, LangKnown: true}, 40, 12, nil},
		// Presenter mode in the smallest window: the big step number beside the heading.
		"fr_presenter_step9_60x20": {Config{Lang: locales.French, LangKnown: true, Step: 9, Presenter: true}, 60, 20, nil},
		// The screen of a client whose organisation's MFA DMC Hosting trusts (step 9, d).
		"en_trusted":       {Config{Lang: locales.English, LangKnown: true, Step: 9}, 80, 24, []string{"to:trusted", "d"}},
		"fr_trusted":       {Config{Lang: locales.French, LangKnown: true, Step: 9}, 80, 24, []string{"to:trusted", "d"}},
		"fr_trusted_60x20": {Config{Lang: locales.French, LangKnown: true, Step: 9}, 60, 20, []string{"to:trusted", "d"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { runGolden(t, c.cfg, c.w, c.h, c.keys...) })
	}
}

// Step 9's screens: the practice (with a fixed key, so its QR code is stable), the store codes,
// the mobile number and --show-qr.
func TestGoldenStep9(t *testing.T) {
	secret := fixedSecret(t)
	code := func(at time.Time) string {
		c, err := otptotp.GenerateCode(secret, at)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	practice := func(l locales.Lang) Config {
		return Config{Lang: l, LangKnown: true, Practice: true, practiceRand: fixedRand()}
	}
	key, err := otpauth.Parse("otpauth://totp/Example:jane@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example")
	if err != nil {
		t.Fatal(err)
	}
	step9 := func(l locales.Lang) Config { return Config{Lang: l, LangKnown: true, Step: 9} }
	cases := map[string]struct {
		cfg  Config
		w, h int
		keys []string
	}{
		"en_practice":           {practice(locales.English), 80, 24, nil},
		"fr_practice":           {practice(locales.French), 80, 24, nil},
		"en_practice_light":     {practice(locales.English), 80, 24, []string{bgLight}},
		"en_practice_refused":   {practice(locales.English), 80, 24, chars("12a")},
		"fr_practice_ahead":     {practice(locales.French), 80, 24, append(chars(code(t0.Add(2*time.Minute))), "enter")},
		"en_practice_verified":  {practice(locales.English), 80, 24, append(chars(code(t0)), "enter")},
		"fr_practice_verified":  {practice(locales.French), 80, 24, append(chars(code(t0)), "enter")},
		"en_practice_too_small": {practice(locales.English), 70, 22, nil},
		"fr_practice_120x40":    {practice(locales.French), 120, 40, nil},
		"en_step9_after":        {practice(locales.English), 80, 24, append(chars(code(t0)), "enter", "esc")},
		"en_stores":             {step9(locales.English), 80, 24, []string{"g"}},
		"fr_stores_60x24":       {step9(locales.French), 60, 24, []string{"g", "tab"}},
		"en_phone_checked":      {step9(locales.English), 80, 24, append(append([]string{"to:phone", "t"}, chars("6475550123")...), "enter")},
		"fr_phone_refused":      {step9(locales.French), 80, 24, append(append([]string{"to:phone", "t"}, chars("1 800 555")...), "enter")},
		"en_show_qr":            {Config{Lang: locales.English, ShowKey: &key}, 80, 24, nil},
		"fr_show_qr_light":      {Config{Lang: locales.French, ShowKey: &key}, 80, 24, []string{bgLight}},
		"fr_practice_no_colour": {Config{Lang: locales.French, LangKnown: true, Practice: true, practiceRand: fixedRand(), NoColor: true}, 80, 24, nil},
		"en_show_qr_no_colour":  {Config{Lang: locales.English, ShowKey: &key, NoColor: true}, 80, 24, nil},
		"en_show_qr_presenter":  {Config{Lang: locales.English, ShowKey: &key, Presenter: true}, 80, 24, nil},
		"fr_show_qr_presenter":  {Config{Lang: locales.French, ShowKey: &key, Presenter: true}, 80, 24, nil},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { runGolden(t, c.cfg, c.w, c.h, c.keys...) })
	}
}

// The screens issue 11 changed besides their first look: step 2's question, steps 3 to 5 on the
// password path, the error explainer with an answer, and step 9 on both sides of the end of
// text-message codes (1 February 2027, assets/smsvoice.toml).
func TestGoldenIssue11(t *testing.T) {
	at := func(l locales.Lang, step int, day time.Time) Config {
		return Config{Lang: l, LangKnown: true, Step: step, Now: func() time.Time { return day }}
	}
	ended := time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC)
	pasted := chars("AADSTS53003 Correlation ID: aaaa0000-bb11-2222-33cc-444444dddddd Timestamp: 2026-11-25 09:55:00Z")
	cases := map[string]struct {
		cfg  Config
		w, h int
		keys []string
	}{
		"en_step2_question":   {at(locales.English, 2, t0), 80, 24, []string{"m"}},
		"fr_step2_question":   {at(locales.French, 2, t0), 80, 24, []string{"m", "down"}},
		"fr_step3_work":       {at(locales.French, 2, t0), 80, 24, []string{"m", "enter", "next"}},
		"en_step3_unsure":     {at(locales.English, 2, t0), 80, 30, []string{"m", "4", "next"}},
		"en_step5_personal":   {at(locales.English, 2, t0), 80, 24, []string{"m", "2", "5"}},
		"en_explainer":        {at(locales.English, 5, t0), 80, 30, append(append([]string{"x"}, pasted...), "enter")},
		"fr_explainer":        {at(locales.French, 5, t0), 80, 30, append(append([]string{"x"}, pasted...), "enter")},
		"en_step9_before_end": {at(locales.English, 9, time.Date(2027, 1, 31, 9, 0, 0, 0, time.UTC)), 80, 70, nil},
		"en_step9_sms_ended":  {at(locales.English, 9, ended), 80, 70, nil},
		"fr_step9_sms_ended":  {at(locales.French, 9, ended), 80, 70, nil},
		"fr_step6_trust":      {at(locales.French, 6, t0), 80, 50, nil},
		"en_finish":           {at(locales.English, 9, t0), 80, 30, []string{"next"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { runGolden(t, c.cfg, c.w, c.h, c.keys...) })
	}
}
