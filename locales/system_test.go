package locales

import "testing"

func TestFromDisplayLanguages(t *testing.T) {
	cases := []struct {
		tags []string
		want Lang
		ok   bool
	}{
		{[]string{"fr-CA"}, French, true},
		{[]string{"fr-FR", "en-US"}, French, true},
		{[]string{"fr-BE"}, French, true},
		{[]string{"fr"}, French, true},
		{[]string{"en-US", "fr-CA"}, "", false}, // the display language is the first
		{[]string{"en-CA"}, "", false},
		{[]string{"es-MX"}, "", false},
		{nil, "", false},
		{[]string{"not a tag!"}, "", false},
	}
	for _, c := range cases {
		got, ok := fromDisplayLanguages(c.tags)
		if got != c.want || ok != c.ok {
			t.Errorf("%q: %q %v, want %q %v", c.tags, got, ok, c.want, c.ok)
		}
	}
}

func FuzzFromDisplayLanguages(f *testing.F) {
	for _, s := range []string{"fr-CA", "en-US", "", "x-klingon", "fr-Latn-CA-u-ca-gregory"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, ok := fromDisplayLanguages([]string{s})
		if ok != (l == French) || (l != "" && l != French) {
			t.Fatalf("%q: %q %v", s, l, ok)
		}
	})
}
