package walkthrough_test

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	otptotp "github.com/pquerna/otp/totp"

	"github.com/auvenir/auvenir-onboard/internal/plain"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
	"github.com/auvenir/auvenir-onboard/tui"
)

// The scripted-walk equivalence (issue 20): the same answers given in the full-screen wizard and
// in --plain end with the same saved progress, for every branch a client can take (each answer
// to step 2's question, with the code timer where it applies, and each way of ending step 9:
// none, the practice code, the mobile number, Microsoft asking for no method), in both languages. Both modes are views of one
// walkthrough.Walk; this proves that neither keeps a situation of its own.

// day is before Microsoft's end of text-message codes, so step 9 offers the number check too.
var day = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

const (
	address = "claire.roy@cabinet.qc.ca"
	number  = "6475550123"
)

// branch is one path through the guide.
type branch struct {
	lang   locales.Lang
	answer int          // 1 to 4: the answer to step 2's question, in steps.SignInChoices' order
	mfa    progress.MFA // what step 9 rehearses; MFAUnset for nothing
}

func (b branch) name() string {
	mfa := string(b.mfa)
	if mfa == "" {
		mfa = "none"
	}
	return string(b.lang) + "_" + string(steps.SignInChoices()[b.answer-1]) + "_" + mfa
}

func (b branch) timer() bool { return !steps.SignInChoices()[b.answer-1].UsesPassword() }

func branches() []branch {
	var out []branch
	for _, l := range locales.Langs {
		for a := range steps.SignInChoices() {
			for _, m := range []progress.MFA{progress.MFAUnset, progress.MFAPhone, progress.MFAAuthenticator, progress.MFATrusted} {
				s := steps.SignInChoices()[a]
				if m == progress.MFATrusted && (s == steps.SignInPersonal || s == steps.SignInNone) {
					continue // only an organisation's account can have its MFA trusted
				}
				out = append(out, branch{l, a + 1, m})
			}
		}
	}
	return out
}

func TestSameAnswersSameProgressInEveryMode(t *testing.T) {
	for _, b := range branches() {
		t.Run(b.name(), func(t *testing.T) {
			wizard := walkWizard(t, b)
			plainly := walkPlain(t, b)
			if !sameState(wizard, plainly) {
				t.Fatalf("the modes saved different progress:\nwizard %+v\nplain  %+v", wizard, plainly)
			}
			// And the walk did go where the script says: a test that compared two empty files
			// would prove nothing.
			want := progress.State{Version: progress.Version, Screen: "step9", Lang: b.lang, Email: address,
				SignIn: steps.SignInChoices()[b.answer-1], MFA: b.mfa}
			if b.timer() {
				want.CodeSent = day
			}
			if !sameState(wizard, want) {
				t.Fatalf("saved %+v\nwant  %+v", wizard, want)
			}
		})
	}
}

func sameState(a, b progress.State) bool {
	eq := a.CodeSent.Equal(b.CodeSent)
	a.CodeSent, b.CodeSent = time.Time{}, time.Time{}
	return eq && a == b
}

func load(t *testing.T, s *progress.Store) progress.State {
	t.Helper()
	st, found, err := s.Load()
	if err != nil || !found {
		t.Fatalf("nothing saved: %v %v", found, err)
	}
	return st
}

// keyRow is a row of the practice key as both modes write it: base32 in groups of four, at the
// end of a line (the wizard may break it over two rows beside the QR code).
var keyRow = regexp.MustCompile(`(?:^|\s)((?:[A-Z2-7]{4} )+[A-Z2-7]{1,4})$`)

