package locales

import (
	"strings"

	"golang.org/x/text/language"
)

var matcher = language.NewMatcher([]language.Tag{language.French, language.English})

// FromEnv picks the language from the POSIX locale variables, read in the order the C library
// reads them (LC_ALL, then LC_MESSAGES, then LANG). getenv is os.Getenv in the program and a map
// in tests. It reports false when no variable names French or English, so the caller can ask.
func FromEnv(getenv func(string) string) (Lang, bool) {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		// The first variable that is set decides, as in the C library, even when it says "C".
		return fromPOSIX(v)
	}
	return "", false
}

// fromPOSIX reads a value such as "fr_CA.UTF-8" or "en_US@euro"; language.Parse rejects the
// codeset and modifier parts, and "C" or "POSIX" name no language at all.
func fromPOSIX(v string) (Lang, bool) {
	if i := strings.IndexAny(v, ".@"); i >= 0 {
		v = v[:i]
	}
	if v == "" || v == "C" || v == "POSIX" {
		return "", false
	}
	tag, err := language.Parse(strings.ReplaceAll(v, "_", "-"))
	if err != nil {
		return "", false
	}
	_, idx, conf := matcher.Match(tag)
	if conf == language.No {
		return "", false
	}
	if idx == 0 {
		return French, true
	}
	return English, true
}
