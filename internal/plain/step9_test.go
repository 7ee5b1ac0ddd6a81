package plain

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp"
	pqtotp "github.com/pquerna/otp/totp"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/totp"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// step9Data is the template data step 9's messages are written with.
func step9Data(kv ...any) map[string]any {
	d := guide.With(guide.DataFor("", steps.SignInUnanswered, testDay), "Digits", totp.CodeLen)
	for k, v := range steps.AuthenticatorLabels() {
		d[k] = v
	}
	return guide.With(d, kv...)
}

// menuStart is the start of the numbered prompt, "Your choice (".
func menuStart(z *locales.Localizer) string {
	p := z.T("PlainPrompt", map[string]any{"Choices": ""})
	return p[:strings.Index(p, "(")+1]
}

// inOrder fails unless every text appears in out, each after the one before; it returns where
// the last one ends.
func inOrder(t *testing.T, out string, texts ...string) int {
	t.Helper()
	pos := 0
	for _, w := range texts {
		i := strings.Index(out[pos:], w)
		if i < 0 {
			t.Fatalf("%q missing after position %d:\n%s", w, pos, out[pos:])
		}
		pos += i + len(w)
	}
	return pos
}

// Option 2: bad numbers are refused one line each with the TUI's messages and the question comes
// again; a good one is read back in international form with what to choose on Microsoft's page
// and the text-versus-call explanation, then the menu comes back. Step 9 then shows the number,
// and progress records the option (and nothing else new).
func TestPhoneBadThenGood(t *testing.T) {
	for _, lang := range locales.Langs {
		t.Run(string(lang), func(t *testing.T) {
			z := locales.New(lang)
			d := step9Data()
			store := &progress.Store{Dir: t.TempDir()}
			out := run(t, Config{Lang: lang, LangKnown: true, Step: 9, Progress: store},
				lines("5", "abc", "647 555", "+999 123 456 789", "+33 1 42 68 53 00", "647-555-0123 x12", "(647) 555-0123", "3", "0"))
			prompt := z.T("PlainPhonePrompt", d)
			nd := guide.With(d, "Number", "+1 647-555-0123", "National", "647-555-0123")
			inOrder(t, out, menuStart(z)+"1 ", "4 "+z.T("PlainMenuPractice", d)+", 5 "+z.T("PlainMenuPhone", d)+", 6 "+z.T("PlainMenuTrusted", d)+", 8 "+z.T("PlainMenuExplain", d)+", 9 ",
				z.T("PhoneIntro", d)+"\n"+prompt+"\n",
				z.T("PhoneErrSyntax", d)+"\n"+prompt+"\n",
				z.T("PhoneErrTooShort", d)+"\n"+prompt+"\n",
				z.T("PhoneErrCountryCode", d)+"\n"+prompt+"\n",
				z.T("PhoneErrNotMobile", d)+"\n"+prompt+"\n",
				z.T("PhoneErrExtension", d)+"\n"+prompt+"\n",
				z.T("PhoneShownBack", nd)+"\n"+z.T("PhoneOnMicrosoftCanada", nd)+"\n"+
					z.T("PhoneMethodsHeading", nd)+"\n- "+z.T("PhoneByText", nd)+"\n- "+z.T("PhoneByCall", nd)+"\n"+
					z.T("PhoneMustText", nd)+"\n"+menuStart(z),
				z.T("PlainStep9Phone", guide.With(d, "N", 5)), z.T("Step9PhoneDone", nd))
			if n := strings.Count(out, prompt); n != 6 {
				t.Errorf("the number was asked %d times, want 6", n)
			}
			assertPlainText(t, out)
			st, found, err := store.Load()
			if err != nil || !found || st.MFA != progress.MFAPhone {
				t.Fatalf("saved %+v %v %v", st, found, err)
			}
		})
	}
}

