package totp

import "strings"

// CodeLen is the number of digits of a code (Microsoft Authenticator shows 6).
const CodeLen = 6

// maxTyped bounds what ParseCode looks at: six digits with a few spaces, never a whole paste.
const maxTyped = 32

// ParseCode reads a code the person typed. It accepts exactly six ASCII digits; spaces are
// ignored wherever they are, because the app shows the code as "123 456" and people copy the
// gap, and white space around it (a pasted newline) is trimmed. Anything else — other digits
// (Arabic-Indic, full width), letters, dashes, five or seven digits — is Malformed: the field
// says so at once instead of counting it as a wrong code.
func ParseCode(typed string) (string, bool) {
	if len(typed) > maxTyped {
		return "", false
	}
	s := strings.ReplaceAll(strings.TrimSpace(typed), " ", "")
	if len(s) != CodeLen {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	return s, true
}
