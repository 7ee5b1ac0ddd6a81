package endpoints_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// Issue 22 item 7: an --endpoints list saved by PowerShell 5.1's ">" (UTF-16 LE after a BOM)
// is read as the text it is.
func TestListFileInUTF16(t *testing.T) {
	list := "[[group]]\nid = \"a\"\n[[group.endpoint]]\nurl = \"https://login.microsoftonline.com/\"\n"
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(list)) {
		b = append(b, byte(u), byte(u>>8))
	}
	p := filepath.Join(t.TempDir(), "list.toml")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	eps, err := endpoints.LoadFile(p)
	if err != nil || len(eps) != 1 || eps[0].Host != "login.microsoftonline.com" {
		t.Errorf("UTF-16 list: %+v, %v", eps, err)
	}
}
