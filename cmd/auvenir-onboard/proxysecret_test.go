package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/locales"
)

// Issue 14, item 1: a proxy password is never printed, whatever the value, and a proxy value
// that cannot be used is a usage error showing the value with the password replaced.
func TestProxyPasswordNeverPrinted(t *testing.T) {
	for _, tc := range []struct {
		name   string
		getenv func(string) string
		args   []string
		secret string
		shown  string
	}{
		{"unencoded # in HTTPS_PROXY", env("HTTPS_PROXY", "http://jdoe:Summer#2024@proxy.corp.example:3128"), nil,
			"Summer", "http://jdoe:***@proxy.corp.example:3128"},
		{"socks5 in https_proxy", env("https_proxy", "socks5://user:pw-socks@proxy:1080"), nil,
			"pw-socks", "socks5://user:***@proxy:1080"},
		{"bad port in --proxy", env(), []string{"--proxy", "http://u:secret-pw@h:bad"},
			"secret-pw", "http://u:***@h:bad"},
		{"user info in an address", env(), []string{"https://jdoe:addr-secret@example.test/"},
			"addr-secret", "https://jdoe:***@example.test/"},
	} {
		for _, lang := range []string{"en", "fr"} {
			code, out, errs := runCheck(t, tc.getenv, append([]string{"--lang", lang, "--json"}, tc.args...)...)
			if code != 2 || out != "" || strings.Count(errs, "\n") != 1 {
				t.Errorf("%s (%s): exit %d, stdout %q, stderr %q", tc.name, lang, code, out, errs)
			}
			if strings.Contains(errs, tc.secret) || !strings.Contains(errs, tc.shown) {
				t.Errorf("%s (%s): stderr %q", tc.name, lang, errs)
			}
		}
	}
}

// An address with user info in an --endpoints file is refused without its password.
func TestEndpointsFileUserInfoNotEchoed(t *testing.T) {
	file := filepath.Join(t.TempDir(), "list.toml")
	os.WriteFile(file, []byte("[[group]]\nid = \"x\"\nname = \"X\"\n\n  [[group.endpoint]]\n  url = \"https://jdoe:file-secret@intranet.example/\"\n"), 0o600)
	code, out, errs := runCheck(t, env(), "--endpoints", file)
	if code != 2 || out != "" || strings.Contains(errs, "file-secret") || !strings.Contains(errs, "jdoe:***@intranet.example") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// A valid proxy URL with a trailing space and an encoded password is used, and its password
// appears nowhere: not in the header, the remedy or the JSON.
func TestProxyPasswordAbsentFromResults(t *testing.T) {
	refused := netchecktest.Refused(t)
	for _, args := range [][]string{{"--json"}, nil} {
		code, out, errs := runCheck(t, env("HTTPS_PROXY", "http://jdoe:Summer%232024@"+refused+" "),
			append(args, "--timeout", "3s", "https://ok.test/")...)
		if code != 1 || strings.Contains(out+errs, "Summer") || strings.Contains(out+errs, "jdoe") ||
			!strings.Contains(out, refused) {
			t.Errorf("%v: exit %d, stdout %s, stderr %q", args, code, out, errs)
		}
	}
}

// The wizard still starts with an unusable proxy variable; its check says why it goes direct.
func TestWizardGoesDirectWithAnUnusableProxyVariable(t *testing.T) {
	s, _, errb := testStreams(t, env("HTTPS_PROXY", "http://jdoe:Summer#2024@proxy.corp.example:3128"), false, nil)
	nw, code := networkSetup(s, &options{}, locales.New(locales.English))
	if code != 0 || errb.Len() != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	u := nw.proxy.Unusable
	if u == nil || u.Origin != "HTTPS_PROXY" || strings.Contains(u.Setting, "Summer") {
		t.Errorf("unusable %+v", u)
	}
}
