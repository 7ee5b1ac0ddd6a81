package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
)

// testStreams are one test's streams: standard input in (nothing when nil), buffers for the
// output, the environment env, standard input and output terminals when tty says so, no
// terminal to open, and a configuration folder of the test's own.
func testStreams(t *testing.T, env func(string) string, tty bool, in io.Reader) (s *ioStreams, out, errOut *bytes.Buffer) {
	t.Helper()
	out, errOut = &bytes.Buffer{}, &bytes.Buffer{}
	if in == nil {
		in = strings.NewReader("")
	}
	if env == nil {
		env = func(string) string { return "" }
	}
	config := t.TempDir()
	return &ioStreams{In: in, Out: out, ErrOut: errOut, Getenv: env, StdinTTY: tty, StdoutTTY: tty,
		OpenTerminal: func() (*os.File, *os.File, error) { return nil, nil, errors.New("open /dev/tty: no such device") },
		ConfigDir:    func() (string, error) { return config, nil },
	}, out, errOut
}

func mapEnv(env map[string]string) func(string) string {
	return func(k string) string { return env[k] }
}

func runArgs(t *testing.T, env map[string]string, tty bool, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	s, out, errb := testStreams(t, mapEnv(env), tty, nil)
	code = run(s, args)
	return code, out.String(), errb.String()
}

func TestHelpInBothLanguages(t *testing.T) {
	t.Parallel()
	code, out, _ := runArgs(t, nil, false, "--help")
	if code != 0 || !strings.HasPrefix(out, "Usage: auvenir-onboard [options]") {
		t.Fatalf("--help: %d %q", code, out)
	}
	for _, f := range flagDefs {
		if !strings.Contains(out, "--"+f.name) {
			t.Errorf("--help lacks --%s", f.name)
		}
	}
	code, out, _ = runArgs(t, map[string]string{"LANG": "fr_CA.UTF-8"}, false, "-h")
	if code != 0 || !strings.Contains(out, "Utilisation\u00a0: auvenir-onboard") || !strings.Contains(out, "support@auvenir.ca") {
		t.Fatalf("-h in French: %d %q", code, out)
	}
	// The value placeholders are French words too, and the descriptions stay aligned.
	for _, want := range []string{"--explain TEXTE|-  ", "--endpoints FICHIER  ", "--pac FICHIER|URL  ", "dans FICHIER"} {
		if !strings.Contains(out, want) {
			t.Errorf("French --help lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "FILE") || strings.Contains(out, "TEXT|") {
		t.Errorf("French --help shows English placeholders:\n%s", out)
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	code, out, _ := runArgs(t, nil, false, "--version")
	if code != 0 || !strings.HasPrefix(out, "auvenir-onboard dev (commit ") {
		t.Fatalf("--version: %d %q", code, out)
	}
	if got := versionLine(locales.New(locales.French), "1.2.3", "abc123", "2026-11-25"); got != "auvenir-onboard 1.2.3 (commit abc123, compilé le 2026-11-25)" {
		t.Fatalf("stamped --version = %q", got)
	}
}

func TestPrintNeedsNoTerminal(t *testing.T) {
	t.Parallel()
	code, out, errs := runArgs(t, nil, false, "--print", "--lang", "fr")
	if code != 0 || errs != "" {
		t.Fatalf("--print: %d %q", code, errs)
	}
	for _, want := range []string{"# Guide d'authentification", "## Étape 9 de 9", "support@auvenir.ca", "+1 (855) 528-8364"} {
		if !strings.Contains(out, want) {
			t.Errorf("--print lacks %q", want)
		}
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Error("--print wrote an escape code")
	}
	_, out, _ = runArgs(t, map[string]string{"LC_ALL": "en_CA.UTF-8"}, false, "--print")
	if !strings.Contains(out, "## Step 4 of 9") {
		t.Error("--print does not follow the locale")
	}
}

func TestNoTerminal(t *testing.T) {
	t.Parallel()
	code, out, errs := runArgs(t, map[string]string{"LANG": "fr_CA.UTF-8"}, false)
	if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "auvenir-onboard --print") ||
		!strings.Contains(errs, "terminal interactif") {
		t.Fatalf("no terminal: %d %q %q", code, out, errs)
	}
}

func TestBadArguments(t *testing.T) {
	t.Parallel()
	cases := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"--lang", "xx"}, "invalid value for --lang: “xx” (use fr or en, or a language tag such as fr-CA)"},
		{nil, []string{"--step", "12"}, "invalid value for --step: “12” (use a number from 1 to 9)"},
		{nil, []string{"--step=abc"}, "invalid value for --step: “abc”"},
		{nil, []string{"--step"}, "option --step needs a value"},
		{nil, []string{"--bogus"}, "unknown option: --bogus (see auvenir-onboard --help)"},
		{nil, []string{"--print=yes"}, "invalid value for --print: “yes”"},
		{nil, []string{"extra"}, "unexpected argument: “extra”"},
		{nil, []string{"--timeout", "soon", "--check-network"}, "invalid value for --timeout: “soon”"},
		{map[string]string{"LANG": "fr_CA.UTF-8"}, []string{"--step", "0"}, "valeur non valide pour --step\u00a0: «\u00a00\u00a0»"},
		{nil, []string{"--lang", "fr", "--nope"}, "option inconnue\u00a0: --nope"},
	}
	for _, c := range cases {
		code, out, errs := runArgs(t, c.env, true, c.args...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errs, c.want)
		}
	}
}

