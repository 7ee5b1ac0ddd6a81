package tui

import (
	"errors"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/desktop"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

func newWith(cfg Config, w, h int) (Model, *fakeClock) {
	c := &fakeClock{t0}
	if cfg.Now == nil {
		cfg.Now = c.now
	}
	if cfg.Lang == "" {
		cfg.Lang = locales.English
	}
	cfg.LangKnown = true
	m := New(cfg)
	return send(m, tea.WindowSizeMsg{Width: w, Height: h}), c
}

// walk visits every screen, in both languages, and returns all it showed.
func walk(m Model) string {
	var all strings.Builder
	for range 2 {
		for i := range m.walk.Screens() {
			m.show(i)
			all.WriteString(m.View().Content)
			m = press(m, "?")
			all.WriteString(m.View().Content)
			m = press(m, "?")
		}
		m = press(m, "l")
	}
	return all.String()
}

// In presenter mode the address never reaches the screen: not while typed, not once given, not
// in the guest identity, on no screen, in neither language.
func TestPresenterMasksTheAddress(t *testing.T) {
	m, _ := newWith(Config{Presenter: true}, 80, 24)
	m = press(m, "next", "e") // e opens the field
	m = typeText(m, "jane.doe@firmname.ca")
	mustNotContain(t, m, "jane", "firmname")
	mustContain(t, m, "••••••••••")
	m = press(m, "enter", "prev")
	mustContain(t, m, "j•••@f•••.ca", "j•••_f•••.ca#EXT#@DMCHosting.onmicrosoft.com", "Presenter mode")
	all := walk(m)
	for _, secret := range []string{"jane", "firmname"} {
		if strings.Contains(all, secret) {
			t.Fatalf("a screen shows %q", secret)
		}
	}
	if !strings.Contains(all, "click j•••@f•••.ca") {
		t.Fatal("step 7 does not quote the masked address")
	}
	// Leaving presenter mode shows the address again.
	m = press(m, "P")
	mustContain(t, m, "jane.doe@firmname.ca", "Presenter mode off")
	mustNotContain(t, m, "•••")
	m = press(m, "P")
	mustContain(t, m, "Presenter mode on")
	mustNotContain(t, m, "jane")
}

// P works from any screen; while the address field has focus it is a letter.
func TestPresenterKey(t *testing.T) {
	m, _ := newWith(Config{Email: "jane@firm.ca"}, 80, 24)
	m = press(m, "next")
	mustContain(t, m, "jane@firm.ca")
	m = press(m, "P") // the field is not open: P is the key
	if !m.Presenting() {
		t.Fatal("P did not turn presenter mode on")
	}
	mustNotContain(t, m, "jane@firm.ca")
	m = press(m, "P", "e", "P")
	if m.Presenting() || m.addr().input.Value() != "jane@firm.caP" {
		t.Fatalf("P in the field: presenting=%v value=%q", m.Presenting(), m.addr().input.Value())
	}
}

func TestPresenterBigStepNumber(t *testing.T) {
	m, _ := newWith(Config{Presenter: true, Lang: locales.French, Step: 4}, 80, 24)
	mustContain(t, m, "Étape  ", "Étape 4 de 9", "Mode présentateur", "Aide : support@auvenir.ca")
	lines := strings.Split(screenText(m), "\n")
	found := false
	for i, l := range lines {
		if strings.Contains(l, "Étape  ") && i > 0 && i+1 < len(lines) {
			rows := []string{lines[i-1], l, lines[i+1]}
			want := bigNumber(4)
			for r := range 3 {
				if !strings.Contains(rows[r], want[r]) {
					t.Fatalf("row %d of the big 4 is %q, want it to contain %q", r, rows[r], want[r])
				}
			}
			found = true
		}
	}
	if !found {
		t.Fatalf("no big step number:\n%s", screenText(m))
	}
	// Every frame still fits the window, down to 60×20.
	for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}} {
		m, _ := newWith(Config{Presenter: true}, size[0], size[1])
		for i := range m.walk.Screens() {
			m.show(i)
			if n := len(strings.Split(screenText(m), "\n")); n != size[1] {
				t.Errorf("%v %s: %d lines", size, m.screen().Key, n)
			}
			mustContain(t, m, "support@auvenir.ca", "+1 (855) 528-8364")
		}
	}
}

