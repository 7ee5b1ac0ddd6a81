package endpoints

import "testing"

// An address of the list or the command line, tcp:// included: accepted, it is an http(s)
// URL with a host, or a tcp:// address with a port and nothing else, and reads back the same.
func FuzzParseURLSchemes(f *testing.F) {
	for _, s := range []string{"https://a.example", "http://b.example:8080/x", "tcp://push.example:5223",
		"tcp://push.example", "tcp://x:1/p", "c.example/health", "gopher://x", "tcp://[::1]:5228"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := ParseURL(raw)
		if err != nil {
			return
		}
		if u.Hostname() == "" {
			t.Fatalf("%q: no host", raw)
		}
		switch u.Scheme {
		case "http", "https":
		case "tcp":
			if u.Port() == "" || u.Path != "" || u.RawQuery != "" {
				t.Fatalf("%q: tcp address %q with more than host and port", raw, u)
			}
		default:
			t.Fatalf("%q: scheme %q", raw, u.Scheme)
		}
		again, err := ParseURL(u.String())
		if err != nil || again.String() != u.String() {
			t.Fatalf("%q: %q reads back as %v, %v", raw, u, again, err)
		}
	})
}
