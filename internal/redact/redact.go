// Package redact is the one pass every value from outside goes through before it reaches a
// screen, a file or --json: passwords masked wherever they appear, and lengths bounded. Values
// from outside are a PAC script's answer, a server's redirect, a proxy's headers, an error
// message quoting any of them: a network that wants a password printed can put it in any.
package redact

import (
	"strings"
	"unicode/utf8"
)

// Hidden stands where a password was.
const Hidden = "***"

// MaxValue is the default bound of one value: a URL, a reason, a header.
const MaxValue = 300

// Text is s with every password masked and at most max bytes long (cut on a character
// boundary, "…" added). Passwords are the user info after ":" in a URL ("http://alice:s3cret@
// host" → "http://alice:***@host") and in a bare "user:password@host" word (a PAC answer
// "PROXY alice:s3cret@host:3128"); a user name alone is kept (IT needs it, it is no secret).
// The user info is taken to run to the last "@" of its word, as a password with an unencoded
// "@", "/" or "#" is the usual reason a URL does not parse.
func Text(s string, max int) string {
	if strings.IndexByte(s, '@') >= 0 {
		s = mask(s)
	}
	return Clip(s, max)
}

// Clip cuts s to at most max bytes on a character boundary, "…" marking the cut.
func Clip(s string, max int) string {
	if max <= 0 || len(s) <= max {
		return s
	}
	n := max
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// wordEnd are the characters that end a word holding a URL or a "user:password@host".
func wordEnd(c byte) bool {
	return strings.IndexByte(" \t\r\n;,\"'<>(){}|`\\", c) >= 0
}

func mask(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if wordEnd(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && !wordEnd(s[j]) {
			j++
		}
		b.WriteString(maskWord(s[i:j]))
		i = j
	}
	return b.String()
}

// maskWord masks the password of one word: "scheme://user:pw@host…" or "user:pw@host…".
func maskWord(w string) string {
	start, end := 0, len(w)
	if i := strings.Index(w, "://"); i >= 0 {
		// A URL: its user info is in its authority, which ends at the path, query or fragment
		// ("https://host/a?b=c:d@e" has none).
		start = i + 3
		if k := strings.IndexAny(w[start:], "/?#"); k >= 0 {
			end = start + k
		}
	}
	at := strings.LastIndexByte(w[:end], '@')
	if at < start {
		return w
	}
	user := w[start:at]
	c := strings.IndexByte(user, ':')
	if c < 0 {
		// "user@host" keeps its user name; but "user%3Apw" is a password too.
		if k := strings.Index(strings.ToLower(user), "%3a"); k >= 0 {
			return w[:start] + user[:k] + ":" + Hidden + w[at:]
		}
		return w
	}
	return w[:start] + user[:c] + ":" + Hidden + w[at:]
}
