package plain

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// clock is a settable test clock; Run reads it from another goroutine.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// testDay is the day the tests run on unless they set a clock: after Microsoft's first passkey
// prompts, before the end of its text-message codes (assets/smsvoice.toml).
var testDay = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

func run(t *testing.T, cfg Config, input string) string {
	t.Helper()
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return testDay }
	}
	var out bytes.Buffer
	if err := Run(cfg, strings.NewReader(input), &out); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return out.String()
}

// lines are the answers given, one per line, as a script would pipe them.
func lines(answers ...string) string { return strings.Join(answers, "\n") + "\n" }

// Piped answers walk from "before you begin" to the finish, and every screen's heading, lead
// and blocks are written, in order, in the chosen language.
func TestWalkAllScreensBothLanguages(t *testing.T) {
	for _, lang := range locales.Langs {
		t.Run(string(lang), func(t *testing.T) {
			all := steps.All()
			answers := make([]string, len(all)-1)
			for i := range answers {
				answers[i] = "1"
			}
			out := run(t, Config{Lang: lang, LangKnown: true}, lines(append(answers, "0")...))
			z := locales.New(lang)
			d := guide.DataFor("", steps.SignInUnanswered, testDay)
			pos := 0
			for _, s := range all {
				want := []string{guide.Heading(z, s), guide.Lead(z, s, d)}
				for _, b := range guide.Blocks(s, d) {
					if _, replaced := plainBlocks[b.ID]; !replaced {
						want = append(want, guide.BlockText(z, b, d))
					}
				}
				for _, w := range want {
					i := strings.Index(out[pos:], w)
					if w == "" {
						continue
					}
					if i < 0 {
						t.Fatalf("screen %s: %q missing or out of order", s.Key, w)
					}
					pos += i
				}
			}
			if !strings.HasSuffix(out, z.T("PlainEnd", d)+"\n") {
				t.Fatalf("does not end with the support line:\n%s", tail(out))
			}
			assertPlainText(t, out)
		})
	}
}

func tail(s string) string { return s[max(0, len(s)-400):] }

// No escape codes, no carriage returns for redraws, no box drawing or block characters.
func assertPlainText(t *testing.T, out string) {
	t.Helper()
	for _, r := range out {
		switch {
		case r == '\x1b', r == '\r', r == '\b':
			t.Fatalf("output has control character %q", r)
		case r >= 0x2500 && r <= 0x259F: // box drawing and block elements
			t.Fatalf("output has box drawing %q", r)
		case r >= 0x2800 && r <= 0x28FF: // braille spinners
			t.Fatalf("output has a spinner glyph %q", r)
		}
	}
}

func TestFrenchMenuAndTypography(t *testing.T) {
	out := run(t, Config{Lang: locales.French, LangKnown: true, Step: 3}, lines("0"))
	want := "Votre choix (1 suivant, 2 précédent, 3 répéter, 4 j'ai cliqué sur «\u00a0Envoyer le code\u00a0», 8 expliquer un message d'erreur de Microsoft, 9 passer à l'anglais, 0 quitter)\u00a0:"
	if !strings.Contains(out, want) {
		t.Fatalf("French prompt missing:\n%s", out)
	}
	if !strings.Contains(out, "Étape 3 de 9\u00a0: ") {
		t.Fatalf("French heading missing:\n%s", out)
	}
	if strings.Contains(out, "appuyez sur s") {
		t.Fatal("plain mode tells the person to press a TUI key")
	}
}