func TestParseArgs(t *testing.T) {
	t.Parallel()
	o, err := parseArgs([]string{"https://a.example", "--check-network", "--json", "--timeout=2s", "-proxy", "none", "--", "--literal"})
	if err != nil {
		t.Fatal(err)
	}
	if !o.checkNetwork || !o.json || o.timeout.Seconds() != 2 || o.proxy != "none" ||
		strings.Join(o.urls, " ") != "https://a.example --literal" {
		t.Fatalf("parsed %+v", o)
	}
	o, _ = parseArgs(nil)
	if o.timeout.Seconds() != 5 || o.step != 0 || o.lang != "" {
		t.Fatalf("defaults %+v", o)
	}
}

func FuzzParseArgs(f *testing.F) {
	for _, s := range []string{"--lang fr", "--step 4", "--check-network a b --json", "--timeout=1ms", "-- x", "--=", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		o, err := parseArgs(strings.Fields(line))
		if (o == nil) == (err == nil) {
			t.Fatalf("parseArgs(%q) = %v, %v", line, o, err)
		}
		if err == nil && (o.step < 0 || o.step > 9 || o.timeout <= 0) {
			t.Fatalf("parseArgs(%q) accepted %+v", line, o)
		}
	})
}

// A file named on the command line that is not there is said in the person's language, for
// --endpoints, --ca-file and --pac alike, in one line with exit status 2.
func TestMissingFileInFrench(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "absent.txt")
	for _, flag := range []string{"--endpoints", "--ca-file", "--pac"} {
		code, _, errOut := runArgs(t, map[string]string{"LANG": "fr_CA.UTF-8"}, false, "--check-network", flag, missing)
		if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "ce fichier n'existe pas") ||
			strings.Contains(errOut, "no such file") {
			t.Errorf("%s absent: %d %q", flag, code, errOut)
		}
	}
}

// --json and --strict without --check-network are a usage error in the person's language (in a
// terminal they started the wizard and were ignored; piped, they said a terminal was needed).
func TestCheckOnlyFlagsNeedTheCheck(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		env  map[string]string
		flag string
		want string
	}{
		{nil, "--json", "--json goes with --check-network (see auvenir-onboard --help)"},
		{map[string]string{"LANG": "fr_CA.UTF-8"}, "--strict", "--strict s'utilise avec --check-network"},
	} {
		code, out, errs := runArgs(t, c.env, false, c.flag)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", c.flag, code, errs, c.want)
		}
	}
}
