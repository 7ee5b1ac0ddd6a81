package mask

import "strings"

// shownDigits is how many trailing digits a masked number keeps: enough for the client to
// recognize their number, too few to call it.
const shownDigits = 4

// minNationalForTail is the shortest national number whose last digits may show; for shorter
// ones four digits would be most of the number.
const minNationalForTail = 7

// Phone masks a phone number: "+1 647-555-1234" → "+1 •••-•••-1234". It keeps the country code
// (when the number is international), the separators as written, so the masked number is
// grouped as the number shown unmasked is (issue 20, item 6), and the last four digits; every
// other digit is a dot. A number too short for its last digits to be safe to show is all dots.
// Text without digits is hidden.
func Phone(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	cc, national := split(s)
	if national == "" && cc == "" {
		return Dots
	}
	rest := s
	if cc != "" {
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, "+"), "00")
		for skipped := 0; skipped < len(cc) && rest != ""; rest = rest[1:] {
			if rest[0] >= '0' && rest[0] <= '9' {
				skipped++
			}
		}
	}
	var b strings.Builder
	if cc != "" {
		b.WriteString("+" + cc)
	}
	shown := len(national) - shownDigits // digits from this index on show
	if len(national) < minNationalForTail {
		shown = len(national)
	}
	i := 0
	for _, r := range rest {
		switch {
		case r >= '0' && r <= '9':
			if i >= shown {
				b.WriteRune(r)
			} else {
				b.WriteString("•")
			}
			i++
		case strings.ContainsRune(" -().", r):
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// split separates the country code from the national number. A number written in groups
// ("+33 6 12 34 56 78") has its code as the first group; one written in a single run
// ("+33612345678") is read with the ITU plan, where codes are prefix-free.
func split(s string) (cc, national string) {
	intl := strings.HasPrefix(s, "+") || strings.HasPrefix(s, "00")
	s = strings.TrimPrefix(s, "00")
	s = strings.TrimPrefix(s, "+")
	groups := strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	digits := strings.Join(groups, "")
	if !intl || digits == "" {
		return "", digits
	}
	if len(groups) > 1 && len(groups[0]) <= 3 && len(digits) > len(groups[0]) {
		return groups[0], digits[len(groups[0]):]
	}
	n := codeLen(digits)
	if n >= len(digits) {
		return "", digits
	}
	return digits[:n], digits[n:]
}

// codeLen is the length of the country code that starts digits: 1 for zones 1 (North America)
// and 7, 2 for the codes below, 3 for every other.
func codeLen(digits string) int {
	switch digits[0] {
	case '1', '7':
		return 1
	}
	if len(digits) >= 2 && twoDigitCodes[digits[:2]] {
		return 2
	}
	return 3
}

var twoDigitCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(`20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49
		51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98`) {
		m[c] = true
	}
	return m
}()
