package endpoints

import "strings"

// Password stand-in: what is printed where a password was.
const hidden = "***"

// RedactValue is a proxy value as typed, with the password (or the whole user info when it
// has no ":") replaced, whether or not it parses as a URL. Passwords with an unencoded "#",
// "/" or "@" are the usual reason a proxy URL does not parse, so the user info is taken to run
// from the scheme to the last "@" of the value, which covers every character a password can
// hold.
func RedactValue(s string) string {
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return s
	}
	start := 0
	if i := strings.Index(s, "://"); i >= 0 && i < at {
		start = i + 3
	}
	user := s[start:at]
	if c := strings.IndexByte(user, ':'); c >= 0 {
		return s[:start] + user[:c] + ":" + hidden + s[at:]
	}
	return s[:start] + hidden + s[at:]
}
