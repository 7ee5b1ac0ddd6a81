package phone

import (
	"errors"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
)

func TestParseAccepts(t *testing.T) {
	cases := []struct {
		in   string
		want Number
	}{
		{"647-555-0123", Number{"+16475550123", "+1 647-555-0123", "647-555-0123", 1, "CA", false}},
		{"(647) 555-0123", Number{"+16475550123", "+1 647-555-0123", "647-555-0123", 1, "CA", false}},
		{"+1 647 555 0123", Number{"+16475550123", "+1 647-555-0123", "647-555-0123", 1, "CA", false}},
		{"1 647 555 0123", Number{"+16475550123", "+1 647-555-0123", "647-555-0123", 1, "CA", false}},
		{"  6475550123  ", Number{"+16475550123", "+1 647-555-0123", "647-555-0123", 1, "CA", false}},
		{"514.394.5555", Number{"+15143945555", "+1 514-394-5555", "514-394-5555", 1, "CA", false}},
		{"+1 212 555 0123", Number{"+12125550123", "+1 212-555-0123", "212-555-0123", 1, "US", false}},
		{"+33 6 12 34 56 78", Number{"+33612345678", "+33 6 12 34 56 78", "6 12 34 56 78", 33, "FR", true}},
		{"+33612345678", Number{"+33612345678", "+33 6 12 34 56 78", "6 12 34 56 78", 33, "FR", true}},
		{"011 33 6 12 34 56 78", Number{"+33612345678", "+33 6 12 34 56 78", "6 12 34 56 78", 33, "FR", true}}, // dialled from Canada
		{"+44 7400 123456", Number{"+447400123456", "+44 7400 123456", "7400 123456", 44, "GB", true}},
		{"+1 647 555 0123", Number{"+16475550123", "+1 647-555-0123", "647-555-0123", 1, "CA", false}},
		{"＋１ ６４７ ５５５ ０１２３", Number{"+16475550123", "+1 647-555-0123", "647-555-0123", 1, "CA", false}}, // full width
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q) = %+v, %v\n want %+v", c.in, got, err, c.want)
		}
	}
	// Another default region applies to numbers without "+".
	if got, err := ParseIn("06 12 34 56 78", "FR"); err != nil || got.E164 != "+33612345678" {
		t.Errorf("ParseIn FR = %+v, %v", got, err)
	}
}

func TestParseRefuses(t *testing.T) {
	cases := []struct {
		in   string
		want error
	}{
		{"", ErrEmpty},
		{"   ", ErrEmpty},
		{"abc", ErrSyntax},
		{"jane@example.ca", ErrSyntax},
		{"+", ErrSyntax},
		{"+999 123 456 789", ErrCountryCode},
		{"0", ErrSyntax},
		{"64", ErrTooShort},
		{"647", ErrTooShort},
		{"647 555", ErrTooShort},
		{"647 555 012", ErrTooShort},
		{"647 555 01234", ErrTooLong},
		{strings.Repeat("6", MaxInput+1), ErrTooLong},
		{"+1 " + strings.Repeat("6", 18), ErrTooLong},
		{"123 555 0123", ErrInvalid}, // no area code 123
		{"911", ErrTooShort},
		{"647-555-0123 ext. 12", ErrExtension},
		{"647-555-0123 x12", ErrExtension},
		{"+33 1 42 68 53 00", ErrNotMobile}, // Paris landline
		{"1-800-555-0199", ErrNotMobile},    // toll free
		{"1 900 555 0123", ErrNotMobile},    // premium rate
		{"+44 20 7946 0958", ErrNotMobile},  // London landline
		{"+44 56 1234 5678", ErrNotMobile},  // UK VoIP
		{"1-800-FLOWERS", ErrNotMobile},     // letters on the keypad still make a toll-free number
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if !errors.Is(err, c.want) {
			t.Errorf("Parse(%q) = %v, want %v", c.in, err, c.want)
		}
		if got != (Number{}) {
			t.Errorf("Parse(%q) returned a number with its error", c.in)
		}
	}
}

func TestErrorsCarryLocaleMessages(t *testing.T) {
	for _, e := range []*Error{ErrEmpty, ErrSyntax, ErrCountryCode, ErrTooShort, ErrTooLong, ErrInvalid, ErrExtension, ErrNotMobile} {
		for _, l := range locales.Langs {
			z := locales.New(l)
			if !z.Has(e.ID) {
				t.Errorf("%s: no message %s", l, e.ID)
				continue
			}
			if msg := e.Message(z); strings.Contains(msg, "<no value>") || strings.Contains(msg, "\n") {
				t.Errorf("%s %s: %q", l, e.ID, msg)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"647-555-0123", "+33 6 12 34 56 78", "011 44 7400 123456", "1-800-FLOWERS", "647 555 0123 ext 1", "+", "tel:+1-647-555-0123", "\x00", "++1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q): %v is not a phone error", s, err)
			}
			return
		}
		if !strings.HasPrefix(n.E164, "+") || len(n.E164) > 16 || n.Region == "" || n.National == "" {
			t.Fatalf("Parse(%q) = %+v", s, n)
		}
		// What is shown back parses to the same number.
		for _, again := range []string{n.E164, n.International} {
			m, err := Parse(again)
			if err != nil || m != n {
				t.Fatalf("Parse(%q) = %+v, but its form %q gives %+v, %v", s, n, again, m, err)
			}
		}
	})
}