// The menu offers only what the screen can do: no "back" first, no "next" last.
func TestMenuPerScreen(t *testing.T) {
	en := func(step int, key string) string {
		cfg := Config{Lang: locales.English, LangKnown: true, Step: step}
		out := run(t, cfg, lines("0"))
		if key == "finish" {
			out = run(t, cfg, lines(strings.Repeat("1\n", 12)+"0"))
		}
		i := strings.LastIndex(out, "Your choice (")
		return out[i : i+strings.Index(out[i:], "\n")]
	}
	cases := []struct {
		step int
		key  string
		want string
	}{
		{0, "intro", "Your choice (1 next, 3 repeat, 9 switch to French, 0 quit):"},
		{3, "step3", "Your choice (1 next, 2 back, 3 repeat, 4 I clicked “Send code”, 8 explain a Microsoft error message, 9 switch to French, 0 quit):"},
		{4, "step4", "Your choice (1 next, 2 back, 3 repeat, 4 I clicked “Send code”, 8 explain a Microsoft error message, 9 switch to French, 0 quit):"},
		{6, "step6", "Your choice (1 next, 2 back, 3 repeat, 8 explain a Microsoft error message, 9 switch to French, 0 quit):"},
		{9, "finish", "Your choice (2 back, 3 repeat, 8 explain a Microsoft error message, 9 switch to French, 0 quit):"},
	}
	for _, c := range cases {
		if got := en(c.step, c.key); got != c.want {
			t.Errorf("%s: %q\nwant %q", c.key, got, c.want)
		}
	}
	out := run(t, Config{Lang: locales.English, LangKnown: true}, lines("1", "0"))
	if !strings.Contains(out, "Your choice (1 next, 2 back, 3 repeat, 4 enter my address, 9 switch to French, 0 quit):") {
		t.Fatalf("address screen menu:\n%s", out)
	}
}

func TestBackAndRepeat(t *testing.T) {
	out := run(t, Config{Lang: locales.English, LangKnown: true, Step: 5}, lines("2", "3", "1", "0"))
	heads := headings(out)
	want := []string{"Step 5 of 9: Enter the code", "Step 4 of 9: Verification code email",
		"Step 4 of 9: Verification code email", "Step 5 of 9: Enter the code"}
	if fmt.Sprint(heads) != fmt.Sprint(want) {
		t.Fatalf("headings %q\nwant %q", heads, want)
	}
}

func headings(out string) []string {
	var h []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "Step ") && strings.Contains(l, " of 9: ") {
			h = append(h, l)
		}
	}
	return h
}

// Anything but a listed number gets one line and the prompt again; the screen is not repeated.
func TestInvalidChoices(t *testing.T) {
	z := locales.New(locales.English)
	bad := z.T("PlainInvalidChoice")
	for _, typed := range []string{"", "7", "x", "next", "1 2", "-1", "99999999999999999999", "\x1b[2J", "2"} {
		out := run(t, Config{Lang: locales.English, LangKnown: true}, lines(typed, "0"))
		if n := strings.Count(out, bad); n != 1 {
			t.Errorf("%q: %d refusals\n%s", typed, n, out)
		}
		if n := strings.Count(out, "Before you begin"); n != 1 {
			t.Errorf("%q: the screen was written %d times", typed, n)
		}
		if n := strings.Count(out, "Your choice ("); n != 2 {
			t.Errorf("%q: %d prompts, want 2", typed, n)
		}
		after := out[strings.Index(out, bad)+len(bad)+1:]
		if !strings.HasPrefix(after, "Your choice (") {
			t.Errorf("%q: the prompt does not follow the refusal: %q", typed, after[:min(40, len(after))])
		}
		assertPlainText(t, out)
	}
}

// The address prompt refuses with the TUI's messages, asks again, and once accepted the guide
// quotes the address and the guest identity.
func TestAddressBadThenGood(t *testing.T) {
	for _, lang := range locales.Langs {
		z := locales.New(lang)
		out := run(t, Config{Lang: lang, LangKnown: true, Step: 0},
			lines("1", "4", "jane", "a@b.ca, c@d.ca", "Jane <jane@firm.ca>", "jane@localhost", "  jane@FIRM.ca  ", "1", "1", "1", "1", "1", "1", "1", "0"))
		pos := 0
		for _, id := range []string{"PlainAddressPrompt", "AddressErrSyntax", "PlainAddressPrompt", "AddressErrMultiple",
			"PlainAddressPrompt", "AddressErrName", "PlainAddressPrompt", "AddressErrDomain", "PlainAddressPrompt", "AddressIdentity"} {
			want := z.T(id, guide.Data(""))
			i := strings.Index(out[pos:], want)
			if i < 0 {
				t.Fatalf("%s: %s (%q) missing after position %d:\n%s", lang, id, want, pos, out[pos:])
			}
			pos += i + len(want)
		}
		if !strings.Contains(out, "\njane_firm.ca#EXT#@DMCHosting.onmicrosoft.com\n") {
			t.Fatalf("%s: the guest identity is not on its own line", lang)
		}
		d := guide.Data("jane@firm.ca")
		for _, id := range []string{"Step5ScreenEmail", "Step7ScreenEmail"} {
			if !strings.Contains(out, z.T(id, d)) {
				t.Errorf("%s: %s does not quote the address", lang, id)
			}
		}
	}
}

