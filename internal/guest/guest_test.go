package guest

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"github.com/auvenir/auvenir-onboard/internal/sanitize"
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
		// What is not seen is refused, not kept (issue 22 item 5): C1 CSI, bidi controls,
		// zero-width characters, the BOM, a no-break space, a Hangul filler, a private-use one.
		{"ab\u009b2Jcd@firm.ca", "", ErrSyntax},
		{"jane\u202eac.mrif@x.ca", "", ErrSyntax},
		{"jane@firm\u202e.ca", "", ErrSyntax},
		{"\u2066jane@firm.ca\u2069", "", ErrSyntax},
		{"ja\u200bne@firm.ca", "", ErrSyntax},
		{"jane@fi\u200drm.ca", "", ErrSyntax},
		{"\ufeffjane@firm.ca", "", ErrSyntax},
		{"jane@firm.ca\u200e", "", ErrSyntax},
		{"ja\u00adne@firm.ca", "", ErrSyntax},
		{"ja\u00a0ne@firm.ca", "", ErrSyntax},
		{"jane\u3164@firm.ca", "", ErrSyntax},
		{"jane\ue000@firm.ca", "", ErrSyntax},
		{"jane\ufe0f@firm.ca", "", ErrSyntax},
		{"ja\xffne@firm.ca", "", ErrSyntax},
		// International domains are kept in their ASCII form, what the DNS looks up.
		{"jean@Bücher.ca", "jean@xn--bcher-kva.ca", nil},
		{"jean@xn--bcher-kva.ca", "jean@xn--bcher-kva.ca", nil},
		{"jane@аррӏе.com", "jane@xn--80ak6aa92e.com", nil},
		{"jean@xn--zz.ca", "", ErrDomain},
		{"jean@bü_cher.ca", "", ErrDomain},
		{"josé@firm.ca", "josé@firm.ca", nil},
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
	for _, s := range []string{"jane@example.ca", "a@b.ca, c@d.ca", "Jane <j@x.ca>", "\"q\"@x.ca", "x@[1.2.3.4]",
		"ab\u009b2Jcd@firm.ca", "j\u202e@x.ca", "j@b\u00fccher.ca", "j@\u0430\u0440\u0440.com", "\ufeffj@x.ca",
		"j\u200b@x.ca", "j@x.ca\u2069", "j@\uff26irm.ca", "j\u0301@x.ca"} {
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
		// Nothing unseen is kept, and the domain is ASCII (Unicode only beside it, shown).
		for _, r := range addr {
			if invisible(r) || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) || sanitize.Text(string(r)) != string(r) {
				t.Fatalf("Parse(%q) = %q keeps %U", s, addr, r)
			}
		}
		if d := addr[strings.LastIndexByte(addr, '@')+1:]; strings.IndexFunc(d, func(r rune) bool { return r >= 0x80 }) >= 0 {
			t.Fatalf("Parse(%q) = %q: domain not in ASCII", s, addr)
		}
	})
}
