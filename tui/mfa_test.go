package tui

import (
	"image/color"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	otptotp "github.com/pquerna/otp/totp"

	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/totp"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// practiceAt opens the wizard as --totp-practice does, with the fixed test key and clock.
func practiceAt(t *testing.T, lang locales.Lang, w, h int) (Model, *fakeClock) {
	t.Helper()
	c := &fakeClock{t0}
	m := New(Config{Lang: lang, LangKnown: true, Now: c.now, Practice: true, practiceRand: fixedRand()})
	m = send(m, tea.WindowSizeMsg{Width: w, Height: h})
	if m.front() != idPractice || m.practice().p == nil {
		t.Fatalf("--totp-practice did not open the practice: view %d", m.front())
	}
	return m, c
}

// codeAt is what the app shows at time at for the practice key.
func codeAt(t *testing.T, m Model, at time.Time) string {
	t.Helper()
	c, err := otptotp.GenerateCode(m.practice().p.Secret(), at)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestStep9ShowsOptionsStoresAndKeys(t *testing.T) {
	m, _ := newTest(locales.English, 140, 90)
	m = press(m, "9")
	// Each key is on the part of step 9 it belongs to, and only there (issue 20, item 6).
	mustRead(t, m, "App Store", steps.AppStoreURL, "Google Play", steps.PlayStoreURL,
		"Press g to show", "g store codes")
	mustNotContain(t, m, "Press a to rehearse", "Press t to type", "a practise with the app", "t check my number")
	m = press(m, "to:practice")
	mustRead(t, m, "Press a to rehearse with a practice account", "a practise with the app")
	mustNotContain(t, m, "Press g to show", "Press t to type", "t check my number")
	if m = press(m, "t"); m.front() != idNone {
		t.Fatal("t opened the number check away from option 2's part")
	}
	m = press(m, "to:phone")
	mustRead(t, m, "Press t to type your mobile number", "t check my number")
	mustNotContain(t, m, "Press a to rehearse", "a practise with the app")
	if m = press(m, "a"); m.front() != idNone {
		t.Fatal("a opened the practice away from its part")
	}
	// The keys belong to step 9 only (Esc ends the stray typing the letters above began).
	m = press(m, "esc", "8", "a")
	if m.front() != idNone || m.screen().Number != 8 {
		t.Fatal("a opened the practice away from step 9")
	}
	mustNotContain(t, m, "practise with the app")
}

func TestPracticeOpensFromStep9AndKeepsItsKey(t *testing.T) {
	m, _ := newTest(locales.French, 80, 24)
	m = press(m, "9", "to:practice", "a")
	if m.front() != idPractice || m.practice().p == nil {
		t.Fatal("a did not open the practice")
	}
	secret := m.practice().p.Secret()
	mustRead(t, m, "Exercice : ajouter un compte", "Auvenir (exercice)", otpauth.Group(secret)[:19])
	mustNotContain(t, m, "Étape 9 de 9") // full screen: the wizard's layout is gone
	m = press(m, "esc")
	mustRead(t, m, "Étape 9 de 9")
	mustNotContain(t, m, secret[:8])
	m = press(m, "to:practice", "a")
	if m.practice().p.Secret() != secret {
		t.Fatal("coming back made a new key: the entry already in the app would stop working")
	}
}

func TestPracticeAccountIsTheAddress(t *testing.T) {
	m := New(Config{Lang: locales.English, LangKnown: true, Email: "jane@firm.ca", Practice: true, practiceRand: fixedRand()})
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.practice().p.Account() != "jane@firm.ca" || !strings.Contains(m.practice().p.URI(), "jane@firm.ca") {
		t.Fatalf("account %q", m.practice().p.Account())
	}
}

func TestPracticeWaitsForTheLanguage(t *testing.T) {
	m := New(Config{Practice: true, practiceRand: fixedRand()})
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	mustRead(t, m, "Choisissez votre langue")
	if m.practice().p != nil {
		t.Fatal("the key was made before the language (its issuer name) was known")
	}
	m = press(m, "f", "enter")
	if m.practice().p == nil || m.practice().p.Issuer() != "Auvenir (exercice)" {
		t.Fatalf("after choosing French: %v", m.practice().p)
	}
	mustRead(t, m, "Exercice : ajouter un compte")
}

func TestPracticeCodeFieldRefusesInline(t *testing.T) {
	m, _ := practiceAt(t, locales.English, 80, 24)
	refusal := "Type the 6 digits the app shows, for example 123 456."
	m = typeText(m, "12a")
	mustRead(t, m, refusal, "› 12a")
	m = press(m, "enter")
	if m.practice().code.Value() != "12a" || m.practice().result.Outcome != totp.Malformed {
		t.Fatalf("a refused code was lost or checked: %q %v", m.practice().code.Value(), m.practice().result)
	}
	m = press(m, "backspace")
	mustNotContain(t, m, refusal)
	m = typeText(m, "34")
	m = press(m, "enter") // five digits
	mustRead(t, m, refusal, "› 1234")
	m = typeText(m, "567")
	mustRead(t, m, refusal) // seven digits refused as typed
	// Letters that are keys elsewhere are text here: q does not quit, a typo does not navigate.
	m = typeText(m, "qnp")
	if m.front() != idPractice || m.practice().code.Value() != "1234567qnp" {
		t.Fatalf("letters were taken as commands: view %d, field %q", m.front(), m.practice().code.Value())
	}
	if _, cmd := m.Update(keyMsg("q")); cmd != nil && cmd() == tea.Quit() {
		t.Fatal("q quits from the code field")
	}
	if _, cmd := m.Update(keyMsg("ctrl+c")); cmd == nil || cmd() != tea.Quit() {
		t.Fatal("ctrl+c does not quit from the practice")
	}
	if m.practice().verified || m.practice().checked {
		t.Fatal("a refused text counted as a check")
	}
}

func TestPracticeVerified(t *testing.T) {
	for _, lang := range locales.Langs {
		m, clock := practiceAt(t, lang, 80, 24)
		secret := m.practice().p.Secret()
		code := codeAt(t, m, clock.t)
		clock.t = clock.t.Add(20 * time.Second) // typing takes time; the code stays good
		m = typeText(m, code[:3]+" "+code[3:])
		m = press(m, "enter")
		if !m.practice().verified || m.practice().result.Outcome != totp.Verified {
			t.Fatalf("%s: %v", lang, m.practice().result)
		}
		if lang == locales.English {
			mustRead(t, m, "✓ Code verified", "Practice done: your phone is ready", "Now delete the practice account",
				"remove the account in its settings", "“Work or school account”", "The 6-digit code you practised here is Microsoft's")
		} else {
			mustRead(t, m, "✓ Code vérifié", "Supprimez maintenant le compte d'exercice", "supprimez le compte dans ses paramètres",
				"Compte professionnel ou scolaire")
		}
		// The key has done its job: neither the code nor the key is shown any more.
		mustNotContain(t, m, otpauth.Group(secret)[:9], "▀▀▀▀▀▀▀▀▀▀")
		m = press(m, "esc")
		mustRead(t, m, map[locales.Lang]string{locales.English: "✓ Practice done: the code was verified.",
			locales.French: "✓ Exercice réussi : le code a été vérifié."}[lang])
	}
}

func TestPracticeClockAheadAndBehind(t *testing.T) {
	m, clock := practiceAt(t, locales.English, 80, 24)
	m = typeText(m, codeAt(t, m, clock.t.Add(2*time.Minute)))
	m = press(m, "enter")
	mustRead(t, m, "your phone's clock is about 2 minutes ahead of this computer's",
		"Set the phone's date and time to automatic")
	if m.practice().verified {
		t.Fatal("a code from the future verified")
	}
	// The next digit starts a new code: the checked one goes, the advice stays until checked.
	m = typeText(m, codeAt(t, m, clock.t.Add(-3*time.Minute)))
	if len(m.practice().code.Value()) != 6 {
		t.Fatalf("field %q: the old code was not replaced", m.practice().code.Value())
	}
	m = press(m, "enter")
	mustRead(t, m, "about 3 minutes behind")

	fr, clock := practiceAt(t, locales.French, 80, 24)
	fr = typeText(fr, codeAt(t, fr, clock.t.Add(90*time.Second)))
	fr = press(fr, "enter")
	mustRead(t, fr, "en avance")
}

func TestPracticeReplayAndNoMatch(t *testing.T) {
	m, clock := practiceAt(t, locales.English, 80, 24)
	code := codeAt(t, m, clock.t)
	m = typeText(m, code)
	m = press(m, "enter")
	mustRead(t, m, "Code verified", "You may check another code")
	m = press(m, "enter") // the same code again, still in the field
	mustRead(t, m, "This code was already used")
	m = typeText(m, code)
	m = press(m, "enter")
	mustRead(t, m, "This code was already used")
	wrong := []byte(codeAt(t, m, clock.t.Add(time.Hour)))
	m = typeText(m, string(wrong))
	m = press(m, "enter")
	mustRead(t, m, "This code does not match")
}

// With colour every module is painted, quiet zone included: the code reads on a dark and a light
// terminal alike, whatever background the terminal reported, and there is nothing to invert.
func TestPracticeCodeInColourScansOnAnyBackground(t *testing.T) {
	for _, reported := range []bool{false, true} {
		m, _ := practiceAt(t, locales.English, 80, 24)
		if reported {
			m = send(m, tea.BackgroundColorMsg{Color: color.White})
		}
		uri := m.practice().p.URI()
		for _, light := range []bool{false, true} {
			if got := scanFrame(t, m.View().Content, light); len(got) != 1 || got[0] != uri {
				t.Fatalf("reported light=%v, terminal light=%v: decoded %q, want %q", reported, light, got, uri)
			}
		}
		mustNotContain(t, m, "i invert")
		before := m.View().Content
		if m = press(m, "i"); m.View().Content != before {
			t.Fatal("i changed the colour drawing")
		}
	}
}

// A terminal without colour (an ASCII profile, as with NO_COLOR) gets the glyph drawing.
func TestPracticeCodeWithoutColourUsesGlyphs(t *testing.T) {
	m, _ := practiceAt(t, locales.English, 80, 24)
	m = send(m, tea.ColorProfileMsg{Profile: colorprofile.Ascii})
	if !strings.Contains(m.View().Content, "█") || strings.Contains(m.View().Content, "48;2;") {
		t.Fatal("no glyph drawing without colour")
	}
	mustRead(t, m, "i invert")
}

// Without colour the code on screen is the practice URI, and reads as dark modules on a light
// quiet zone on the background the terminal reported; i inverts it.
func TestPracticeCodeScansOnDarkAndLight(t *testing.T) {
	for _, light := range []bool{false, true} {
		c := &fakeClock{t0}
		m := New(Config{Lang: locales.English, LangKnown: true, Now: c.now, Practice: true, practiceRand: fixedRand(), NoColor: true})
		m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
		if light {
			m = send(m, tea.BackgroundColorMsg{Color: color.White})
		}
		uri := m.practice().p.URI()
		if got := scanFrame(t, m.View().Content, light); len(got) != 1 || got[0] != uri {
			t.Fatalf("light=%v: decoded %q, want %q", light, got, uri)
		}
		if got := scanFrame(t, m.View().Content, !light); len(got) != 0 {
			t.Fatalf("light=%v: the code also reads on the other background (%q): the glyphs ignore it", light, got)
		}
		m = press(m, "i")
		if got := scanFrame(t, m.View().Content, light); len(got) != 0 {
			t.Fatalf("light=%v, inverted: a plain scanner still reads %q", light, got)
		}
		if got := scanFrame(t, invertFrame(screenText(m)), light); len(got) != 1 || got[0] != uri {
			t.Fatalf("light=%v, inverted: the negative decodes to %q", light, got)
		}
	}
}

func TestPracticeCodeSizeAt80x24(t *testing.T) {
	m, _ := practiceAt(t, locales.English, 80, 24)
	r := m.practice().cache.r
	if r.Width != 45 || r.Height != 23 {
		t.Fatalf("code %d×%d at 80×24, want the smallest 45×23", r.Width, r.Height)
	}
	renders := m.practice().cache.renders
	m = typeText(m, "123456")
	if m.practice().cache.renders != renders {
		t.Fatalf("typing redrew the QR code %d times", m.practice().cache.renders-renders)
	}
	big, _ := practiceAt(t, locales.English, 120, 40)
	if r := big.practice().cache.r; r.Height <= 23 {
		t.Fatalf("at 120×40 the code is %d×%d: the larger, standard drawing fits", r.Width, r.Height)
	}
}

func TestPracticeTooSmallShowsSizeAndKey(t *testing.T) {
	m, _ := practiceAt(t, locales.English, 70, 22)
	mustRead(t, m, "This window (70×22) is too small for the QR code: it needs at least 77×24",
		otpauth.Group(m.practice().p.Secret())[:19])
	mustNotContain(t, m, "2. Scan the code", "i invert")
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	mustRead(t, m, "2. Scan the code")
}

func TestStoresShowBothCodes(t *testing.T) {
	m, _ := newTest(locales.English, 80, 24)
	m = press(m, "9", "g")
	mustRead(t, m, "App Store (iPhone)", "Google Play (Android)")
	mustNotContain(t, m, "Tab other store")
	got := scanFrame(t, m.View().Content, false)
	if strings.Join(got, " ") != steps.AppStoreURL+" "+steps.PlayStoreURL &&
		strings.Join(got, " ") != steps.PlayStoreURL+" "+steps.AppStoreURL {
		t.Fatalf("decoded %q", got)
	}
	// Too narrow for two: one at a time, tab switches.
	m = send(m, tea.WindowSizeMsg{Width: 60, Height: 24})
	mustRead(t, m, "Tab other store")
	if got := scanFrame(t, m.View().Content, false); len(got) != 1 || got[0] != steps.AppStoreURL {
		t.Fatalf("60 wide: %q", got)
	}
	m = press(m, "tab")
	if got := scanFrame(t, m.View().Content, false); len(got) != 1 || got[0] != steps.PlayStoreURL {
		t.Fatalf("after tab: %q", got)
	}
	m = press(m, "esc")
	mustRead(t, m, "Step 9 of 9")
}

func TestPhoneField(t *testing.T) {
	m, _ := newTest(locales.English, 80, 30)
	m = press(m, "9", "to:phone", "t")
	mustRead(t, m, "Mobile number", "Text message or call", "“Text me a code”", "“Call me”",
		"must be a mobile that receives text messages", "Enter confirm", "ctrl+c quit")
	m = typeText(m, "647 555 01")
	m = press(m, "enter")
	mustRead(t, m, "This number is too short", "647 555 01")
	if m.phone().field.Value() != "647 555 01" {
		t.Fatalf("the typed text was lost: %q", m.phone().field.Value())
	}
	m = typeText(m, "23")
	m = press(m, "enter")
	mustRead(t, m, "✓ Your number: +1 647-555-0123", "choose the country “Canada (+1)”, then type 647-555-0123")
	mustNotContain(t, m, "too short")
	m = press(m, "esc")
	m = press(m, "end")
	mustRead(t, m, "✓ Number checked: +1 647-555-0123")

	fr, _ := newTest(locales.French, 80, 24)
	fr = press(fr, "9", "to:phone", "t")
	fr = typeText(fr, "abc")
	fr = press(fr, "enter")
	mustRead(t, fr, "Ce n'est pas un numéro de téléphone", "abc")
	for range 3 {
		fr = press(fr, "backspace")
	}
	fr = typeText(fr, "+33 6 12 34 56 78")
	fr = press(fr, "enter")
	mustRead(t, fr, "Votre numéro : +33 6 12 34 56 78", "choisissez France (+33) dans la liste des pays, puis entrez 6 12 34 56 78")
	mustNotContain(t, fr, "n'indique pas s'il s'agit d'un cellulaire")
}

func TestShowQRModel(t *testing.T) {
	k, err := otpauth.Parse("otpauth://totp/Example:jane@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example&digits=8")
	if err != nil {
		t.Fatal(err)
	}
	m := New(Config{ShowKey: &k}) // no language known: no question, the code is all there is
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	mustRead(t, m, "Scan this code", "Issuer: Example", "Account: jane@firm.ca", "GEZD GNBV GY3T QOJQ",
		"8 digits", "q close", "support@auvenir.ca")
	if got := scanFrame(t, m.View().Content, false); len(got) != 1 || got[0] != k.Text {
		t.Fatalf("decoded %q", got)
	}
	for _, q := range []string{"q", "esc", "ctrl+c"} {
		if _, cmd := m.Update(keyMsg(q)); cmd == nil || cmd() != tea.Quit() {
			t.Errorf("%s does not close --show-qr", q)
		}
	}
}

// flowText is the screen's words in reading order, with the QR code's blocks, the line breaks and
// repeated spaces removed, so a test can look for a sentence however it wraps. A full-screen
// frame with two columns is read column by column; the right one starts where its title does.
func flowText(m Model) string {
	lines := strings.Split(strings.Map(func(r rune) rune {
		if r == '█' || r == '▀' || r == '▄' {
			return ' '
		}
		return r
	}, screenText(m)), "\n")
	split := -1
	if (m.frontFull() != nil) && len(lines) > 0 {
		first := []rune(lines[0])
		start := len(first) - len([]rune(strings.TrimLeft(lines[0], " ")))
		if i := strings.Index(string(first[start:]), "  "); i >= 0 {
			rest := []rune(string(first[start:])[i:])
			split = start + len([]rune(string(first[start:])[:i])) + len(rest) - len([]rune(strings.TrimLeft(string(rest), " ")))
		}
	}
	var left, right []string
	for _, l := range lines {
		r := []rune(l)
		if split < 0 || len(r) <= split {
			left = append(left, l)
			continue
		}
		left = append(left, string(r[:split]))
		right = append(right, string(r[split:]))
	}
	return strings.Join(strings.Fields(strings.Join(append(left, right...), " ")), " ")
}

func mustRead(t *testing.T, m Model, want ...string) {
	t.Helper()
	s := flowText(m)
	for _, w := range want {
		if !strings.Contains(s, w) {
			t.Fatalf("screen does not say %q:\n%s", w, screenText(m))
		}
	}
}

// Every step 9 screen fills the window exactly, whatever its size and language: no line wider
// than the window (the terminal would wrap it and shift everything below), no line too many.
func TestStep9ScreensFitTheWindow(t *testing.T) {
	k, _ := otpauth.Parse("otpauth://totp/Example:jane@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example")
	for _, lang := range locales.Langs {
		for _, size := range [][2]int{{60, 20}, {70, 22}, {80, 24}, {100, 30}, {120, 40}, {200, 60}} {
			views := map[string]Model{}
			p, clock := practiceAt(t, lang, size[0], size[1])
			views["practice"] = p
			views["practice refused"] = typeText(p, "12a")
			views["practice ahead"] = press(typeText(p, codeAt(t, p, clock.t.Add(4*time.Minute))), "enter")
			views["practice verified"] = press(typeText(p, codeAt(t, p, clock.t)), "enter")
			s9 := send(New(Config{Lang: lang, LangKnown: true, Step: 9}), tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			views["step 9"] = s9
			views["stores"] = press(s9, "g")
			views["phone"] = press(typeText(press(s9, "to:phone", "t"), "6475550123"), "enter")
			views["show-qr"] = send(New(Config{Lang: lang, ShowKey: &k}), tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			for name, m := range views {
				lines := strings.Split(screenText(m), "\n")
				if len(lines) != size[1] {
					t.Errorf("%s %s at %v: %d lines", lang, name, size, len(lines))
				}
				for i, l := range lines {
					if w := len([]rune(l)); w > size[0] {
						t.Errorf("%s %s at %v: line %d is %d wide: %q", lang, name, size, i, w, l)
					}
				}
				if !strings.Contains(screenText(m), "support@auvenir.ca") {
					t.Errorf("%s %s at %v: no support contact", lang, name, size)
				}
			}
		}
	}
}

// Presenter mode: a support agent shares the screen, so the practice key and a --show-qr key are
// never drawn, and the mobile number is masked; P hides a key already on screen.
func TestPresenterNeverShowsAKey(t *testing.T) {
	m := New(Config{Lang: locales.English, LangKnown: true, Practice: true, Presenter: true, practiceRand: fixedRand()})
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	secret := m.practice().p.Secret()
	mustRead(t, m, "Presenter mode: the QR code and the key appear only on the client's own screen.", "2. Type the 6 digits")
	mustNotContain(t, m, secret[:4], "▀▀▀▀")

	m, _ = practiceAt(t, locales.English, 80, 24)
	mustRead(t, m, otpauth.Group(m.practice().p.Secret())[:19])
	m = press(m, "P")
	if !m.Presenting() {
		t.Fatal("P did not switch presenter mode on in the practice")
	}
	mustNotContain(t, m, m.practice().p.Secret()[:4], "▀▀▀▀")
	// The practice still works: the client reads the code off their own phone.
	m = typeText(m, codeAt(t, m, t0))
	m = press(m, "enter")
	mustRead(t, m, "Code verified")

	k, _ := otpauth.Parse("otpauth://totp/Example:jane@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example")
	s := send(New(Config{Lang: locales.French, ShowKey: &k, Presenter: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
	mustRead(t, s, "Mode présentateur")
	mustNotContain(t, s, "GEZD", "▀▀▀▀")

	p := send(New(Config{Lang: locales.English, LangKnown: true, Step: 9, Presenter: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
	p = press(p, "to:phone", "t")
	p = typeText(p, "6475550123")
	mustNotContain(t, p, "6475550123", "555")
	p = press(p, "enter")
	mustRead(t, p, "✓ Your number: +1 •••-•••-0123")
	mustNotContain(t, p, "555")
}

// In the code and number fields, the letters of the link and copy keys are text.
func TestFieldsKeepLinkAndCopyLetters(t *testing.T) {
	m, _ := practiceAt(t, locales.English, 80, 24)
	m = typeText(m, "oy")
	if m.practice().code.Value() != "oy" {
		t.Fatalf("field %q: o and y were taken as keys", m.practice().code.Value())
	}
	p := send(New(Config{Lang: locales.English, LangKnown: true, Step: 9}), tea.WindowSizeMsg{Width: 80, Height: 24})
	p = typeText(press(p, "to:phone", "t"), "yo")
	if p.phone().field.Value() != "yo" {
		t.Fatalf("field %q", p.phone().field.Value())
	}
}

// What step 9 records in the saved progress is the option rehearsed, never a key or a number.
func TestProgressRecordsTheOptionOnly(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	m := New(Config{Lang: locales.English, LangKnown: true, Practice: true, Progress: store, Now: func() time.Time { return t0 },
		practiceRand: fixedRand()})
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	secret := m.practice().p.Secret()
	m = typeText(m, codeAt(t, m, t0))
	m = press(m, "enter", "esc", "to:phone", "t")
	m = typeText(m, "6475550123")
	m = press(m, "enter", "esc", "next")
	st, found, err := store.Load()
	if err != nil || !found || st.MFA != progress.MFAPhone {
		t.Fatalf("saved %+v, %v %v", st, found, err)
	}
	raw, err := os.ReadFile(store.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{secret[:8], "6475550123", "647-555", codeAt(t, m, t0)} {
		if strings.Contains(string(raw), bad) {
			t.Fatalf("the progress file holds %q: %s", bad, raw)
		}
	}
}
