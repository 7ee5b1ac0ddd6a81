package redact

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		`the PAC script's answer has no usable entry: "PROXY alice:s3cret@host:3128"`: `the PAC script's answer has no usable entry: "PROXY alice:***@host:3128"`,
		"http://alice:s3cret@example.test/next":                                       "http://alice:***@example.test/next",
		"https://alice:p@ss@example.test/":                                            "https://alice:***@example.test/",
		"PROXY a:b@p1:1; PROXY c:d@p2:2":                                              "PROXY a:***@p1:1; PROXY c:***@p2:2",
		"Get \"http://u:pw@h/\": EOF":                                                 "Get \"http://u:***@h/\": EOF",
		"CORP%5Cjdoe%3As3cret@proxy:3128":                                             "CORP%5Cjdoe:***@proxy:3128",
		"jane@firm.ca":                                                                "jane@firm.ca",
		"https://login.example/a?next=b:c@d":                                          "https://login.example/a?next=b:c@d",
		"http://jdoe@proxy.test:3128":                                                 "http://jdoe@proxy.test:3128",
		"no secret here":                                                              "no secret here",
		"http://[fd00::1]:3128 and u:v@[fd00::2]:3128":                                "http://[fd00::1]:3128 and u:***@[fd00::2]:3128",
	} {
		if got := Text(in, 1000); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Text(strings.Repeat("é", 400), 301); got != strings.Repeat("é", 150)+"…" {
		t.Errorf("cut %q", got)
	}
}

// Whatever surrounds it, a password written as user info never comes out.
func FuzzText(f *testing.F) {
	f.Add("x", "PROXY ", "@host:3128")
	f.Add("s3cret", "http://alice:", "@h/")
	f.Fuzz(func(t *testing.T, pw, before, after string) {
		if len(pw) < 4 || strings.ContainsAny(pw, "@:/?# \t\r\n;,\"'<>(){}|`\\") || strings.Contains(before+after, pw) ||
			strings.ContainsAny(before, "@/?#") {
			return
		}
		if !strings.HasSuffix(before, ":") || !strings.HasPrefix(after, "@") {
			return
		}
		got := Text(before+pw+after, 1<<20)
		if strings.Contains(got, pw) {
			t.Errorf("Text(%q) = %q keeps the password", before+pw+after, got)
		}
	})
}

func TestList(t *testing.T) {
	items := make([]string, 9000)
	for i := range items {
		items[i] = "Scheme" + strings.Repeat("x", i%7)
	}
	kept, more := List(items, 6)
	if len(kept) != 6 || more != 8994 {
		t.Errorf("%d kept, %d more", len(kept), more)
	}
}
