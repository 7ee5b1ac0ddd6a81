package main

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
)

// argsOf is an option as typed, with a value when it takes one; "" is a URL of --check-network.
func argsOf(name string) []string {
	values := map[string]string{"lang": "en", "step": "3", "explain": "AADSTS50020", "endpoints": "list.toml",
		"timeout": "2s", "proxy": "none", "pac": "proxy.pac", "ca-file": "ca.pem", "parallel": "2"}
	if name == urlArg {
		return []string{"https://a.example/"}
	}
	if v, ok := values[name]; ok {
		return []string{"--" + name, v}
	}
	return []string{"--" + name}
}

// worksWith is every pair of options that work together, written out (not derived from the
// rules under test). --help goes with everything, --lang with everything that works alone.
var worksWith = map[string][]string{
	"check-network": {"plain", "endpoints", "timeout", "proxy", "pac", "ca-file", "parallel", "json", "strict", urlArg},
	"show-qr":       {"presenter"},
	"plain":         {"check-network", "reset", "step", "totp-practice", "presenter"},
	"reset":         {"plain", "step", "totp-practice", "presenter", "endpoints", "timeout", "proxy", "pac", "ca-file", "parallel"},
	"step":          {"plain", "reset", "presenter", "endpoints", "timeout", "proxy", "pac", "ca-file", "parallel"},
	"totp-practice": {"plain", "reset", "presenter", "endpoints", "timeout", "proxy", "pac", "ca-file", "parallel"},
	"presenter":     {"show-qr", "plain", "reset", "step", "totp-practice", "endpoints", "timeout", "proxy", "pac", "ca-file", "parallel"},
	"endpoints":     {"check-network", "reset", "step", "totp-practice", "presenter", "timeout", "proxy", "pac", "ca-file", "parallel"},
	"timeout":       {"check-network", "reset", "step", "totp-practice", "presenter", "endpoints", "proxy", "pac", "ca-file", "parallel"},
	"proxy":         {"check-network", "reset", "step", "totp-practice", "presenter", "endpoints", "timeout", "pac", "ca-file", "parallel"},
	"pac":           {"check-network", "reset", "step", "totp-practice", "presenter", "endpoints", "timeout", "proxy", "ca-file", "parallel"},
	"ca-file":       {"check-network", "reset", "step", "totp-practice", "presenter", "endpoints", "timeout", "proxy", "pac", "parallel"},
	"parallel":      {"check-network", "reset", "step", "totp-practice", "presenter", "endpoints", "timeout", "proxy", "pac", "ca-file"},
	"json":          {"check-network"},
	"strict":        {"check-network"},
	urlArg:          {"check-network"},
}

func together(a, b string) bool {
	needsCheck := []string{"json", "strict", urlArg}
	switch {
	case a == "help" || b == "help":
		return true
	case slices.Contains(needsCheck, a) || slices.Contains(needsCheck, b):
		// alone, these need --check-network
	case a == "lang" || b == "lang":
		return true
	}
	return slices.Contains(worksWith[a], b) || slices.Contains(worksWith[b], a)
}

// Every pair of options, in both orders: a pair that works together is parsed; any other is
// refused before anything runs, exit 2, one line naming both options (or, for an option of the
// check alone, what it needs: --check-network), in the person's language. Nothing is ignored.
func TestEveryPairOfOptionsWorksOrIsRefused(t *testing.T) {
	t.Parallel()
	names := []string{urlArg}
	for _, f := range flagDefs {
		names = append(names, f.name)
	}
	for _, a := range names {
		for _, b := range names {
			if a == b {
				continue
			}
			args := append(argsOf(a), argsOf(b)...)
			_, err := parseArgs(args)
			if together(a, b) {
				if err != nil {
					t.Errorf("%v refused (%v); these work together", args, err)
				}
				continue
			}
			code, out, errs := runArgs(t, nil, false, args...)
			if code != 2 || out != "" || strings.Count(errs, "\n") != 1 {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and one line", args, code, out, errs)
				continue
			}
			want := []string{"--" + a, "--" + b}
			switch {
			case a == urlArg || b == urlArg:
				want = []string{"https://a.example/"}
			case a == "json" || a == "strict":
				want = []string{"--" + a + " goes with --check-network"}
			case b == "json" || b == "strict":
				want = []string{"--" + b + " goes with --check-network"}
			default:
				want = append(want, "cannot be used together")
			}
			for _, w := range want {
				if !strings.Contains(errs, w) {
					t.Errorf("%v: stderr %q lacks %q", args, errs, w)
				}
			}
		}
	}
}

