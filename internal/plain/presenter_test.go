package plain

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/mask"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

const (
	secretAddress = "jane.doe@firmname.ca"
	secretNumber  = "(416) 839-2754"
)

// secretParts are the pieces of the address and number typed that the masked forms leave out.
var secretParts = []string{"jane", "jane.doe", "firmname", "416", "839"} // the last four digits show, as in the TUI

// toStep9 are the answers that go from the address screen to step 9.
func toStep9() []string {
	all := steps.All()
	moves := make([]string, steps.Index(all, 9)-steps.ByKey(all, "address"))
	for i := range moves {
		moves[i] = "1"
	}
	return moves
}

func assertNoSecret(t *testing.T, out string) {
	t.Helper()
	for _, s := range secretParts {
		if strings.Contains(out, s) {
			t.Fatalf("presenter mode writes %q:\n%s", s, out)
		}
	}
}

// Presenter mode, screen shared on a call: the address, the guest identity and the mobile number
// typed are written only masked, as the TUI's presenter mode shows them, on every line that
// quotes them (the address screen, steps 1 to 7, step 9's number), in both languages.
func TestPresenterMasksPersonalData(t *testing.T) {
	for _, lang := range locales.Langs {
		t.Run(string(lang), func(t *testing.T) {
			z := locales.New(lang)
			answers := append([]string{"1", "4", secretAddress}, toStep9()...)
			out := run(t, Config{Lang: lang, LangKnown: true, Presenter: true},
				lines(append(answers, "5", secretNumber, "3", "0")...))
			assertNoSecret(t, out)
			d := guide.With(step9Data(), "Email", mask.Email(secretAddress), "Identity", mask.Identity(secretAddress))
			nd := guide.With(d, "Number", "+1 •••-•••-2754", "National", "•••-•••-2754")
			inOrder(t, out, z.T("AddressGiven", d)+"\n"+z.T("AddressIdentity", d)+"\n"+"j•••_f•••.ca#EXT#@DMCHosting.onmicrosoft.com\n",
				z.T("Step1ScreenEmail", d), z.T("Step3ScreenEmail", d), z.T("Step5ScreenEmail", d),
				z.T("Step7ScreenEmail", d), z.T("Step7IdentityEmail", d),
				z.T("PhoneShownBack", nd)+"\n"+z.T("PhoneOnMicrosoftCanada", nd)+"\n",
				z.T("Step9PhoneDone", nd)+"\n")
			if !strings.Contains(z.T("Step7ScreenEmail", d), "j•••@f•••.ca") || !strings.Contains(nd["National"].(string), "•••-2754") {
				t.Fatal("the test looks for the wrong masked forms")
			}
		})
	}
}

// An address saved last time comes back masked when presenter mode resumes there.
func TestPresenterMasksTheResumedAddress(t *testing.T) {
	saved := progress.State{Screen: "step7", Lang: locales.English, Email: secretAddress}
	out := run(t, Config{Lang: locales.English, LangKnown: true, Presenter: true, Resume: &saved}, lines("1", "0"))
	assertNoSecret(t, out)
	d := guide.With(guide.Data(""), "Email", mask.Email(secretAddress), "Identity", mask.Identity(secretAddress))
	inOrder(t, out, locales.New(locales.English).T("ResumeQuestion", d), "Step 7 of 9", locales.New(locales.English).T("Step7ScreenEmail", d))
}

// hideLog is a HideTyping hook that writes where the echo goes off and on into the output, so a
// test sees which prompt it surrounds, and counts both.
type hideLog struct {
	w              io.Writer
	hides, restore int
}

func (h *hideLog) hook() func() {
	h.hides++
	fmt.Fprint(h.w, "[hide]")
	return func() {
		h.restore++
		fmt.Fprint(h.w, "[show]")
	}
}

