package probe

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