func TestAddressEmptyLineRemovesIt(t *testing.T) {
	out := run(t, Config{Lang: locales.English, LangKnown: true, Email: "jane@firm.ca", Step: 0},
		lines("1", "4", "", "1", "0"))
	z := locales.New(locales.English)
	if !strings.Contains(out, z.T("AddressGiven", guide.Data("jane@firm.ca"))) {
		t.Fatal("the given address is not shown")
	}
	if !strings.Contains(out, z.T("AddressNone", guide.Data(""))) {
		t.Fatal("an empty line does not remove the address")
	}
	if strings.Contains(out[strings.LastIndex(out, "Step 1 of 9"):], "jane@firm.ca") {
		t.Fatal("the removed address is still quoted")
	}
}

// Step 3's choice starts the 30-minute timer; steps 4 and 5 then give the minutes left on the
// injected clock, and say so plainly once it has run out.
func TestCodeTimer(t *testing.T) {
	c := &clock{t: time.Date(2026, 11, 24, 9, 55, 0, 0, time.UTC)}
	r, w := io.Pipe()
	var out syncBuffer
	done := make(chan error)
	go func() { done <- Run(Config{Lang: locales.English, LangKnown: true, Step: 3, Now: c.now}, r, &out) }()
	say := func(s string, advance time.Duration) {
		c.advance(advance)
		fmt.Fprintln(w, s)
	}
	z := locales.New(locales.English)
	waitFor(t, &out, "Your choice (")
	say("1", 0)
	waitFor(t, &out, z.T("PlainTimerNotStarted", guide.With(guide.Data(""), "N", 4)))
	say("2", 0)
	waitFor(t, &out, "Step 3 of 9")
	say("4", 0)
	waitFor(t, &out, z.T("TimerStarted", guide.Data("")))
	say("1", 30*time.Second)
	waitFor(t, &out, "Time left to use the code: 30 min.")
	say("1", 12*time.Minute)
	waitFor(t, &out, "Time left to use the code: 18 min.")
	say("3", 17*time.Minute+29*time.Second)
	waitFor(t, &out, "Time left to use the code: 1 min.")
	say("3", time.Second)
	waitFor(t, &out, z.T("PlainTimerExpired", guide.With(guide.Data(""), "N", 4)))
	say("4", time.Minute) // a new code: the timer starts again
	say("3", 0)
	waitFor(t, &out, "Time left to use the code: 30 min.")
	w.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestMinutesLeft(t *testing.T) {
	for d, want := range map[time.Duration]int{time.Second: 1, time.Minute: 1, time.Minute + time.Nanosecond: 2, 30 * time.Minute: 30} {
		if got := minutesLeft(d); got != want {
			t.Errorf("minutesLeft(%v) = %d, want %d", d, got, want)
		}
	}
}

// End of input anywhere (menu, address prompt, language question) ends cleanly with the
// support line, even when the last line has no newline.
func TestEndOfInput(t *testing.T) {
	en := locales.New(locales.English).T("PlainEnd", guide.Data(""))
	fr := locales.New(locales.French).T("PlainEnd", guide.Data(""))
	cases := map[string]struct {
		cfg   Config
		input string
		end   string
	}{
		"nothing":            {Config{Lang: locales.English, LangKnown: true}, "", en},
		"after moves":        {Config{Lang: locales.English, LangKnown: true}, "1\n1", en},
		"in the address":     {Config{Lang: locales.French, LangKnown: true}, "1\n4\n", fr},
		"language question":  {Config{}, "", fr + " / " + en},
		"after the language": {Config{}, "1\n", fr},
	}
	for name, c := range cases {
		out := run(t, c.cfg, c.input)
		if !strings.HasSuffix(out, "\n"+c.end+"\n") {
			t.Errorf("%s: ends with %q", name, tail(out))
		}
	}
	// A final line without its newline is still an answer.
	out := run(t, Config{Lang: locales.English, LangKnown: true}, "1")
	if !strings.Contains(out, "Your address") {
		t.Error("the last unterminated line was not read")
	}
}

// Without a known language, the question comes in both languages, and a wrong answer is
// refused in both before it is asked again.
func TestLanguageQuestion(t *testing.T) {
	out := run(t, Config{}, lines("3", "2", "0"))
	fr, en := locales.New(locales.French), locales.New(locales.English)
	q := fr.T("PlainChooseLanguage", map[string]any{"N": 1}) + "\n" + en.T("PlainChooseLanguage", map[string]any{"N": 2})
	if strings.Count(out, q) != 2 {
		t.Fatalf("the bilingual question is not asked twice:\n%s", out)
	}
	if !strings.Contains(out, fr.T("PlainInvalidLanguage")+" / "+en.T("PlainInvalidLanguage")) {
		t.Fatal("no bilingual refusal")
	}
	if !strings.Contains(out, "Before you begin") {
		t.Fatal("choice 2 did not give English")
	}
	out = run(t, Config{}, lines("1", "0"))
	if !strings.Contains(out, "Avant de commencer") {
		t.Fatal("choice 1 did not give French")
	}
}

func TestSwitchLanguage(t *testing.T) {
	out := run(t, Config{Lang: locales.English, LangKnown: true, Step: 2}, lines("9", "9", "0"))
	h := strings.Join(append(headings(out), strings.Split(out, "\n")...), "\n")
	for _, want := range []string{"Step 2 of 9: Create your account", "Étape 2 de 9\u00a0: ", "passer à l'anglais"} {
		if !strings.Contains(h, want) {
			t.Errorf("missing %q", want)
		}
	}
	if !strings.HasSuffix(out, locales.New(locales.English).T("PlainEnd", guide.Data(""))+"\n") {
		t.Error("switching back did not return to English")
	}
}

// Carriage returns from Windows, a byte order mark and surrounding spaces do not matter.
func TestInputForms(t *testing.T) {
	out := run(t, Config{Lang: locales.English, LangKnown: true}, "\ufeff 1 \r\n0\r\n")
	if !strings.Contains(out, "Your address") || strings.Contains(out, "That is not") {
		t.Fatalf("input with CRLF and BOM refused:\n%s", out)
	}
	long := strings.Repeat("a", 3*maxLine) + "@firm.ca\n"
	out = run(t, Config{Lang: locales.English, LangKnown: true}, "1\n4\n"+long+"0\n")
	if !strings.Contains(out, locales.New(locales.English).T("AddressErrTooLong")) {
		t.Fatal("a very long line is not refused as too long")
	}
}

type failingWriter struct{ n int }

var errClosed = errors.New("closed")

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errClosed
	}
	f.n--
	return len(p), nil
}