// A number from elsewhere is read back with its country code, and surely a mobile there: no
// warning about landlines. An empty line, or 0, goes back to the menu without a refusal.
func TestPhoneAbroadAndLeaving(t *testing.T) {
	z := locales.New(locales.English)
	d := step9Data()
	out := run(t, Config{Lang: locales.English, LangKnown: true, Step: 9}, lines("5", "+33 6 12 34 56 78", "5", "", "5", "0", "0"))
	nd := guide.With(d, "Number", "+33 6 12 34 56 78", "National", "6 12 34 56 78", "CC", "33", "CountryName", "France")
	inOrder(t, out, z.T("PhoneShownBack", nd)+"\n"+z.T("PhoneOnMicrosoftOther", nd)+"\n"+z.T("PhoneMethodsHeading", nd))
	if strings.Contains(out, z.T("PhoneMaybeLandline", nd)) {
		t.Error("a French mobile number is said to be maybe a landline")
	}
	if strings.Contains(out, z.T("PhoneErrEmpty", d)) || strings.Contains(out, z.T("PhoneErrSyntax", d)) {
		t.Error("leaving the prompt was refused as a bad number")
	}
	if n := strings.Count(out, menuStart(z)); n != 4 {
		t.Errorf("%d menus, want 4 (each way out of the prompt goes back to the menu)", n)
	}
}

// keyLine matches the practice key as plain mode writes it: 32 base32 characters in groups of 4.
var keyLine = regexp.MustCompile(`(?m)^(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}$`)

