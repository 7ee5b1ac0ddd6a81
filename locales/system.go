package locales

import "golang.org/x/text/language"

// fromDisplayLanguages reads the system's display languages, most preferred first, as BCP 47
// names ("fr-CA", "en-US"). Only French decides: a client whose Windows speaks any French gets
// French; any other language (English included: many French-speaking clients use an English
// Windows at work) leaves the choice to the chooser.
func fromDisplayLanguages(tags []string) (Lang, bool) {
	if len(tags) == 0 {
		return "", false
	}
	tag, err := language.Parse(tags[0])
	if err != nil {
		return "", false
	}
	if base, _ := tag.Base(); base.String() == "fr" {
		return French, true
	}
	return "", false
}