// A closed output stops the dialogue with its error instead of reading on for ever.
func TestOutputFailure(t *testing.T) {
	infinite := strings.NewReader(strings.Repeat("3\n", 1<<16))
	err := Run(Config{Lang: locales.English, LangKnown: true}, infinite, &failingWriter{n: 5})
	if !errors.Is(err, errClosed) {
		t.Fatalf("Run = %v", err)
	}
	if infinite.Len() == 0 {
		t.Fatal("kept reading after the output failed")
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errClosed }

func TestInputFailure(t *testing.T) {
	var out bytes.Buffer
	if err := Run(Config{Lang: locales.English, LangKnown: true}, failingReader{}, &out); !errors.Is(err, errClosed) {
		t.Fatalf("Run = %v", err)
	}
	if !strings.Contains(out.String(), "Need help?") {
		t.Fatal("no support line after a read error")
	}
}

// An extra field plugs in on its screen after the built-in ones, with the next number, and is
// told its number for its lines on the screen.
func TestExtraField(t *testing.T) {
	var got []string
	f := Field{Widget: steps.WidgetMFAOptions, MenuID: "PlainMenuAddress", PromptID: "PlainAddressPrompt",
		Accept: func(z *locales.Localizer, typed string) ([]string, bool) {
			got = append(got, typed)
			if typed != "ok" {
				return []string{z.T("AddressErrSyntax")}, true
			}
			return []string{"accepted " + typed}, false
		},
		Show: func(_ *locales.Localizer, n int) []string { return []string{fmt.Sprint("field state ", n)} },
	}
	out := run(t, Config{Lang: locales.English, LangKnown: true, Step: 9, Fields: []Field{f}}, lines("7", "no", "ok", "0"))
	if fmt.Sprint(got) != "[no ok]" || !strings.Contains(out, "\naccepted ok\n") || !strings.Contains(out, "\nfield state 7\n") {
		t.Fatalf("got %v\n%s", got, out)
	}
	if !strings.Contains(out, "5 check my mobile number, 6 Microsoft asked me for no method, 7 enter my address, 8 explain a Microsoft error message, 9 switch") {
		t.Fatal("the field is not numbered 7 on its screen, after step 9's own")
	}
	if strings.Count(out, locales.New(locales.English).T("AddressErrSyntax")) != 1 {
		t.Fatal("the refusal is not said once")
	}
}

// Before you begin gives IT's command without speaking of « the same check »: plain mode runs
// none itself, so there is nothing for it to be the same as.
func TestNetworkHintStandsAlone(t *testing.T) {
	for _, lang := range locales.Langs {
		out := run(t, Config{Lang: lang, LangKnown: true}, lines("0"))
		z := locales.New(lang)
		if !strings.Contains(out, z.T("PlainNetHint", nil)+"\nauvenir-onboard --check-network") {
			t.Errorf("%s: no hint before the command:\n%s", lang, out)
		}
		if strings.Contains(out, z.T("NetWidgetHint", nil)) {
			t.Errorf("%s: plain mode speaks of the same check:\n%s", lang, out)
		}
	}
}

// Issue 20, item 5: plain mode has the wizard's error explainer (8 on every step and the finish):
// the pasted page ends with an empty line, and the answer names the code, who acts, and the
// details to send, with the contacts.
func TestExplainerInPlainMode(t *testing.T) {
	page := []string{"Sorry, but we're having trouble signing you in.",
		"AADSTS50020: User account 'jane@firm.ca' from identity provider 'live.com' does not exist in tenant 'DMC Hosting'.",
		"Correlation Id: fcc0a98c-f61e-46c4-97e1-a51c69a1bb94", "Timestamp: 2026-11-29T09:55:00Z", ""}
	for _, lang := range locales.Langs {
		out := run(t, Config{Lang: lang, LangKnown: true, Step: 5}, lines(append(append([]string{"8"}, page...), "0")...))
		z := locales.New(lang)
		for _, want := range []string{z.T("PlainExplainPrompt"), "AADSTS50020", "fcc0a98c-f61e-46c4-97e1-a51c69a1bb94",
			"2026-11-29T09:55:00Z", "support@auvenir.ca"} {
			if !strings.Contains(out, want) {
				t.Fatalf("%s: missing %q:\n%s", lang, want, out)
			}
		}
		// The answer is the page's, not a line per pasted line: the prompt is asked once.
		if n := strings.Count(out, z.T("PlainExplainPrompt")); n != 1 {
			t.Fatalf("%s: the prompt is asked %d times", lang, n)
		}
	}
	// An empty line at once goes back to the menu.
	out := run(t, Config{Lang: locales.English, LangKnown: true, Step: 5}, lines("8", "", "0"))
	if strings.Count(out, "Your choice (") != 2 {
		t.Fatalf("an empty paste did not go back:\n%s", out)
	}
}

// Issue 20, item 5: the support contacts are said on every screen, not only at the end.
func TestSupportOnEveryScreen(t *testing.T) {
	out := run(t, Config{Lang: locales.English, LangKnown: true}, lines(strings.Repeat("1\n", 11)+"0"))
	support := "Need help? Email support@auvenir.ca or call +1 (855) 528-8364."
	if n, screens := strings.Count(out, support), len(steps.All()); n < screens {
		t.Fatalf("the contacts are said %d times over %d screens:\n%s", n, screens, out)
	}
}
