package locales

import "golang.org/x/sys/windows"

// FromSystem is the language of the Windows user's display (GetUserPreferredUILanguages, the
// list Settings › Time & language › Language sets, most preferred first), for Windows, which
// has no LANG. It reports false unless that language is French.
func FromSystem() (Lang, bool) {
	tags, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil {
		return "", false
	}
	return fromDisplayLanguages(tags)
}