// codeAt is the code the app shows for secret at t.
func codeAt(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	c, err := pqtotp.GenerateCodeCustom(secret, at, pqtotp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// wrongCode is a code that belongs to no step within ten minutes of at: refused as no match.
func wrongCode(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	near := map[string]bool{}
	for off := -25; off <= 25; off++ {
		near[codeAt(t, secret, at.Add(time.Duration(off)*totp.Period))] = true
	}
	for n := 0; ; n++ {
		if c := fmt.Sprintf("%06d", n); !near[c] {
			return c
		}
	}
}

// practiceRun drives plain mode at step 9 through pipes, as a person at a terminal would, with
// the test's clock.
type practiceRun struct {
	t    *testing.T
	z    *locales.Localizer
	w    *io.PipeWriter
	out  *syncBuffer
	done chan error
	c    *clock
}

func startPractice(t *testing.T, cfg Config) *practiceRun {
	t.Helper()
	r, w := io.Pipe()
	p := &practiceRun{t: t, z: locales.New(cfg.Lang), w: w, out: &syncBuffer{}, done: make(chan error, 1),
		c: &clock{t: time.Date(2026, 11, 24, 10, 0, 7, 0, time.UTC)}}
	cfg.LangKnown, cfg.Now = true, p.c.now
	if cfg.Step == 0 {
		cfg.Step = 9
	}
	go func() { p.done <- Run(cfg, r, p.out) }()
	t.Cleanup(func() { w.Close() })
	return p
}

func (p *practiceRun) say(s string) { fmt.Fprintln(p.w, s) }

func (p *practiceRun) wait(s string) { p.t.Helper(); waitFor(p.t, p.out, s) }

// key waits for the practice key and returns it without its spaces.
func (p *practiceRun) key() string {
	p.t.Helper()
	p.wait(p.z.T("PlainPracticePrompt", step9Data()))
	p.out.mu.Lock()
	defer p.out.mu.Unlock()
	all := keyLine.FindAllString(p.out.buf.String(), -1)
	if len(all) == 0 {
		p.t.Fatalf("no key shown:\n%s", p.out.buf.String())
	}
	return strings.ReplaceAll(all[len(all)-1], " ", "")
}

func (p *practiceRun) end() string {
	p.t.Helper()
	p.w.Close()
	if err := <-p.done; err != nil {
		p.t.Fatal(err)
	}
	p.out.mu.Lock()
	defer p.out.mu.Unlock()
	return p.out.buf.String()
}

// The practice in both languages: the key as grouped text with the name to type, a malformed
// code, a wrong code, a code from two minutes ahead, then the right code verified; the window
// and its scrollback are erased before the menu comes back, and what to do next is said after.
// Opened again, the same key is shown, and the code already used is refused; an empty line
// leaves, erasing the window again. Progress records option 1, and no file holds the key.
func TestPracticeThroughAPipe(t *testing.T) {
	for _, lang := range locales.Langs {
		t.Run(string(lang), func(t *testing.T) {
			dir := t.TempDir()
			p := startPractice(t, Config{Lang: lang, Terminal: true, Email: "jane@firm.ca", Progress: &progress.Store{Dir: dir}})
			z, d := p.z, step9Data()
			p.wait(menuStart(z))
			p.say("4")
			secret := p.key()
			practice := guide.With(d, "Issuer", z.T("TotpIssuer"), "KeyLength", 32)
			p.say("12a456")
			p.wait(z.T("TotpMalformed", d))
			p.say(wrongCode(t, secret, p.c.now()))
			p.wait(z.T("TotpNoMatch", d))
			p.say(codeAt(t, secret, p.c.now().Add(2*time.Minute)))
			p.wait(z.T("TotpClockAhead", map[string]any{"Minutes": 2}))
			p.c.advance(20 * time.Second)
			good := codeAt(t, secret, p.c.now())
			p.say(good)
			p.wait(z.T("TotpVerified", d))
			p.wait(z.T("PracticeDelete", practice))
			p.wait(menuStart(z))
			p.say("3")
			p.wait(z.T("Step9PracticeDone", d))
			p.say("4")
			if again := p.key(); again != secret {
				t.Fatal("opened again, the practice shows another key")
			}
			p.say(good)
			p.wait(z.T("TotpReplayed", d))
			p.say("")
			p.wait(z.T("PlainPracticeCleared", d))
			p.wait(menuStart(z))
			p.say("0")
			out := p.end()

			grouped := otpauth.Group(secret)
			inOrder(t, out, z.T("PracticeTitle", d)+"\n"+z.T("PracticeStepAdd", d)+"\n"+z.T("PlainPracticeManual", practice)+"\n"+
				grouped+"\n"+z.T("PlainPracticePrompt", d)+"\n")
			// Each time the key was shown, the erasing comes after it and before the next menu.
			shown := 0
			for pos := 0; ; shown++ {
				i := strings.Index(out[pos:], grouped)
				if i < 0 {
					break
				}
				pos += i + len(grouped)
				rest := out[pos:]
				clear, menu := strings.Index(rest, ClearSequence), strings.Index(rest, menuStart(z))
				if clear < 0 || menu < clear {
					t.Fatalf("key shown without erasing before the next menu:\n%q", rest)
				}
				if !strings.HasPrefix(rest[clear+len(ClearSequence):], z.T("PlainPracticeCleared", d)+"\n") {
					t.Fatal("the erasing is not followed by the line saying so")
				}
			}
			if shown != 2 || strings.Count(out, ClearSequence) != 2 {
				t.Fatalf("key shown %d times, erased %d times; want 2 and 2", shown, strings.Count(out, ClearSequence))
			}
			afterVerify := out[strings.Index(out, z.T("TotpVerified", d)):]
			inOrder(t, afterVerify, ClearSequence+z.T("PlainPracticeCleared", d)+"\n\n"+z.T("PracticeDoneTitle", d)+"\n"+
				z.T("PracticeDoneBody", d)+"\n"+z.T("PracticeDeleteHeading", d)+"\n"+z.T("PracticeDelete", practice)+"\n"+
				z.T("PracticeRealHeading", d)+"\n"+z.T("PracticeReal", d)+"\n\n"+menuStart(z))
			assertPlainText(t, strings.ReplaceAll(out, ClearSequence, ""))

			st, found, err := (&progress.Store{Dir: dir}).Load()
			if err != nil || !found || st.MFA != progress.MFAAuthenticator || st.Screen != "step9" {
				t.Fatalf("saved %+v %v %v", st, found, err)
			}
			assertNoFileHolds(t, dir, secret, grouped)
		})
	}
}

func assertNoFileHolds(t *testing.T, dir string, secrets ...string) {
	t.Helper()
	files := 0
	filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if strings.Contains(string(b), s) {
				t.Fatalf("%s holds the key", path)
			}
		}
		return nil
	})
	if files == 0 {
		t.Fatal("no progress file was written: nothing was checked")
	}
}