func TestBigNumber(t *testing.T) {
	want := [3]string{"▀▀▀▀██", "▀▀▀▀██", "▀▀▀▀▀▀"}
	if got := bigNumber(3); got != want {
		t.Fatalf("bigNumber(3) = %q", got)
	}
	if got := bigNumber(1); got != [3]string{"▄▄██  ", "  ██  ", "▀▀▀▀▀▀"} {
		t.Fatalf("bigNumber(1) = %q", got)
	}
	for n := 1; n <= 9; n++ {
		for _, row := range bigNumber(n) {
			if len([]rune(row)) != 6 {
				t.Fatalf("digit %d has a row %q not 6 wide", n, row)
			}
		}
	}
}

// The presenter palette uses two colours, the text's and the accent, each at 7:1 contrast or
// more on the background (WCAG AAA), so a compressed video stream keeps them readable. The
// normal palette, with its muted greys and its greens, fails this test.
func TestPresenterPalette(t *testing.T) {
	check := func(s Styles, dark bool) (colours map[[3]uint32]bool, worst float64) {
		bg := 1.0 // white
		if dark {
			bg = 0
		}
		colours = map[[3]uint32]bool{}
		worst = 21
		for _, st := range []lipgloss.Style{s.Heading, s.Title, s.Lead, s.Text, s.Muted, s.SubHeading,
			s.OnScreen, s.Warning, s.Hint, s.Link, s.Contact, s.StepDone, s.StepCurrent, s.Step, s.Footer,
			s.Success, s.Help.ShortKey, s.Help.ShortDesc} {
			r, g, b, _ := st.GetForeground().RGBA()
			colours[[3]uint32{r, g, b}] = true
			l := luminance(r, g, b)
			worst = min(worst, (max(l, bg)+0.05)/(min(l, bg)+0.05))
		}
		return colours, worst
	}
	for _, dark := range []bool{true, false} {
		if colours, worst := check(presenterStyles(dark), dark); len(colours) != 2 || worst < 7 {
			t.Errorf("dark=%v: presenter palette has %d colours, worst contrast %.1f:1", dark, len(colours), worst)
		}
		if colours, worst := check(newStyles(dark), dark); len(colours) <= 2 && worst >= 7 {
			t.Errorf("dark=%v: the check cannot tell the normal palette from the presenter one", dark)
		}
	}
}

