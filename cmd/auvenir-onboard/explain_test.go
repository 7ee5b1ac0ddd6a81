package main

import (
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
)

// --explain TEXT answers on standard output and exits 0, for a known code, an unknown one and
// no code at all; the answer names who must act and ends with the support contacts.
func TestExplainFlag(t *testing.T) {
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"--explain", "AADSTS53003: Access has been blocked by Conditional Access policies.", "--lang", "en"},
			[]string{"Microsoft error AADSTS53003", "Who must act: Auvenir support", "support@auvenir.ca"}},
		{[]string{"--lang=fr", "--explain=AADSTS50088 Correlation ID: aaaa0000-bb11-2222-33cc-444444dddddd"},
			[]string{"Erreur Microsoft AADSTS50088", "Qui doit agir\u00a0: vous", "aaaa0000-bb11-2222-33cc-444444dddddd", "+1 (855) 528-8364"}},
		{[]string{"--explain", "AADSTS12345", "--lang", "en"}, []string{"does not know this code", "support@auvenir.ca"}},
		{[]string{"--explain", "it just failed", "--lang", "en"}, []string{"No Microsoft error code", "support@auvenir.ca"}},
	}
	for _, c := range cases {
		code, out, errs := runArgs(t, nil, false, c.args...)
		if code != 0 || errs != "" {
			t.Fatalf("%v: %d %q", c.args, code, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: lacks %q:\n%s", c.args, w, out)
			}
		}
	}
}

// `--explain -` reads standard input; bad input is one line on standard error and exit 2.
func TestExplainStdinAndBadInput(t *testing.T) {
	z := locales.New(locales.English)
	page := "Sorry, but we're having trouble signing you in.\nAADSTS500212: NotAllowedByOutboundPolicyTenant\n" +
		"Correlation Id: fcc0a98c-f61e-46c4-97e1-a51c69a1bb94\nTimestamp: 2026-11-29T09:55:00Z\n"
	s, out, errb := testStreams(t, nil, false, strings.NewReader(page))
	if code := runExplain(s, "-", z); code != 0 || errb.Len() != 0 {
		t.Fatalf("stdin: %d %q", code, errb.String())
	}
	for _, w := range []string{"AADSTS500212", "Who must act: your IT department",
		"Correlation ID: fcc0a98c-f61e-46c4-97e1-a51c69a1bb94", "Timestamp: 2026-11-29T09:55:00Z"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("stdin answer lacks %q:\n%s", w, out.String())
		}
	}
	for name, c := range map[string]struct{ arg, stdin, want string }{
		"empty argument": {"", "", "No text to explain: give the error message after --explain"},
		"empty stdin":    {"-", "  \n", "No text to explain"},
		"huge stdin":     {"-", strings.Repeat("AADSTS50020 ", 10000), "too long to be an error message (64 KB at most)"},
		"binary stdin":   {"-", "\x7fELF\x02\x01\x01\x00", "This is not text"},
	} {
		s, out, errb := testStreams(t, nil, false, strings.NewReader(c.stdin))
		code := runExplain(s, c.arg, z)
		lines := strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n")
		if code != 2 || out.Len() != 0 || len(lines) != 1 || !strings.Contains(lines[0], c.want) {
			t.Errorf("%s: %d, stdout %q, stderr %q", name, code, out.String(), errb.String())
		}
	}
	// Through run: --explain without its text is a usage error.
	if code, _, errs := runArgs(t, nil, false, "--explain"); code != 2 || !strings.Contains(errs, "--explain") {
		t.Errorf("--explain alone: %d %q", code, errs)
	}
}

// --print speaks of today's Microsoft screens in both languages, and uses the seed's French term.
func TestPrintHasTodaysLabels(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		code, out, _ := runArgs(t, nil, false, "--print", "--lang", lang)
		if code != 0 {
			t.Fatalf("%s: %d", lang, code)
		}
		for _, w := range []string{"More information required", "Keep your account secure",
			"You should only accept if you trust DMCHosting.", "Cancel", "`clientemail_clientdomain.ca#EXT#@DMCHosting.onmicrosoft.com`"} {
			if !strings.Contains(out, w) {
				t.Errorf("%s: --print lacks %q", lang, w)
			}
		}
		if strings.Contains(out, "multifactoriel") {
			t.Errorf("%s: --print says « multifactorielle »", lang)
		}
	}
}
