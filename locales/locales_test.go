package locales

import (
	"reflect"
	"strings"
	"testing"
)

func TestBothLanguagesDefineTheSameIDs(t *testing.T) {
	fr, err := IDs(French)
	if err != nil {
		t.Fatal(err)
	}
	en, err := IDs(English)
	if err != nil {
		t.Fatal(err)
	}
	if len(fr) < 50 {
		t.Fatalf("only %d French messages", len(fr))
	}
	if !reflect.DeepEqual(fr, en) {
		t.Fatalf("the locale files differ:\nonly fr: %v\nonly en: %v", minus(fr, en), minus(en, fr))
	}
	for _, id := range fr {
		for _, l := range Langs {
			if !New(l).Has(id) {
				t.Errorf("%s: %s does not resolve", l, id)
			}
		}
	}
}

func minus(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

func TestTranslatesAndFillsTemplates(t *testing.T) {
	got := New(French).T("StepOfTotal", map[string]any{"N": 4, "Total": 9})
	if got != "Étape 4 de 9" {
		t.Fatalf("fr StepOfTotal = %q", got)
	}
	if got := New(English).T("StepOfTotal", map[string]any{"N": 4, "Total": 9}); got != "Step 4 of 9" {
		t.Fatalf("en StepOfTotal = %q", got)
	}
	if got := New(English).T("NoSuchMessage"); got != "NoSuchMessage" {
		t.Fatalf("missing ID = %q, want the ID itself", got)
	}
}

func TestFrenchTypography(t *testing.T) {
	z := New(French)
	ids, _ := IDs(French)
	for _, id := range ids {
		s := z.T(id, map[string]any{})
		for _, bad := range []string{" :", " ;", " !", " ?", "« ", " »", "\""} {
			if strings.Contains(s, bad) {
				t.Errorf("%s: %q has %q: French wants a no-break space before : ; ! ? and inside « »", id, s, bad)
			}
		}
	}
}

func TestFromEnv(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want Lang
		ok   bool
	}{
		{map[string]string{"LANG": "fr_CA.UTF-8"}, French, true},
		{map[string]string{"LANG": "en_CA.UTF-8"}, English, true},
		{map[string]string{"LANG": "fr_FR@euro"}, French, true},
		{map[string]string{"LANG": "fr"}, French, true},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_CA.UTF-8"}, French, true},
		{map[string]string{"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "fr_CA.UTF-8", "LANG": "fr_CA"}, English, true},
		{map[string]string{"LANG": "C.UTF-8"}, "", false},
		{map[string]string{"LC_ALL": "POSIX", "LANG": "fr_CA"}, "", false},
		{map[string]string{"LANG": "de_DE.UTF-8"}, "", false},
		{map[string]string{"LANG": "??"}, "", false},
		{map[string]string{}, "", false},
	}
	for _, c := range cases {
		got, ok := FromEnv(func(k string) string { return c.env[k] })
		if got != c.want || ok != c.ok {
			t.Errorf("FromEnv(%v) = %q, %v; want %q, %v", c.env, got, ok, c.want, c.ok)
		}
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"fr": French, "FR": French, "en": English, " en ": English} {
		if got, ok := ParseLang(in); !ok || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "xx", "de", "fr-FR-x"} {
		if _, ok := ParseLang(in); ok {
			t.Errorf("ParseLang(%q) accepted", in)
		}
	}
}

// One apostrophe per language (issue 11, item 6): the straight one, in both.
func TestOneApostropheStyle(t *testing.T) {
	for _, l := range Langs {
		ids, _ := IDs(l)
		z := New(l)
		for _, id := range ids {
			if s := z.T(id, map[string]any{}); strings.ContainsRune(s, '’') {
				t.Errorf("%s %s: %q uses ’ where the file uses '", l, id, s)
			}
		}
	}
}

// The seed's French terms (issue 11, item 6): « authentification multifacteur », one name for
// presenter mode, a space before the unit, French key names.
func TestFrenchTerms(t *testing.T) {
	z := New(French)
	ids, _ := IDs(French)
	for _, id := range ids {
		s := z.T(id, map[string]any{})
		// "5s" as a value to type (--timeout 5s) stays as Go writes it; as prose it is « 5 s ».
		for _, bad := range []string{"multifactoriel", "Mode présentation", "mode présentation", "(5s", "sur Esc", "sur Enter"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s: %q contains %q", id, s, bad)
			}
		}
	}
	if !strings.Contains(z.T("FlagTimeout"), "5\u00a0s") && !strings.Contains(z.T("FlagTimeout"), "5 s") {
		t.Errorf("FlagTimeout = %q, want « 5 s »", z.T("FlagTimeout"))
	}
	if z.T("KeyNameEnter") != "Entrée" || z.T("KeyNameEsc") != "Échap" {
		t.Error("French key names")
	}
}
