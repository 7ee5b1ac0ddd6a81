package totp

import (
	"strings"
	"testing"
	"time"
)

func TestParseCode(t *testing.T) {
	ok := map[string]string{
		"123456":        "123456",
		"000000":        "000000",
		"123 456":       "123456", // as the app shows it
		" 123456\n":     "123456", // pasted
		"12 34 56":      "123456",
		"1 2 3 4 5 6":   "123456",
		"123  456":      "123456",
		"\t123 456\r\n": "123456",
	}
	for in, want := range ok {
		if got, valid := ParseCode(in); !valid || got != want {
			t.Errorf("ParseCode(%q) = %q, %v; want %q", in, got, valid, want)
		}
	}
	bad := []string{
		"", " ", "12345", "1234567", "12345678", "12345a", "abcdef", "123-456", "123.456",
		"123\t456", "123\u00a0456", "١٢٣٤٥٦", "１２３４５６", "+12345", "-12345", "123456\x00",
		"12345６", strings.Repeat(" ", 40) + "123456",
	}
	for _, in := range bad {
		if got, valid := ParseCode(in); valid || got != "" {
			t.Errorf("ParseCode(%q) = %q, %v; want refused", in, got, valid)
		}
	}
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"123456", "123 456", " 123456\n", "12345", "1234567", "12a456", "١٢٣٤٥٦", ""} {
		f.Add(s)
	}
	v, err := NewVerifier(testSecret)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, ok := ParseCode(s)
		stripped := strings.ReplaceAll(strings.TrimSpace(s), " ", "")
		sixDigits := len(stripped) == 6 && strings.Trim(stripped, "0123456789") == ""
		if ok != (sixDigits && len(s) <= maxTyped) {
			t.Fatalf("ParseCode(%q) = %v; six ASCII digits after removing spaces: %v", s, ok, sixDigits)
		}
		if ok && code != stripped {
			t.Fatalf("ParseCode(%q) = %q, want %q", s, code, stripped)
		}
		if !ok && code != "" {
			t.Fatalf("ParseCode(%q) refused but returned %q", s, code)
		}
		// The verifier agrees with the parser and never panics.
		r := v.Check(s, testNow)
		if (r.Outcome == Malformed) == ok {
			t.Fatalf("Check(%q) = %v but ParseCode ok = %v", s, r.Outcome, ok)
		}
		_ = v.Check(s, time.Unix(-1, 0))
	})
}
