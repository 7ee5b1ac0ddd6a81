package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// What a hostile server, proxy, file or argument says is written without its escape sequences:
// a certificate issuer that retitles the window and clears the screen, a proxy whose refusal
// sets the clipboard, a list whose group name colours the table, a URL that carries a title.
// The JSON document keeps the text, escaped by the encoder.
func TestOutsideTextReachesNoTerminalAsEscapes(t *testing.T) {
	t.Parallel()
	const evil = "\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J\x1b[31m\u009b2J\u009d0;pwned\u009c"
	rogue := netchecktest.NewCA(t, "Evil"+evil+" CA", "Org"+evil)
	untrusted := netchecktest.ServeTLS(t, rogue.Leaf(t, "127.0.0.1"), 0, nil)
	proxy := netchecktest.Hostile(t, netchecktest.Answer("HTTP/1.1 403 Blocked "+evil+"by policy\r\nContent-Length: 0\r\n\r\n"))
	list := filepath.Join(t.TempDir(), "list.toml")
	os.WriteFile(list, []byte("[[group]]\nid = \"g\\u001b]0;t\\u0007\"\nname = \"Office \\u001b[2J\\u001b]0;title\\u0007\"\n[[group.endpoint]]\nurl = \"https://127.0.0.1:"+netchecktest.Port(untrusted)+"/\"\n"), 0o600)

	check := func(name, visible string, args ...string) {
		t.Helper()
		for _, lang := range []string{"en", "fr"} {
			code, out, errs := runCheck(t, env(), append([]string{"--lang", lang, "--timeout", "5s"}, args...)...)
			if strings.ContainsAny(out+errs, "\x1b\x07\u009b\u009d\u009c") {
				t.Errorf("%s (%s): exit %d, escapes written:\n%q\n%q", name, lang, code, out, errs)
			}
			if !strings.Contains(out+errs, visible) {
				t.Errorf("%s (%s): %q is not shown:\n%s%s", name, lang, visible, out, errs)
			}
		}
	}
	check("certificate issuer", "Evil CA", "--endpoints", list)
	check("group name", "Office ", "--endpoints", list)
	check("proxy refusal", "Blocked by policy", "--proxy", "http://"+proxy, "https://example.test/")
	check("URL argument", "a.example/x", "https://a.example/\x1b]0;pwned\x07x")
	check("proxy argument", "ftp://x", "--proxy", "ftp://\x1b]0;pwned\x07x")
	check("unknown option", "--x", "--\x1b]0;pwned\x07x")

	code, out, _ := runCheck(t, env(), "--json", "--endpoints", list)
	if code != 1 || strings.ContainsAny(out, "\x1b\x07\u009b\u009d\u009c") || !strings.Contains(out, `\u001b]0`) || !strings.Contains(out, `\u009b2J`) {
		t.Errorf("JSON: exit %d\n%s", code, out)
	}
}
