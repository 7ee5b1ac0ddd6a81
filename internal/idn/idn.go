// Package idn converts internationalised host names between their Unicode and ASCII (xn--)
// forms and decides which form a person is shown. Browsers show a Unicode name only where it
// cannot pass for another: Chromium's IDN display policy (docs/idn.md in its sources, after
// Unicode's UTS #39 "Highly Restrictive" profile) shows a label in punycode when it mixes
// scripts outside a few East Asian combinations, uses a script not recommended for
// identifiers, or is written wholly in Cyrillic or Greek letters that look like Latin ones
// (раураl.com, all Cyrillic) under a top-level domain that is not one of those alphabets'.
// This package follows those rules, so an address or an --endpoints host that imitates
// another is shown as what the DNS will look up.
package idn

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// ErrInvalid is a host name that is not a valid international domain name.
var ErrInvalid = errors.New("not a valid international domain name")

// profile maps and checks as a browser's address bar does (UTS #46 non-transitional, the
// bidi and joiner rules, STD3 letters, digits and hyphens) and checks DNS lengths.
var profile = idna.New(idna.MapForLookup(), idna.BidiRule(), idna.Transitional(false),
	idna.VerifyDNSLength(true))

// ASCII is host in ASCII, lower case, each international label in its xn-- form. An ASCII
// host is only lowered (the caller checks its letters), unless it has an xn-- label, which
// must decode.
func ASCII(host string) (string, error) {
	// The ACE prefix in any case ("Xn--", "XN--"): such a label is punycode to check, not a
	// plain name to pass through.
	if isASCII(host) && !strings.Contains(strings.ToLower(host), "xn--") {
		return strings.ToLower(host), nil
	}
	if !utf8.ValidString(host) {
		return "", ErrInvalid // the mapping would make U+FFFD of it, a name nobody typed
	}
	a, err := profile.ToASCII(host)
	if err != nil || a == "" {
		return "", ErrInvalid
	}
	// What is given back must itself be valid: an xn-- label is checked only when decoded.
	if _, err := profile.ToUnicode(a); err != nil {
		return "", ErrInvalid
	}
	return strings.ToLower(a), nil
}

// Unicode is host with each xn-- label decoded, whatever it looks like; "" when it does not
// decode. Display decides whether a person may be shown it.
func Unicode(host string) string {
	a, err := ASCII(host)
	if err != nil {
		return ""
	}
	u, err := idna.Display.ToUnicode(a)
	if err != nil {
		return ""
	}
	return u
}

// Display is host as a person is shown it: each label in Unicode where the display policy
// allows it, in its xn-- form otherwise. An invalid name is returned unchanged (the caller
// has refused it or shows it as text from outside).
func Display(host string) string {
	a, err := ASCII(host)
	if err != nil {
		return host
	}
	if !strings.Contains(a, "xn--") {
		return a
	}
	labels := strings.Split(a, ".")
	tld := ""
	if len(labels) > 0 {
		tld, _ = idna.Display.ToUnicode(labels[len(labels)-1])
	}
	for i, l := range labels {
		if !strings.HasPrefix(l, "xn--") {
			continue
		}
		u, err := idna.Display.ToUnicode(l)
		if err == nil && u != "" && SafeLabel(u, tld) {
			labels[i] = u
		}
	}
	return strings.Join(labels, ".")
}

// Disguised reports whether host has a label Display keeps in its xn-- form: a name that may
// imitate another, to point out to the person.
func Disguised(host string) bool {
	a, err := ASCII(host)
	if err != nil {
		return false
	}
	return Display(a) != Unicode(a)
}

// recommended are the scripts UAX #31 (Table 4) recommends for identifiers, with Common and
// Inherited (digits, hyphen, combining marks), which go with any of them.
var recommended = []string{"Common", "Inherited", "Latin", "Arabic", "Armenian", "Bengali", "Bopomofo",
	"Cyrillic", "Devanagari", "Ethiopic", "Georgian", "Greek", "Gujarati", "Gurmukhi", "Han", "Hangul",
	"Hebrew", "Hiragana", "Kannada", "Katakana", "Khmer", "Lao", "Malayalam", "Myanmar", "Oriya",
	"Sinhala", "Tamil", "Telugu", "Thaana", "Thai", "Tibetan"}

// combinations are the sets of scripts UTS #39's Highly Restrictive profile lets one label
// mix: Latin with the scripts Chinese, Japanese and Korean are written in.
var combinations = [][]string{
	{"Latin", "Han", "Hiragana", "Katakana"},
	{"Latin", "Han", "Bopomofo"},
	{"Latin", "Han", "Hangul"},
}

// lookalikes are the letters of a script that look like Latin ones, after Chromium's
// idn_spoof_checker.cc, and the top-level domains where a label wholly of them is that
// language's own (under .ru, "рау" is a Russian word, not a disguised "pay").
var lookalikes = map[string]struct {
	letters string
	tlds    []string
}{
	"Cyrillic": {"асԁеһіјӏорԗԛѕԝхуъьҽпгѵѡ", []string{"bg", "by", "kz", "pyc", "ru", "su", "ua", "uz",
		"рф", "срб", "укр", "бел", "қаз", "мкд", "мон", "бг", "рус", "москва", "дети", "сайт", "онлайн", "орг", "ком"}},
	"Greek": {"αικνορτυχωϲ", []string{"gr", "ελ", "cy", "ευ"}},
}

// SafeLabel reports whether the Unicode label u may be shown as it is under the top-level
// domain tld (in Unicode).
func SafeLabel(u, tld string) bool {
	scripts := map[string]bool{}
	for _, r := range u {
		s := scriptOf(r)
		switch s {
		case "":
			return false // a script not recommended for identifiers (Cherokee, Runic, …)
		case "Common", "Inherited":
			continue
		}
		scripts[s] = true
	}
	if len(scripts) > 1 && !allowedMix(scripts) {
		return false
	}
	for s := range scripts {
		if look, ok := lookalikes[s]; ok && len(scripts) == 1 && allOf(u, s, look.letters) {
			for _, t := range look.tlds {
				if tld == t {
					return true
				}
			}
			return false
		}
	}
	return true
}

func allowedMix(scripts map[string]bool) bool {
next:
	for _, c := range combinations {
		for s := range scripts {
			if !contains(c, s) {
				continue next
			}
		}
		return true
	}
	return false
}

// allOf reports whether every letter of u in script is one of letters.
func allOf(u, script, letters string) bool {
	for _, r := range u {
		if scriptOf(r) == script && !strings.ContainsRune(letters, r) {
			return false
		}
	}
	return true
}

// scriptOf is the recommended script of r, "" for any other.
func scriptOf(r rune) string {
	for _, s := range recommended {
		if unicode.Is(unicode.Scripts[s], r) {
			return s
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