// The combinations of the issue, and a few of three options where a pair alone says nothing.
func TestConflictingModesAreRefused(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		// Markdown used to land in the JSON file.
		{nil, []string{"--check-network", "--json", "--print"}, "--check-network and --print cannot be used together"},
		{nil, []string{"--print", "--show-qr"}, "--print and --show-qr cannot be used together"},
		{nil, []string{"--check-network", "--explain", "AADSTS50020"}, "--check-network and --explain cannot be used together"},
		{nil, []string{"--reset", "--version"}, "--reset and --version cannot be used together"},
		{nil, []string{"--print", "--reset"}, "--print and --reset cannot be used together"},
		// The plain guide has no network check of its own: --proxy would be ignored.
		{nil, []string{"--plain", "--proxy", "none"}, "--proxy and --plain cannot be used together"},
		{nil, []string{"--step", "4", "--totp-practice"}, "--step and --totp-practice cannot be used together"},
		{map[string]string{"LANG": "fr_CA.UTF-8"}, []string{"--reset", "--check-network"},
			"--reset et --check-network ne s'utilisent pas ensemble\u00a0: donnez l'une ou l'autre (voir auvenir-onboard --help)"},
	} {
		code, out, errs := runArgs(t, c.env, false, c.args...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errs, c.want)
		}
	}
	for _, args := range [][]string{
		{"--check-network", "--plain", "--proxy", "none", "https://a.example/"},
		{"--reset", "--plain", "--presenter", "--step", "2"},
		{"--show-qr", "--presenter", "--lang", "fr"},
	} {
		if _, err := parseArgs(args); err != nil {
			t.Errorf("%v refused: %v", args, err)
		}
	}
}

// --help shows the help whatever else is given, and does nothing else (as gh's --help): the
// progress file --reset would forget is still there.
func TestHelpWinsOverEveryOption(t *testing.T) {
	t.Parallel()
	s, out, errOut := testStreams(t, nil, false, nil)
	store := configDir(t, s)
	if err := store.Save(progress.State{Screen: "step5", Lang: locales.French}); err != nil {
		t.Fatal(err)
	}
	code := run(s, []string{"--reset", "--print", "--help", "--check-network"})
	if code != 0 || !strings.HasPrefix(out.String(), "Usage: auvenir-onboard") || errOut.String() != "" {
		t.Fatalf("--help beside others: exit %d, %q %q", code, out.String(), errOut.String())
	}
	if _, err := os.Stat(store.Path()); err != nil {
		t.Errorf("--help beside --reset forgot the saved progress: %v", err)
	}
}

// When the environment chose the plain guide (ACCESSIBLE, TERM=dumb), a network option, which
// only the full-screen guide's check uses, is refused naming the variable, instead of being
// ignored; the options the plain guide uses still work. Without a terminal, --reset beside
// options for the guide no longer forgets and exits 0 as if they were not there: the guide was
// asked for, and it needs a terminal (nothing is forgotten).
func TestOptionsThePlainGuideWouldIgnore(t *testing.T) {
	t.Parallel()
	code, out, errs := runArgs(t, map[string]string{"ACCESSIBLE": "1"}, true, "--proxy", "none")
	want := "--proxy shapes the full-screen guide's network check, which the plain guide (ACCESSIBLE is set) does not have: run auvenir-onboard --check-network --proxy … for the check"
	if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, want) {
		t.Errorf("ACCESSIBLE=1 --proxy none: exit %d, stderr %q; want 2 and %q", code, errs, want)
	}
	code, _, errs = runArgs(t, map[string]string{"TERM": "dumb", "LANG": "fr_CA.UTF-8"}, true, "--timeout", "3s")
	if code != 2 || !strings.Contains(errs, "(TERM=dumb est défini)") {
		t.Errorf("TERM=dumb --timeout: exit %d, stderr %q", code, errs)
	}

	s, _, errOut := testStreams(t, nil, false, nil)
	store := configDir(t, s)
	if err := store.Save(progress.State{Screen: "step5", Lang: locales.French}); err != nil {
		t.Fatal(err)
	}
	if code := run(s, []string{"--reset", "--step", "3"}); code != 2 || !strings.Contains(errOut.String(), "needs an interactive terminal") {
		t.Errorf("--reset --step 3 without a terminal: exit %d, %q", code, errOut.String())
	}
	if _, err := os.Stat(store.Path()); err != nil {
		t.Errorf("the progress was forgotten although the guide could not run: %v", err)
	}
	if code := run(s, []string{"--reset", "--lang", "fr"}); code != 0 {
		t.Errorf("--reset --lang fr without a terminal: exit %d", code)
	}
	if _, err := os.Stat(store.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("--reset alone did not forget: %v", err)
	}
}

// An option with a value given twice is refused, naming it: one of the values would be ignored,
// and « --lang fr --lang en » spoke French in its errors and English after.
func TestOptionWithAValueGivenTwice(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "fr", "--lang", "en"}, "--lang est donnée deux fois\u00a0: donnez-la une seule fois"},
		{[]string{"--check-network", "--proxy", "none", "--proxy=http://127.0.0.1:1"}, "--proxy is given twice: give it once"},
		{[]string{"--check-network", "--timeout", "2s", "-timeout", "3s"}, "--timeout is given twice"},
	} {
		code, out, errs := runArgs(t, nil, false, c.args...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errs, c.want)
		}
	}
	// A switch given twice asks the same thing twice: nothing is lost.
	if _, err := parseArgs([]string{"--plain", "--plain"}); err != nil {
		t.Errorf("--plain --plain: %v", err)
	}
}