// The practice account is named after the address when one was given (in the otpauth URI the
// practice is made with), else the neutral practice label; a code from a phone whose clock is
// behind is told so, in French too.
func TestPracticeClockBehindFrench(t *testing.T) {
	p := startPractice(t, Config{Lang: locales.French, Terminal: true})
	z, d := p.z, step9Data()
	p.wait(menuStart(z))
	p.say("4")
	secret := p.key()
	p.say(codeAt(t, secret, p.c.now().Add(-5*time.Minute)))
	p.wait(z.T("TotpClockBehind", map[string]any{"Minutes": 5}))
	p.say(codeAt(t, secret, p.c.now().Add(-time.Minute)))
	p.wait(z.T("TotpClockBehindOne", d))
	p.say("0")
	p.wait(z.T("PlainPracticeCleared", d))
	p.say("0")
	out := p.end()
	if !strings.Contains(out, "en retard d'environ 5 minutes") {
		t.Fatal("the French message does not say « en retard »")
	}
	if strings.Contains(out, z.T("PracticeDoneTitle", d)) {
		t.Fatal("leaving without a verified code says the practice is done")
	}
}

// Not a terminal window (a pipe, a file, TERM=dumb): one line says the practice needs one and
// how to get the full-screen practice; no key is made or printed, nothing is erased.
func TestPracticeNeedsATerminal(t *testing.T) {
	for _, lang := range locales.Langs {
		z := locales.New(lang)
		d := step9Data()
		out := run(t, Config{Lang: lang, LangKnown: true, Step: 9}, lines("4", "123456", "0"))
		refusal := z.T("PlainPracticeNeedsTerminal", guide.With(d, "Flag", "--plain --totp-practice"))
		inOrder(t, out, "\n"+menuStart(z), "\n"+refusal+"\n"+menuStart(z), z.T("PlainInvalidChoice", d))
		if strings.Contains(out, z.T("PracticeTitle", d)) || keyLine.MatchString(out) || strings.Contains(out, z.T("PlainPracticePrompt", d)) {
			t.Fatalf("%s: the practice started without a terminal:\n%s", lang, out)
		}
		if !strings.Contains(refusal, "auvenir-onboard --plain --totp-practice") || strings.Count(refusal, "\n") != 0 {
			t.Fatalf("%s: refusal %q", lang, refusal)
		}
		assertPlainText(t, out)
	}
}

// The end of input in the practice erases the key too, before the support line.
func TestPracticeEndOfInput(t *testing.T) {
	z := locales.New(locales.English)
	out := run(t, Config{Lang: locales.English, LangKnown: true, Step: 9, Terminal: true}, lines("4", "000"))
	key := keyLine.FindString(out)
	if key == "" {
		t.Fatal("no key shown")
	}
	inOrder(t, out, key, z.T("TotpMalformed", step9Data()), ClearSequence+z.T("PlainPracticeCleared", nil)+"\n",
		z.T("PlainEnd", guide.Data("")))
}

// --totp-practice opens straight on the practice, at step 9; leaving it comes to step 9's menu.
func TestPracticeFlag(t *testing.T) {
	z := locales.New(locales.English)
	out := run(t, Config{Lang: locales.English, LangKnown: true, Terminal: true, Practice: true}, lines("", "0"))
	inOrder(t, out, "Step 9 of 9", z.T("PracticeTitle", nil), z.T("PlainPracticePrompt", step9Data()), ClearSequence,
		menuStart(z)+"1 next, 2 back", z.T("PlainEnd", guide.Data("")))
	// Without a terminal it says why once, and the guide goes on at step 9.
	out = run(t, Config{Lang: locales.English, LangKnown: true, Practice: true}, lines("0"))
	inOrder(t, out, "Step 9 of 9", z.T("PlainPracticeNeedsTerminal", guide.With(step9Data(), "Flag", "--plain --totp-practice")), menuStart(z))
}

