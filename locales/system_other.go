//go:build !windows

package locales

// FromSystem reports false outside Windows: there the locale variables (FromEnv) say it all.
func FromSystem() (Lang, bool) { return "", false }
