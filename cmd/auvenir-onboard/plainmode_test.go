package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// Each way of asking for plain mode runs it without a terminal (tty false), reading the answers
// given; without any of them the program still refuses to start without a terminal.
func TestPlainDispatch(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want int
	}{
		{"flag", []string{"--plain", "--lang", "en"}, nil, 0},
		{"ACCESSIBLE", []string{"--lang", "en"}, map[string]string{"ACCESSIBLE": "1"}, 0},
		{"TERM=dumb", []string{"--lang", "en"}, map[string]string{"TERM": "dumb"}, 0},
		{"none", []string{"--lang", "en"}, map[string]string{"TERM": "xterm"}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s, out, errb := testStreams(t, mapEnv(c.env), false, strings.NewReader("1\n0\n"))
			code := run(s, c.args)
			if code != c.want {
				t.Fatalf("exit %d, want %d; stderr %q", code, c.want, errb.String())
			}
			if c.want == 0 && (!strings.Contains(out.String(), "Your address") || errb.Len() != 0) {
				t.Fatalf("plain mode did not run:\n%s\nstderr: %s", out.String(), errb.String())
			}
		})
	}
}

func TestPlainStepAndLanguageFlags(t *testing.T) {
	t.Parallel()
	s, out, _ := testStreams(t, nil, false, strings.NewReader("0\n"))
	if code := run(s, []string{"--plain", "--step", "6", "--lang", "fr"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), "Étape 6 de 9") || strings.Contains(out.String(), "Choose your language") {
		t.Fatalf("--step/--lang ignored:\n%s", out.String())
	}
	// No language from the flags or the environment: the question comes first.
	s, out, _ = testStreams(t, nil, false, strings.NewReader("2\n0\n"))
	run(s, []string{"--plain"})
	if !strings.HasPrefix(out.String(), "Choisissez votre langue") {
		t.Fatalf("no language question:\n%s", out.String())
	}
}

// buildPlainBinary is the release build of the program (no test seams), built once per test
// binary through testtool's cache.
func buildPlainBinary(t *testing.T) string {
	t.Helper()
	return testtool.Program(t, testtool.Build{Pkg: "./cmd/auvenir-onboard"})
}

// The built program, its standard input a pipe, walks every screen in both languages and ends
// with exit 0 at the end of input; stdout holds only plain lines.
func TestPlainEndToEndPipe(t *testing.T) {
	t.Parallel()
	bin := buildPlainBinary(t)
	for _, c := range []struct {
		lang, env, heading, address, end string
	}{
		{"en", "ACCESSIBLE=1", "Step 9 of 9: Keep your account secure", "In the DMC Hosting tenant you appear as:", "Need help? Email support@auvenir.ca or call +1 (855) 528-8364."},
		{"fr", "TERM=dumb", "Étape 9 de 9\u00a0: Protéger votre compte", "Dans le locataire DMC Hosting, vous apparaissez ainsi\u00a0:", "Besoin d'aide\u00a0? Écrivez à support@auvenir.ca ou appelez le +1 (855) 528-8364."},
	} {
		t.Run(c.lang, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(bin, "--lang", c.lang)
			cmd.Env = append(os.Environ(), c.env, "HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
			// Next to the address screen, give a bad then a good address, then next to the finish;
			// no quit: the end of input ends it.
			cmd.Stdin = strings.NewReader("1\n4\nnot-an-address\njane@firm.ca\n" + strings.Repeat("1\n", 10))
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			if err := cmd.Run(); err != nil {
				t.Fatalf("%v; stderr %q", err, errb.String())
			}
			s := out.String()
			for _, want := range []string{c.heading, c.address, "jane_firm.ca#EXT#@DMCHosting.onmicrosoft.com", "support@auvenir.ca"} {
				if !strings.Contains(s, want) {
					t.Errorf("missing %q", want)
				}
			}
			if !strings.HasSuffix(s, "\n"+c.end+"\n") {
				t.Errorf("ends with %q", s[max(0, len(s)-200):])
			}
			if strings.ContainsAny(s, "\x1b\r") || errb.Len() != 0 {
				t.Errorf("escape codes or stderr output: %q", errb.String())
			}
		})
	}
}

// Step 9 through the built program with a pipe on both ends: the mobile number is checked (a
// bad one refused, a good one read back), and the practice, whose key could not be erased from
// a pipe, is refused in one line without any key made or printed.
func TestPlainStep9EndToEndPipe(t *testing.T) {
	t.Parallel()
	bin := buildPlainBinary(t)
	for _, c := range []struct{ lang, short, back, refusal string }{
		{"en", "This number is too short.", "Your number: +1 647-555-0123", "The practice shows a secret key that must be erased from the window afterwards, which this output cannot do (it is not a terminal window, or it is redirected). Open a terminal window and run auvenir-onboard --plain --totp-practice there, with nothing piped in or out."},
		{"fr", "Ce numéro est trop court.", "Votre numéro\u00a0: +1 647-555-0123", "L'exercice affiche une clé secrète qui doit être effacée de la fenêtre ensuite, ce que cette sortie ne permet pas (ce n'est pas une fenêtre de terminal, ou elle est redirigée). Ouvrez une fenêtre de terminal et lancez-y auvenir-onboard --plain --totp-practice, sans rien rediriger en entrée ni en sortie."},
	} {
		t.Run(c.lang, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(bin, "--plain", "--lang", c.lang, "--step", "9")
			cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
			cmd.Stdin = strings.NewReader("5\n647 555\n647 555 0123\n4\n")
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			if err := cmd.Run(); err != nil {
				t.Fatalf("%v; stderr %q", err, errb.String())
			}
			s := out.String()
			i, j, k := strings.Index(s, c.short), strings.Index(s, c.back), strings.Index(s, "\n"+c.refusal+"\n")
			if i < 0 || j < i || k < j {
				t.Fatalf("refusal, number and practice refusal missing or out of order:\n%s", s)
			}
			if strings.ContainsAny(s, "\x1b\r") || errb.Len() != 0 || regexp.MustCompile(`(?m)^(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}$`).MatchString(s) {
				t.Fatalf("escape codes, a key, or stderr output %q:\n%s", errb.String(), s)
			}
		})
	}
}

// --totp-practice with plain mode opens at step 9 on the practice, which a captured output
// refuses at once; the guide goes on at step 9.
func TestPlainTOTPPracticeFlag(t *testing.T) {
	t.Parallel()
	ios, out, errb := testStreams(t, nil, false, strings.NewReader("0\n"))
	if code := run(ios, []string{"--plain", "--totp-practice", "--lang", "en"}); code != 0 {
		t.Fatalf("exit %d; stderr %q", code, errb.String())
	}
	s := out.String()
	i, j := strings.Index(s, "Step 9 of 9"), strings.Index(s, "run auvenir-onboard --plain --totp-practice there, with nothing piped in or out")
	if i < 0 || j < i || !strings.Contains(s[j:], "Your choice (1 next, 2 back") {
		t.Fatalf("not opened on step 9's practice:\n%s", s)
	}
}

// Answers from a pipe, a file or a reader are not echoed by any terminal: presenter mode has no
// echo to turn off for them, and plain mode gets no hook.
func TestHideTypingNeedsATerminal(t *testing.T) {
	t.Parallel()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	f, err := os.Create(filepath.Join(t.TempDir(), "answers"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for name, in := range map[string]io.Reader{"pipe": r, "file": f, "reader": strings.NewReader("1\n")} {
		if hideTyping(true, in) != nil {
			t.Errorf("%s: a hook to hide typing", name)
		}
	}
}
