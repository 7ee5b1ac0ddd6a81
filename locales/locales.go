// Package locales holds the French and English message files and the code that picks and
// reads them. Every user-facing string of the program comes from here.
package locales

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed active.fr.toml active.en.toml
var files embed.FS

// Lang is one of the two languages the program speaks.
type Lang string

const (
	French  Lang = "fr"
	English Lang = "en"
)

// Langs lists the supported languages in the order they are offered.
var Langs = []Lang{French, English}

// ParseLang accepts the values of --lang.
func ParseLang(s string) (Lang, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "fr", "french", "français", "francais":
		return French, true
	case "en", "english", "anglais":
		return English, true
	}
	// A BCP 47 tag of either language (fr-CA, en-GB, fr_CA): its base language decides.
	if t, err := language.Parse(strings.TrimSpace(s)); err == nil {
		switch base, conf := t.Base(); {
		case conf != language.Exact: // "und" guesses English: not a choice the person made
		case base.String() == "fr":
			return French, true
		case base.String() == "en":
			return English, true
		}
	}
	return "", false
}

// Other is the language the `l` key switches to.
func (l Lang) Other() Lang {
	if l == French {
		return English
	}
	return French
}

// bundles hold one language each, read on first use: parsing both files at start-up cost every
// run of the program, --version included, about 5 ms.
var bundles = map[Lang]func() *i18n.Bundle{
	French:  sync.OnceValue(func() *i18n.Bundle { return mustBundle(French) }),
	English: sync.OnceValue(func() *i18n.Bundle { return mustBundle(English) }),
}

func mustBundle(lang Lang) *i18n.Bundle {
	b := i18n.NewBundle(language.Make(string(lang)))
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	name := "active." + string(lang) + ".toml"
	if _, err := b.LoadMessageFileFS(files, name); err != nil {
		// The files are embedded at build time; a broken one is a build defect the tests catch.
		panic(fmt.Sprintf("locales: %s: %v", name, err))
	}
	return b
}

// Localizer turns message IDs into text in one language.
type Localizer struct {
	lang Lang
	l    *i18n.Localizer
}

// New returns the localizer for lang.
func New(lang Lang) *Localizer {
	load, ok := bundles[lang]
	if !ok {
		lang, load = English, bundles[English]
	}
	return &Localizer{lang: lang, l: i18n.NewLocalizer(load(), string(lang))}
}

// Lang is the language this localizer speaks.
func (z *Localizer) Lang() Lang { return z.lang }

// T returns the message id, filled with data (a map or struct) when given. A missing ID returns
// the ID itself so a defect shows on screen instead of crashing the client's terminal; the
// completeness test keeps that from shipping.
func (z *Localizer) T(id string, data ...any) string {
	cfg := &i18n.LocalizeConfig{MessageID: id}
	if len(data) > 0 {
		cfg.TemplateData = data[0]
	}
	s, err := z.l.Localize(cfg)
	if err != nil || s == "" {
		return id
	}
	return s
}

// Has reports whether id is defined in this language.
func (z *Localizer) Has(id string) bool {
	_, tag, err := z.l.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id})
	return err == nil && tag == language.Make(string(z.lang))
}

// IDs lists the message IDs defined in the file of lang, sorted.
func IDs(lang Lang) ([]string, error) {
	raw, err := files.ReadFile("active." + string(lang) + ".toml")
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := toml.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids, nil
}
