package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --endpoints and --ca-file read only regular files up to a size, and say in one line why
// another is refused.
func TestNetworkFilesAreBounded(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, []byte("#"+strings.Repeat("x", 2<<20)), 0o600)
	nested := filepath.Join(dir, "nested.toml")
	os.WriteFile(nested, []byte("a = "+strings.Repeat("{a = ", 10000)+"1"+strings.Repeat("}", 10000)+"\n"), 0o600)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--endpoints", dir}, dir + ": not a regular file"},
		{[]string{"--endpoints", big}, "big.toml: too large: the limit is 1 MiB"},
		{[]string{"--endpoints", nested}, "nested.toml, line 1: tables or keys nested too deeply"},
		{[]string{"--ca-file", big}, "big.toml: cannot read the certificates: too large: the limit is 1 MiB"},
		{[]string{"--ca-file", dir}, "cannot read the certificates: not a regular file"},
		{[]string{"--lang", "fr", "--endpoints", big}, "big.toml : trop volumineux : la limite est de 1 Mio"},
	}
	for _, c := range cases {
		wantOneLine(t, c.args, c.want)
	}
}

func wantOneLine(t *testing.T, args []string, want string) {
	t.Helper()
	code, out, errs := runCheck(t, env(), args...)
	errs = strings.ReplaceAll(errs, "\u00a0", " ")
	if code != 2 || !strings.Contains(errs, want) || out != "" || strings.Count(errs, "\n") != 1 {
		t.Errorf("%v: exit %d, stderr %q, stdout %q; want 2 and one line with %q", args, code, errs, out, want)
	}
}

func TestFlagRules(t *testing.T) {
	t.Parallel()
	refused := []struct {
		args []string
		want string
	}{
		{[]string{"--timeout", "1ns"}, "invalid value for --timeout: “1ns” (use a duration from 100ms to 10m"},
		{[]string{"--timeout", "99ms"}, "from 100ms to 10m"},
		{[]string{"--timeout", "11m"}, "from 100ms to 10m"},
		{[]string{"---lang=en"}, "unknown option: ---lang"},
		{[]string{"---lang", "en"}, "unknown option: ---lang"},
	}
	for _, c := range refused {
		code, out, errs := runCheck(t, env(), append(c.args, "http://127.0.0.1:1/")...)
		if code != 2 || !strings.Contains(errs, c.want) || out != "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, errs, c.want)
		}
	}
	for _, args := range [][]string{{"--timeout", "100ms"}, {"--timeout", "10m"}, {"--lang", "fr-CA"}, {"--lang=en-GB"}, {"-lang", "fr_CA"}} {
		if _, err := parseArgs(args); err != nil {
			t.Errorf("%v refused: %v", args, err)
		}
	}
	if o, _ := parseArgs([]string{"--lang", "fr-CA"}); o.lang != "fr" {
		t.Errorf("--lang fr-CA is %q", o.lang)
	}
	// --proxy NONE is no proxy, not a proxy host named NONE.
	for _, v := range []string{"NONE", "None", " none "} {
		code, out, _ := runCheck(t, env(), "--json", "--timeout", "2s", "--proxy", v, "http://127.0.0.1:1/")
		if code != 1 || !strings.Contains(out, `"proxy_source": "none"`) || !strings.Contains(out, `"class": "refused"`) {
			t.Errorf("--proxy %q: exit %d\n%s", v, code, out)
		}
	}
}