// luminance is the WCAG relative luminance of a 16-bit RGB colour.
func luminance(r, g, b uint32) float64 {
	lin := func(c uint32) float64 {
		v := float64(c) / 0xFFFF
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// Progress is saved after each step and holds only the State fields.
func TestSavesAfterEachStep(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	m, c := newWith(Config{Progress: store}, 80, 24)
	if _, err := os.Stat(store.Path()); err == nil {
		t.Fatal("saved before anything happened")
	}
	m = press(m, "next", "e")
	m = typeText(m, "jane@firm.ca")
	m = press(m, "enter")
	st := load(t, store)
	if st.Screen != "step1" || st.Email != "jane@firm.ca" {
		t.Fatalf("after the address: %+v", st)
	}
	m = press(m, "3", "s")
	if st := load(t, store); st.Screen != "step3" || !st.CodeSent.Equal(c.t) {
		t.Fatalf("after the timer: %+v", st)
	}
	m = press(m, "next", "next", "l")
	if st := load(t, store); st.Screen != "step5" || st.Lang != locales.French {
		t.Fatalf("after step 5 in French: %+v", st)
	}
	_ = m
}

func load(t *testing.T, s *progress.Store) progress.State {
	t.Helper()
	st, found, err := s.Load()
	if err != nil || !found {
		t.Fatalf("Load: %v %v", found, err)
	}
	return st
}

// The opening question resumes at the saved step, with the address and the running timer.
func TestResumeOffer(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	saved := progress.State{Screen: "step5", Lang: locales.English, Email: "jane@firm.ca", CodeSent: t0.Add(-10 * time.Minute)}
	if err := store.Save(saved); err != nil {
		t.Fatal(err)
	}
	m, _ := newWith(Config{Progress: store, Resume: &saved}, 80, 24)
	mustContain(t, m, "Welcome back", "Step 5 of 9: Enter the code", "Continue from there?", "support@auvenir.ca")
	// Other keys do nothing while the question is asked.
	m = press(m, "next", "P", "7")
	mustContain(t, m, "Welcome back")
	m = press(m, "enter")
	mustContain(t, m, "Step 5 of 9", "The code works for 20:00 more.", "jane@firm.ca")
	if !m.walk.Done(steps.Index(m.walk.Screens(), 4)) || m.walk.Done(m.walk.Index()) {
		t.Fatal("the steps before the saved one are not marked done")
	}
	if st := load(t, store); st.Screen != "step5" || st.Email != "jane@firm.ca" {
		t.Fatalf("resuming changed the progress: %+v", st)
	}
	m = press(m, "next")
	if st := load(t, store); st.Screen != "step6" || st.Email != "jane@firm.ca" || !st.CodeSent.Equal(saved.CodeSent) {
		t.Fatalf("after resuming and moving on: %+v", st)
	}
}

// Issue 20, item 2: on the resume offer n (next, elsewhere) and Esc forget nothing; f names what
// forgetting deletes and asks, and Enter there keeps the progress: only yes forgets it.
func TestResumeDeclined(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	saved := progress.State{Screen: "step5", Lang: locales.French, Email: "claire.roy@cabinet.qc.ca",
		SignIn: steps.SignInWork, CodeSent: t0.Add(-5 * time.Minute)}
	if err := store.Save(saved); err != nil {
		t.Fatal(err)
	}
	kept := func(when string) {
		t.Helper()
		if st := load(t, store); st.Email != saved.Email || st.Screen != "step5" {
			t.Fatalf("%s: the progress changed: %+v", when, st)
		}
	}
	m, _ := newWith(Config{Lang: locales.French, Progress: store, Resume: &saved}, 80, 24)
	mustContain(t, m, "Bon retour", "Étape 5 de 9", "Reprendre à cet endroit ?", "f recommencer")
	m = press(m, "n", "esc")
	mustContain(t, m, "Bon retour")
	kept("n and esc")
	m = press(m, "f")
	mustContain(t, m, "Recommencer et oublier", "votre adresse (claire.roy@cabinet.qc.ca)",
		"Étape 5 de 9", "la minuterie du code", "Tout oublier ?", "o oui, oublier", "Entrée non, garder")
	m = press(m, "enter") // default No
	mustContain(t, m, "Bon retour", "Reprendre à cet endroit ?")
	kept("f then Enter")
	m = press(m, "f", "n")
	kept("f then n")
	m = press(m, "f", "o")
	mustContain(t, m, "Avant de commencer")
	if _, err := os.Stat(store.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("starting over kept the old progress")
	}
	if _, cmd := m.Update(keyMsg("q")); cmd == nil {
		t.Fatal("q does not quit after the question")
	}
}

// Nothing to offer at the start or at the end of the guide.
func TestNoOfferAtStartOrFinish(t *testing.T) {
	for _, key := range []string{"intro", "finish"} {
		m, _ := newWith(Config{Resume: &progress.State{Screen: key, Lang: locales.English}}, 80, 24)
		mustNotContain(t, m, "Welcome back")
		mustContain(t, m, "Before you begin")
	}
}

func TestNoticeAndSaveFailure(t *testing.T) {
	m, _ := newWith(Config{Notice: "The saved progress is damaged."}, 80, 24)
	mustContain(t, m, "The saved progress is damaged.")
	m = press(m, "next")
	mustNotContain(t, m, "damaged")
	// A store that cannot be written says so once and the guide goes on.
	dir := t.TempDir()
	os.MkdirAll(dir+"/"+progress.FileName+"/x", 0o700)
	m, _ = newWith(Config{Progress: &progress.Store{Dir: dir}}, 80, 24)
	m = press(m, "next")
	mustContain(t, m, "Your progress could not be saved", "Your address")
	m = press(m, "next")
	mustNotContain(t, m, "could not be saved")
	mustContain(t, m, "Step 1 of 9")
}

// o opens the screen's main link; when no browser opens, the link is shown to open by hand.
func TestOpenKey(t *testing.T) {
	var opened []string
	fail := false
	opener := func(u string) error {
		opened = append(opened, u)
		if fail {
			return errors.New("no browser")
		}
		return nil
	}
	m, _ := newWith(Config{OpenURL: opener, Step: 6}, 100, 30)
	mustContain(t, m, "o open link")
	m = runCmd(m, "o")
	if len(opened) != 1 || opened[0] != steps.MyAccountTenantURL {
		t.Fatalf("opened %v", opened)
	}
	mustContain(t, m, "Opening https://myaccount.microsoft.com?tenantId=DMCHosting.onmicrosoft.com in your web browser.")
	fail = true
	m = runCmd(m, "o")
	mustContain(t, m, "No web browser could be opened. Open this address yourself:", steps.MyAccountTenantURL)
	m = press(m, "5")
	mustNotContain(t, m, "o open link")
	runCmd(m, "o")
	if len(opened) != 2 {
		t.Fatal("o opened something on a screen without a link")
	}
}

// runCmd presses k and feeds the message its command returns back to the model.
func runCmd(m Model, k string) Model {
	next, cmd := m.Update(keyMsg(k))
	m = next.(Model)
	if cmd != nil {
		if msg := cmd(); msg != nil {
			m = send(m, msg)
		}
	}
	return m
}

// runCopy presses y and runs what it asks for: the OSC 52 sequence (returned) and the system
// clipboard copy, whose outcome goes back to the model.
func runCopy(t *testing.T, m Model) (Model, tea.Msg) {
	t.Helper()
	next, cmd := m.Update(keyMsg("y"))
	m = next.(Model)
	if cmd == nil {
		t.Fatal("y does nothing")
	}
	batch, ok := cmd().(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		t.Fatalf("y gives %T, want the OSC 52 sequence and the system copy", cmd())
	}
	osc52 := batch[0]()
	return send(m, batch[1]()), osc52
}

// y copies the support address, or on the address screen the guest identity, through the system
// clipboard and OSC 52; it says "copied" only when the system clipboard took it.
func TestCopyKey(t *testing.T) {
	var copied []string
	ok := func(s string) error { copied = append(copied, s); return nil }
	m, _ := newWith(Config{Email: "jane@firm.ca", Step: 4, CopyText: ok}, 80, 24)
	m, osc := runCopy(t, m)
	if !reflect.DeepEqual(osc, tea.SetClipboard(steps.SupportEmail)()) || copied[0] != steps.SupportEmail {
		t.Fatalf("y does not copy the support address: %v, %q", osc, copied)
	}
	mustContain(t, m, "Copied to the clipboard: support@auvenir.ca")
	m = press(m, "prev", "prev", "prev", "prev", "esc")
	mustContain(t, m, "y copy identity")
	m, osc = runCopy(t, m)
	if !reflect.DeepEqual(osc, tea.SetClipboard("jane_firm.ca#EXT#@DMCHosting.onmicrosoft.com")()) ||
		copied[1] != "jane_firm.ca#EXT#@DMCHosting.onmicrosoft.com" {
		t.Fatal("y on the address screen does not copy the identity")
	}
	// Presenter mode copies the real identity but shows it masked.
	m = press(m, "P")
	m, osc = runCopy(t, m)
	if !reflect.DeepEqual(osc, tea.SetClipboard("jane_firm.ca#EXT#@DMCHosting.onmicrosoft.com")()) {
		t.Fatal("presenter mode changed what is copied")
	}
	mustContain(t, m, "Copied to the clipboard: j•••_f•••.ca#EXT#")
	mustNotContain(t, m, "jane")
}

// Without a system clipboard (a Linux console, an SSH session) nothing claims a copy: the text
// stands on its own line to be selected by hand; OSC 52 is still sent.
func TestCopyWithoutClipboard(t *testing.T) {
	for _, lang := range []locales.Lang{locales.English, locales.French} {
		none := func(string) error { return desktop.ErrNoClipboard }
		m, _ := newWith(Config{Lang: lang, LangKnown: true, Step: 4, CopyText: none}, 80, 24)
		m, osc := runCopy(t, m)
		if !reflect.DeepEqual(osc, tea.SetClipboard(steps.SupportEmail)()) {
			t.Fatal("no OSC 52 without a system clipboard")
		}
		mustNotContain(t, m, "Copied to the clipboard", "Copié dans le presse-papiers")
		s := screenText(m)
		want := map[locales.Lang]string{locales.English: "The clipboard could not be reached", locales.French: "Impossible d'accéder au presse-papiers"}[lang]
		if !strings.Contains(s, want) {
			t.Fatalf("%s: no failure message:\n%s", lang, s)
		}
		alone := false
		for _, l := range strings.Split(s, "\n") {
			if strings.TrimSpace(l) == steps.SupportEmail {
				alone = true
			}
		}
		if !alone {
			t.Fatalf("%s: the address is not on a line of its own:\n%s", lang, s)
		}
	}
}

// Links are OSC 8 hyperlinks: the terminal makes them clickable where it can.
func TestHyperlinks(t *testing.T) {
	m, _ := newWith(Config{Step: 6}, 120, 40)
	m = press(m, "right") // step 6's second part, where the link is
	if !strings.Contains(m.View().Content, "\x1b]8;;"+steps.MyAccountTenantURL) {
		t.Fatal("the organizations link is not a hyperlink")
	}
	m = press(m, "next", "next", "next", "next")
	for _, u := range []string{"mailto:support@auvenir.ca", "tel:+18555288364"} {
		if !strings.Contains(m.View().Content, "\x1b]8;;"+u) {
			t.Errorf("the finish screen lacks the hyperlink %s", u)
		}
	}
}

// Issue 20, item 2: --step N opens at step N with everything saved (the address, the answer of
// step 2, the timer) and never saves over it with nothing.
func TestStepKeepsTheSavedProgress(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	saved := progress.State{Version: progress.Version, Screen: "step5", Lang: locales.English,
		Email: "claire.roy@cabinet.qc.ca", SignIn: steps.SignInWork, CodeSent: t0.Add(-5 * time.Minute)}
	if err := store.Save(saved); err != nil {
		t.Fatal(err)
	}
	m, _ := newWith(Config{Lang: locales.English, LangKnown: true, Step: 3, Progress: store, Saved: &saved}, 80, 24)
	mustContain(t, m, "Step 3 of 9")
	m = press(m, "next", "7")
	mustContain(t, m, "claire.roy@cabinet.qc.ca.", "claire.roy_cabinet.qc.ca#EXT#")
	st := load(t, store)
	if st.Screen != "step7" || st.Email != saved.Email || st.SignIn != saved.SignIn || !st.CodeSent.Equal(saved.CodeSent) {
		t.Fatalf("--step saved over the progress: %+v", st)
	}
}

// Issue 20, item 7: the screen added in its own file. On step 9 d opens it (for an address that
// may be an organisation's account), Enter records that Microsoft asked for no method, and the
// progress saves it; for a personal Microsoft account the key is neither shown nor acted on.
func TestTrustedScreen(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	m, _ := newWith(Config{Lang: locales.English, LangKnown: true, Step: 9, Progress: store}, 80, 24)
	mustNotContain(t, m, "d Microsoft asked for no method") // on the part it belongs to
	m = press(m, "to:trusted")
	mustContain(t, m, "d Microsoft asked for no method")
	m = press(m, "d")
	mustContain(t, m, "You are done: your organization's multi-factor authentication is trusted",
		"did not show “More information required”", "Enter yes, that is what happened", "Esc back to step 9")
	m = press(m, "enter")
	mustContain(t, m, "Noted: nothing more to set up.")
	if st := load(t, store); st.MFA != progress.MFATrusted {
		t.Fatalf("saved %+v", st)
	}
	m = press(m, "esc")
	mustContain(t, m, "Step 9 of 9")

	p, _ := newWith(Config{Lang: locales.French, LangKnown: true, Step: 2}, 80, 24)
	p = press(p, "m", "2", "9") // a personal Microsoft account
	mustNotContain(t, p, "aucune méthode")
	if p = press(p, "to:trusted", "d"); p.isOpen(idTrusted) {
		t.Fatal("d opened the screen for a personal account")
	}
}
