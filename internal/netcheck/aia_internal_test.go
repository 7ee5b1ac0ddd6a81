package netcheck

import (
	"encoding/pem"
	"testing"
)

// The body of an AIA address, as served: DER, several DER certificates, or PEM. Whatever it
// holds, parsing returns certificates or an error, never a panic.
func FuzzParseCertificates(f *testing.F) {
	f.Add([]byte{0x30, 0x82, 0x01, 0x00})
	f.Add(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte{0x30, 0x03, 0x02, 0x01, 0x01}}))
	f.Add([]byte("<html>portal</html>"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		certs, err := parseCertificates(raw)
		if err == nil && len(certs) == 0 {
			t.Fatal("no error and no certificate")
		}
	})
}

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
