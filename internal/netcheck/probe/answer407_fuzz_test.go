package probe

import (
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

// A proxy's 407 read leniently (its head refused by Go's parser): whatever the bytes, no
// panic; what comes out is a 407 whose Proxy-Authenticate values are single lines, and the
// schemes read from them are tokens, once each.
func FuzzLenient407(f *testing.F) {
	f.Add([]byte("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"a\x01b\"\r\nProxy-Authenticate: NTLM\r\n\r\n"))
	f.Add([]byte("HTTP/1.0 407 x\nProxy-Authenticate: Negotiate, NTLM\n\n"))
	f.Add([]byte("HTTP/1.1 200 OK\r\n\r\n"))
	f.Fuzz(func(t *testing.T, head []byte) {
		resp := lenient407(head)
		if resp == nil {
			return
		}
		if resp.StatusCode != 407 || !resp.Close || !strings.HasPrefix(string(head), "HTTP/1.") {
			t.Fatalf("%q: %d, close %v", head, resp.StatusCode, resp.Close)
		}
		values := resp.Header.Values("Proxy-Authenticate")
		for _, v := range values {
			if strings.ContainsAny(v, "\r\n") {
				t.Fatalf("%q: value %q", head, v)
			}
		}
		seen := map[string]bool{}
		for _, s := range proxy.AuthSchemes(values) {
			k := strings.ToLower(s)
			if s == "" || strings.ContainsAny(s, " ,=\"\x00\x01\x7f") || seen[k] {
				t.Fatalf("%q: scheme %q in %q", head, s, values)
			}
			seen[k] = true
		}
	})
}