// code is the code an authenticator app shows for the key written in out.
func code(t *testing.T, out string) string {
	t.Helper()
	var key strings.Builder
	for _, l := range strings.Split(out, "\n") {
		if m := keyRow.FindStringSubmatch(strings.TrimRight(l, " ")); m != nil {
			key.WriteString(strings.ReplaceAll(m[1], " ", ""))
		}
	}
	if key.Len() < 26 {
		t.Fatalf("no practice key on screen:\n%s", out)
	}
	c, err := otptotp.GenerateCode(key.String(), day)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// walkWizard gives the branch's answers to the full-screen wizard, by its keys.
func walkWizard(t *testing.T, b branch) progress.State {
	store := &progress.Store{Dir: t.TempDir()}
	var m tea.Model = tui.New(tui.Config{Progress: store, Now: func() time.Time { return day }})
	send := func(msgs ...tea.Msg) {
		for _, msg := range msgs {
			m, _ = m.Update(msg)
		}
	}
	keys := func(ks ...string) {
		for _, k := range ks {
			switch k {
			case "right":
				send(tea.KeyPressMsg{Code: tea.KeyRight})
			case "enter":
				send(tea.KeyPressMsg{Code: tea.KeyEnter})
			case "esc":
				send(tea.KeyPressMsg{Code: tea.KeyEscape})
			default:
				for _, r := range k {
					send(tea.KeyPressMsg{Code: r, Text: string(r)})
				}
			}
		}
	}
	send(tea.WindowSizeMsg{Width: 160, Height: 50})
	if b.lang == locales.French {
		keys("f")
	} else {
		keys("e")
	}
	keys("right", "right", "right", "e", address, "enter") // the intro's three parts, « Your address », then step 1
	keys("right", "m", string(rune('0'+b.answer)))
	keys("right") // step 3
	if b.timer() {
		keys("s")
	}
	keys("9")
	// Step 9's keys are on their parts: the practice on the third, the number on the fourth,
	// Microsoft asking for no method on the sixth (steps.Screen.Parts).
	switch b.mfa {
	case progress.MFAPhone:
		keys("right", "right", "right", "t", number, "enter", "esc")
	case progress.MFAAuthenticator:
		keys("right", "right", "a")
		screen := ansi.Strip(m.View().Content)
		keys(code(t, screen), "enter", "esc")
	case progress.MFATrusted:
		keys("right", "right", "right", "right", "right", "d", "enter", "esc")
	}
	keys("q")
	return load(t, store)
}

// answers is standard input that writes each answer when plain mode asks for it: next sees all
// that was written so far, so an answer may depend on it (the practice key's code).
type answers struct {
	out  *bytes.Buffer
	next []func(out string) string
}

func (a *answers) Read(p []byte) (int, error) {
	if len(a.next) == 0 {
		return 0, io.EOF
	}
	line := a.next[0](a.out.String()) + "\n"
	a.next = a.next[1:]
	return copy(p, line), nil // a line is far shorter than bufio's buffer
}

// walkPlain gives the branch's answers to --plain, by its numbered choices.
func walkPlain(t *testing.T, b branch) progress.State {
	store := &progress.Store{Dir: t.TempDir()}
	var out bytes.Buffer
	in := &answers{out: &out}
	say := func(lines ...string) {
		for _, l := range lines {
			in.next = append(in.next, func(string) string { return l })
		}
	}
	if b.lang == locales.French {
		say("1")
	} else {
		say("2")
	}
	say("1", "4", address, "1") // « Your address »: 4 types it; then step 1
	say("1", "4", string(rune('0'+b.answer)))
	say("1") // step 3
	if b.timer() {
		say("4")
	}
	say("1", "1", "1", "1", "1", "1") // steps 4 to 9
	switch b.mfa {
	case progress.MFAPhone:
		say("5", number)
	case progress.MFAAuthenticator:
		say("4")
		in.next = append(in.next, func(out string) string { return code(t, out) }, func(string) string { return "" })
	case progress.MFATrusted:
		say("6", "1")
	}
	say("0")
	cfg := plain.Config{Progress: store, Now: func() time.Time { return day }, Terminal: true,
		Clear: func() error { return nil }}
	if err := plain.Run(cfg, in, &out); err != nil {
		t.Fatalf("plain: %v\n%s", err, out.String())
	}
	if len(in.next) != 0 {
		t.Fatalf("plain ended with %d answers unread:\n%s", len(in.next), out.String())
	}
	return load(t, store)
}
