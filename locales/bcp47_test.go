package locales

import "testing"

// --lang takes a BCP 47 tag of either language, as LANG's value would give it.
func TestParseLangTakesLanguageTags(t *testing.T) {
	for in, want := range map[string]Lang{"fr-CA": French, "fr-ca": French, "fr_CA": French, "fr-FR": French,
		"en-CA": English, "en-GB": English, "en-Latn-US": English} {
		if got, ok := ParseLang(in); !ok || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"de-CA", "es", "fr-", "-fr", "und", "fr CA"} {
		if got, ok := ParseLang(in); ok {
			t.Errorf("ParseLang(%q) accepted as %q", in, got)
		}
	}
}