// An injected Clear replaces the escape sequence (a console that erases otherwise), and its
// failure ends the guide with its error.
func TestPracticeInjectedClear(t *testing.T) {
	var out syncBuffer
	cleared := 0
	clear := func() error {
		cleared++
		fmt.Fprint(&out, "<cleared>")
		return nil
	}
	err := Run(Config{Lang: locales.English, LangKnown: true, Step: 9, Terminal: true, Clear: clear}, strings.NewReader(lines("4", "", "0")), &out)
	s := out.buf.String()
	if err != nil || cleared != 1 || strings.Contains(s, ClearSequence) || !strings.Contains(s, "<cleared>The practice key was removed") {
		t.Fatalf("err %v, cleared %d:\n%s", err, cleared, s)
	}
	err = Run(Config{Lang: locales.English, LangKnown: true, Step: 9, Terminal: true, Clear: func() error { return errClosed }},
		strings.NewReader(lines("4", "", "3", "0")), io.Discard)
	if err != errClosed {
		t.Fatalf("Run = %v, want the clearing's error", err)
	}
}

// An interrupt (ctrl+c) while the key is on screen erases it, says the support line, and Run
// reports the interrupt; the input, still open, is not waited for.
func TestPracticeInterrupted(t *testing.T) {
	sig := make(chan os.Signal, 1)
	p := startPractice(t, Config{Lang: locales.English, Terminal: true, Interrupt: sig})
	p.wait(menuStart(p.z))
	p.say("4")
	key := p.key()
	sig <- os.Interrupt
	select {
	case err := <-p.done:
		if err != ErrInterrupted {
			t.Fatalf("Run = %v, want ErrInterrupted", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the interrupt did not end the guide")
	}
	p.out.mu.Lock()
	out := p.out.buf.String()
	p.out.mu.Unlock()
	inOrder(t, out, otpauth.Group(key), ClearSequence+p.z.T("PlainPracticeCleared", nil)+"\n", p.z.T("PlainEnd", guide.Data(""))+"\n")
	if !strings.HasSuffix(out, p.z.T("PlainEnd", guide.Data(""))+"\n") {
		t.Fatalf("does not end with the support line: %q", tail(out))
	}
}

// Interrupted at the menu, the guide ends the same way, with nothing to erase.
func TestInterruptAtMenu(t *testing.T) {
	sig := make(chan os.Signal, 1)
	r, w := io.Pipe()
	defer w.Close()
	var out syncBuffer
	done := make(chan error, 1)
	go func() { done <- Run(Config{Lang: locales.French, LangKnown: true, Interrupt: sig}, r, &out) }()
	waitFor(t, &out, "Votre choix (")
	fmt.Fprintln(w, "1")
	waitFor(t, &out, "Votre choix (")
	sig <- os.Interrupt
	if err := <-done; err != ErrInterrupted {
		t.Fatalf("Run = %v", err)
	}
	s := out.buf.String()
	if strings.Contains(s, ClearSequence) || !strings.HasSuffix(s, locales.New(locales.French).T("PlainEnd", guide.Data(""))+"\n") {
		t.Fatalf("ends with %q", tail(s))
	}
}

// Presenter mode (a support agent shares the screen): the practice key is never shown, even in a
// terminal; the line says it appears only on the client's own screen.
func TestPracticeHiddenFromPresenter(t *testing.T) {
	z := locales.New(locales.English)
	out := run(t, Config{Lang: locales.English, LangKnown: true, Step: 9, Terminal: true, Presenter: true}, lines("4", "0"))
	inOrder(t, out, "\n"+z.T("MaskQRHidden", nil)+"\n"+menuStart(z))
	if keyLine.MatchString(out) || strings.Contains(out, z.T("PracticeTitle", nil)) || strings.Contains(out, ClearSequence) {
		t.Fatalf("the practice started in presenter mode:\n%s", out)
	}
}

// Issue 20, item 7: step 9's "Microsoft asked me for no method" says what it means and records
// it once confirmed; an empty answer goes back without recording.
func TestTrustedChoice(t *testing.T) {
	store := &progress.Store{Dir: t.TempDir()}
	out := run(t, Config{Lang: locales.English, LangKnown: true, Step: 9, Progress: store}, lines("6", "", "6", "1", "0"))
	for _, want := range []string{"6 Microsoft asked me for no method", "You are done: your organization's multi-factor authentication is trusted",
		"Type 1 if that is what happened", "Noted: nothing more to set up."} {
		if !strings.Contains(out, want) {
			t.Fatalf("missing %q:\n%s", want, out)
		}
	}
	if st, _, _ := store.Load(); st.MFA != progress.MFATrusted {
		t.Fatalf("saved %+v", st)
	}
}
