package guest

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		want string
		err  *Error
	}{
		{"jane@example.ca", "jane@example.ca", nil},
		{"  Jane.Doe@Example.COM ", "Jane.Doe@example.com", nil},
		{"j+audit@sub.firm.co.uk", "j+audit@sub.firm.co.uk", nil},
		{"", "", ErrSyntax},
		{"jane", "", ErrSyntax},
		{"jane@", "", ErrSyntax},
		{"@example.ca", "", ErrSyntax},
		{"jane@localhost", "", ErrDomain},
		{"jane@example..ca", "", ErrSyntax},
		{"jane@-example.ca", "", ErrDomain},
		{"a@b.ca, c@d.ca", "", ErrMultiple},
		{"a@b.ca; c@d.ca", "", ErrMultiple},
		{"Jane Doe <jane@example.ca>", "", ErrName},
		{`" "@0.0`, "", ErrSyntax},
		{`"john doe"@example.ca`, "", ErrSyntax},
		{`"q"@example.ca`, "q@example.ca", nil},
		{"<jane@example.ca>", "", ErrName},
		{strings.Repeat("a", 250) + "@example.ca", "", ErrTooLong},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if got != c.want || (c.err == nil) != (err == nil) || (c.err != nil && !errors.Is(err, c.err)) {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", c.in, got, err, c.want, c.err)
		}
	}
}

func TestIdentity(t *testing.T) {
	got := Identity("jane.doe@example.ca")
	want := "jane.doe_example.ca#EXT#@DMCHosting.onmicrosoft.com"
	if got != want {
		t.Fatalf("Identity = %q, want %q", got, want)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"jane@example.ca", "a@b.ca, c@d.ca", "Jane <j@x.ca>", "\"q\"@x.ca", "x@[1.2.3.4]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		addr, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) returned a non-guest error %v", s, err)
			}
			return
		}
		// What Parse accepts must parse again to itself and yield one well-formed identity.
		if again, err := Parse(addr); err != nil || again != addr {
			t.Fatalf("Parse(%q) = %q, reparsed as %q, %v", s, addr, again, err)
		}
		if id := Identity(addr); strings.Count(id, "#EXT#@") != 1 || !strings.HasSuffix(id, TenantDomain) {
			t.Fatalf("Identity(%q) = %q", addr, id)
		}
	})
}
