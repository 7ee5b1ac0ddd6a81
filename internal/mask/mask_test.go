package mask

import (
	"strings"
	"testing"
)

func TestEmail(t *testing.T) {
	cases := map[string]string{
		"jane@firm.ca":                "j•••@f•••.ca",
		"  jane@firm.ca ":             "j•••@f•••.ca",
		"a@b.ca":                      "a•••@b•••.ca",
		"jean-françois@cabinet.qc.ca": "j•••@c•••.ca",
		"j@mail.firm.co.uk":           "j•••@m•••.uk",
		"émile@société.ca":            "é•••@s•••.ca",
		"e\u0301mile@x.ca":            "e\u0301•••@x•••.ca", // e + combining accent stays whole
		"👩‍👩‍👧@family.ca":             "👩‍👩‍👧•••@f•••.ca",
		"ζωή@παράδειγμα.ελ":           "ζ•••@π•••.ελ",
		`"jane doe"@firm.ca`:          `"•••@f•••.ca`,
		"jane@localhost":              "j•••@l•••",
		"jane@firm.":                  "j•••@f•••",
		"@firm.ca":                    "•••@f•••.ca",
		"jane@":                       "j•••@•••",
		"no address here":             "•••",
		"":                            "",
	}
	for in, want := range cases {
		if got := Email(in); got != want {
			t.Errorf("Email(%q) = %q, want %q", in, got, want)
		}
	}
}

// Whatever the address, the masked form never contains the hidden parts.
func TestEmailHidesTheRest(t *testing.T) {
	for _, addr := range []string{"jane.doe@firm.ca", "katherine@averylongdomainname.example.com", "x@y.z"} {
		got := Email(addr)
		local, domain, _ := strings.Cut(addr, "@")
		if len(local) > 1 && strings.Contains(got, local[1:]) {
			t.Errorf("%q shows the local part: %q", addr, got)
		}
		first := strings.Split(domain, ".")[0]
		if len(first) > 1 && strings.Contains(got, first[1:]) {
			t.Errorf("%q shows the domain: %q", addr, got)
		}
	}
	if Email("al@ex.ca") != Email("alexandra@example.ca") {
		t.Error("the masked length depends on the address's length")
	}
}

func TestIdentity(t *testing.T) {
	if got := Identity("jane@firm.ca"); got != "j•••_f•••.ca#EXT#@DMCHosting.onmicrosoft.com" {
		t.Fatalf("Identity = %q", got)
	}
	if Identity(" ") != "" {
		t.Fatal("an empty address has an identity")
	}
}

func TestPhone(t *testing.T) {
	cases := map[string]string{
		"+1 647 555 1234":   "+1 ••• ••• 1234",
		"+1 647-555-1234":   "+1 •••-•••-1234", // the phone check's international form
		"+1 (647) 555-1234": "+1 (•••) •••-1234",
		"+16475551234":      "+1••••••1234",
		"+1-647-555-1234":   "+1-•••-•••-1234",
		"001 647 555 1234":  "+1 ••• ••• 1234",
		"(647) 555-1234":    "(•••) •••-1234",
		"6475551234":        "••••••1234",
		"+33 6 12 34 56 78": "+33 • •• •• 56 78",
		"+33612345678":      "+33•••••5678",
		"+351 912 345 678":  "+351 ••• ••5 678",
		"+44 20 7946 0958":  "+44 •• •••• 0958",
		"+7 912 345 67 89":  "+7 ••• ••• 67 89",
		"+1 555":            "+1 •••",
		"555-12":            "•••-••",
		"+":                 "•••",
		"call me":           "•••",
		"+١٢٣٤٥٦٧٨٩":        "•••", // digits other than 0–9 are not dialled: hide them all
		"":                  "",
	}
	for in, want := range cases {
		if got := Phone(in); got != want {
			t.Errorf("Phone(%q) = %q, want %q", in, got, want)
		}
	}
}

// Issue 20, item 6: the masked number is grouped as the unmasked one: the same characters, each
// hidden digit a dot.
func TestPhoneMaskKeepsTheGrouping(t *testing.T) {
	for _, n := range []string{"+1 647-555-0123", "+33 6 12 34 56 78", "+44 20 7946 0958"} {
		got := []rune(Phone(n))
		want := []rune(n)
		if len(got) != len(want) {
			t.Fatalf("%q → %q: not the same length", n, string(got))
		}
		for i := range want {
			if got[i] != want[i] && got[i] != '•' {
				t.Fatalf("%q → %q: differs at %d", n, string(got), i)
			}
		}
	}
}

func TestPhoneNeverShowsTheMiddle(t *testing.T) {
	got := Phone("+1 647 555 1234")
	for _, hidden := range []string{"647", "555"} {
		if strings.Contains(got, hidden) {
			t.Fatalf("%q shows %q", got, hidden)
		}
	}
}
