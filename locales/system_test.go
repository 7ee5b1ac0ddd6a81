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