// In presenter mode the echo goes off for the address and the mobile number only, around the
// read of each answer, and comes back once per answer; a newline stands for the Enter the
// terminal did not echo. The numbered menus keep their echo.
func TestPresenterHidesTypingOfPersonalData(t *testing.T) {
	z := locales.New(locales.English)
	var out bytes.Buffer
	h := &hideLog{w: &out}
	answers := append([]string{"1", "4", "jane@firm", secretAddress}, toStep9()...)
	cfg := Config{Lang: locales.English, LangKnown: true, Presenter: true, HideTyping: h.hook}
	if err := Run(cfg, strings.NewReader(lines(append(answers, "5", secretNumber, "0")...)), &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	d := step9Data()
	hidden := "\n[hide][show]\n"
	inOrder(t, s, z.T("PlainAddressPrompt", d)+hidden+z.T("AddressErrDomain", d),
		z.T("PlainAddressPrompt", d)+hidden+z.T("AddressGiven", guide.With(d, "Email", mask.Email(secretAddress))),
		z.T("PlainPhonePrompt", d)+hidden+z.T("PhoneShownBack", guide.With(d, "Number", "+1 •••-•••-2754")))
	if h.hides != 3 || h.restore != 3 || strings.Count(s, "[hide]") != 3 {
		t.Fatalf("echo off %d times, on %d times; want 3 and 3:\n%s", h.hides, h.restore, s)
	}
	if n := strings.Count(s, z.T("PlainAddressPrompt", d)+"\n[hide]") + strings.Count(s, z.T("PlainPhonePrompt", d)+"\n[hide]"); n != 3 {
		t.Fatalf("the echo went off after another line than the two prompts:\n%s", s)
	}
	// Said once per field, before its first question: typing that shows nothing is expected.
	notice := z.T("PlainTypingHidden", d)
	if n := strings.Count(s, notice+"\n"+z.T("PlainAddressPrompt", d)); n != 1 || strings.Count(s, notice) != 2 {
		t.Fatalf("the hidden-typing notice is said %d times in all, %d before the address:\n%s", strings.Count(s, notice), n, s)
	}
}

// Without presenter mode the hook is never called: the person sees what they type.
func TestHideTypingOnlyInPresenterMode(t *testing.T) {
	var out bytes.Buffer
	h := &hideLog{w: &out}
	cfg := Config{Lang: locales.English, LangKnown: true, HideTyping: h.hook}
	if err := Run(cfg, strings.NewReader(lines(append(append([]string{"1", "4", secretAddress}, toStep9()...), "5", secretNumber, "0")...)), &out); err != nil {
		t.Fatal(err)
	}
	if h.hides != 0 || !strings.Contains(out.String(), secretAddress) {
		t.Fatalf("echo turned off %d times outside presenter mode", h.hides)
	}
	if notice := locales.New(locales.English).T("PlainTypingHidden", step9Data()); strings.Contains(out.String(), notice) {
		t.Fatal("the hidden-typing notice is said outside presenter mode")
	}
}

// The input ending at the hidden prompt still turns the echo back on, once, before the support
// line.
func TestHiddenPromptEndOfInput(t *testing.T) {
	var out bytes.Buffer
	h := &hideLog{w: &out}
	cfg := Config{Lang: locales.French, LangKnown: true, Presenter: true, HideTyping: h.hook}
	if err := Run(cfg, strings.NewReader("1\n4\n"), &out); err != nil {
		t.Fatal(err)
	}
	end := locales.New(locales.French).T("PlainEnd", guide.Data(""))
	if h.hides != 1 || h.restore != 1 || !strings.HasSuffix(out.String(), "[hide][show]\n\n"+end+"\n") {
		t.Fatalf("off %d, on %d; ends %q", h.hides, h.restore, tail(out.String()))
	}
}

// ctrl+c at the hidden prompt (Config.Interrupt) ends the guide with the echo back on, once.
func TestHiddenPromptInterrupted(t *testing.T) {
	sig := make(chan os.Signal, 1)
	r, w := io.Pipe()
	defer w.Close()
	var out syncBuffer
	h := &hideLog{w: &out}
	done := make(chan error, 1)
	cfg := Config{Lang: locales.English, LangKnown: true, Step: 9, Presenter: true, HideTyping: h.hook, Interrupt: sig}
	go func() { done <- Run(cfg, r, &out) }()
	waitFor(t, &out, "Your choice (")
	fmt.Fprintln(w, "5")
	waitFor(t, &out, "[hide]")
	sig <- os.Interrupt
	select {
	case err := <-done:
		if err != ErrInterrupted {
			t.Fatalf("Run = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the interrupt did not end the guide")
	}
	waitFor(t, &out, "[show]")
	if h.hides != 1 || h.restore != 1 {
		t.Fatalf("off %d, on %d", h.hides, h.restore)
	}
}

// panicReader gives its answers, then panics as a broken reader might.
type panicReader struct{ answers *strings.Reader }

func (p panicReader) Read(b []byte) (int, error) {
	if p.answers.Len() == 0 {
		panic("the reader broke")
	}
	return p.answers.Read(b)
}

// A panic while the echo is off turns it back on before the panic goes on up.
func TestHiddenPromptPanic(t *testing.T) {
	var out bytes.Buffer
	h := &hideLog{w: &out}
	cfg := Config{Lang: locales.English, LangKnown: true, Presenter: true, HideTyping: h.hook}
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("the panic was swallowed")
			}
		}()
		Run(cfg, panicReader{strings.NewReader("1\n4\n")}, &out)
	}()
	if h.hides != 1 || h.restore != 1 {
		t.Fatalf("off %d, on %d:\n%s", h.hides, h.restore, out.String())
	}
}
