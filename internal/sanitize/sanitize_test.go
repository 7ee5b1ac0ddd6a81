package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	cases := map[string]string{
		"CN=Plain Issuer, O=Ok":                  "CN=Plain Issuer, O=Ok",
		"bücher.example « é »":                   "bücher.example « é »",
		"\x1b]0;pwned\x07title":                  "title",
		"\x1b]52;c;cHduZWQ=\x1b\\clip":           "clip",
		"a\x1b[2J\x1b[Hb":                        "ab",
		"\x1b[31mred\x1b[0m":                     "red",
		"\x1b[?1049h\x1b[38;2;1;2;3mx":           "x",
		"\u009b31mC1\u009d0;t\u009cz":            "C1z",
		"\x1b(Bcharset\x1bcreset":                "charsetreset",
		"line1\nline2\r\tend":                    "line1 line2  end",
		"nul\x00bel\x07del\x7f":                  "nulbeldel",
		"bidi \u202egnp.exe\u202c \u2066x\u2069": "bidi gnp.exe x",
		"marks \u200ea\u200fb\u061cc":            "marks abc",
		"bad \xff\xfe utf8":                      "bad \ufffd\ufffd utf8",
		"unterminated \x1b]0;title":              "unterminated ",
		"trailing esc \x1b":                      "trailing esc ",
	}
	for in, want := range cases {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Lines("a\nb\tc\r\n\x1b[2Jd"); got != "a\nb\tc\nd" {
		t.Errorf("Lines = %q", got)
	}
}

// FuzzText: whatever comes in, what goes out has no byte a terminal obeys, is valid UTF-8, is
// unchanged by a second pass, and printable text goes through untouched.
func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "\x1b]0;t\x07", "\x1b[31m", "\u009b1m", "a\nb", "\xff", "\u202e", "\x1b", "\x1bP1;2\x1b\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, keep := range []bool{false, true} {
			out := clean(s, keep)
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 out of %q: %q", s, out)
			}
			for _, r := range out {
				if isControl(r) && !(keep && (r == '\n' || r == '\t')) {
					t.Fatalf("control %U left in %q (from %q)", r, out, s)
				}
			}
			if again := clean(out, keep); again != out {
				t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
			}
			if safe(s, keep) && out != s {
				t.Fatalf("safe text changed: %q -> %q", s, out)
			}
			if len(out) > 3*len(s) {
				t.Fatalf("grew: %d -> %d bytes", len(s), len(out))
			}
		}
		if strings.ContainsAny(Text(s), "\n\r\t") {
			t.Fatalf("Text kept a line break: %q", Text(s))
		}
	})
}
