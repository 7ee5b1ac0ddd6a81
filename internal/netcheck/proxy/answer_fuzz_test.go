package proxy_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

// Whatever a PAC script answers, an answer refused (a proxy with user info, garbage) is quoted
// without the password it held and within bounds.
func FuzzPACAnswerRefusal(f *testing.F) {
	f.Add("PROXY alice:", "s3cret-pw", "@host:3128")
	f.Add("PROXY a:1; PROXY u:", "pw1234", "@[fd00::1]:3128; DIRECT")
	f.Fuzz(func(t *testing.T, before, pw, after string) {
		answer := before + pw + after
		_, perr := proxy.ParsePACResult(answer)
		if perr == nil || !utf8.ValidString(answer) {
			return
		}
		msg := proxy.AnswerError(perr, answer).Error()
		if !errors.Is(proxy.AnswerError(perr, answer), proxy.ErrPACResult) || len(msg) > 1500 {
			t.Fatalf("%q: %q", answer, msg)
		}
		// A password as user info: the word it is in starts after a space or ";", has ":" then
		// the password then "@".
		word := before[strings.LastIndexAny(before, " \t;")+1:]
		if len(pw) < 4 || !strings.HasSuffix(word, ":") || strings.Count(word, ":") != 1 || !strings.HasPrefix(after, "@") ||
			strings.ContainsAny(pw, "@:/?# \t\r\n;,\"'<>(){}|`\\") || strings.Contains(before+after, pw) || strings.Contains(word, "://") {
			return
		}
		if strings.Contains(msg, pw) {
			t.Fatalf("%q: %q shows the password", answer, msg)
		}
	})
}
