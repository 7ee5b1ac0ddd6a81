package idn

import (
	"testing"
	"unicode/utf8"
)

// The display policy on the cases of Chromium's and Firefox's spoof-check tests
// (idn_spoof_checker_unittest.cc, test_idn_urls.js): one script or an East Asian mix shown in
// Unicode, mixed scripts, restricted scripts and Cyrillic that spells Latin in xn-- form.
func TestDisplay(t *testing.T) {
	cases := []struct{ in, want string }{
		{"www.Example.COM", "www.example.com"},
		{"bücher.example", "bücher.example"},
		{"xn--bcher-kva.example", "bücher.example"},
		{"xn--lsa83dealbred.ru", "толсто́й.ru"},                                          // Cyrillic alone, not look-alike
		{"xn--hxa3ahjw4a.gr", "πλάτων.gr"},                                               // Greek alone
		{"xn--1lq90ic7f1rc.cn", "北京大學.cn"},                                               // Han
		{"xn--e-efusa1mzf.jp", "eコマース.jp"},                                               // Latin + Katakana
		{"www.xn--hello-9n1hm04c.com", "www.hello中国.com"},                                // Latin + Han
		{"xn---in-russian-1jg071b0a8bb4cpd.com", "xn---in-russian-1jg071b0a8bb4cpd.com"}, // Cyrillic + Latin
		{"xn--war-and--b9g3b7b3h.com", "xn--war-and--b9g3b7b3h.com"},                     // Latin + Cyrillic
		{"xn--space-h9dui0b0ga2j1562b.com", "xn--space-h9dui0b0ga2j1562b.com"},           // Latin + Greek
		{"xn--f9dt7l.com", "xn--f9dt7l.com"},                                             // Cherokee
		{"аррӏе.com", "xn--80ak6aa92e.com"},                                              // "apple", all Cyrillic
		{"аррӏе.ru", "аррӏе.ru"},                                                         // the same under a Cyrillic TLD
		{"раураl.com", "xn--l-7sba6dbr.com"},                                             // Cyrillic + one Latin l
		{"firm.ca", "firm.ca"},
		{"not a host", "not a host"},
	}
	for _, c := range cases {
		if got := Display(c.in); got != c.want {
			t.Errorf("Display(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDisguised(t *testing.T) {
	for host, want := range map[string]bool{
		"аррӏе.com": true, "раураl.com": true, "xn--80ak6aa92e.com": true,
		"bücher.ca": false, "firm.ca": false, "аррӏе.ru": false, "bad..host": false,
	} {
		if got := Disguised(host); got != want {
			t.Errorf("Disguised(%q) = %v", host, got)
		}
	}
}

func TestASCII(t *testing.T) {
	for in, want := range map[string]string{
		"Bücher.CA": "xn--bcher-kva.ca", "ＦＩＲＭ.ca": "firm.ca", "xn--bcher-kva.ca": "xn--bcher-kva.ca",
	} {
		if got, err := ASCII(in); err != nil || got != want {
			t.Errorf("ASCII(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"xn--zz.ca", "\u202ecom.ca", "-ü.ca", "ü_b.ca", "\x80.ca"} {
		if got, err := ASCII(bad); err == nil {
			t.Errorf("ASCII(%q) = %q, want an error", bad, got)
		}
	}
}

// FuzzDisplay: whatever the host, Display never panics, gives valid UTF-8, and what it gives
// for a valid name looks up the same name.
func FuzzDisplay(f *testing.F) {
	for _, s := range []string{"bücher.ca", "аррӏе.com", "xn--80ak6aa92e.com", "a.b", "xn--", "\u202e.ca"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Display(s)
		if !utf8.ValidString(d) && utf8.ValidString(s) {
			t.Fatalf("Display(%q) = %q: invalid UTF-8", s, d)
		}
		a, err := ASCII(s)
		if err != nil {
			return
		}
		if b, err := ASCII(d); err != nil || b != a {
			t.Fatalf("Display(%q) = %q, which looks up %q (%v), not %q", s, d, b, err, a)
		}
	})
}
