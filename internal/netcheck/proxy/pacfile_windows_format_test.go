package proxy_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

// utf16File writes text as Windows PowerShell 5.1's ">" does: UTF-16 LE after a BOM.
func utf16File(t *testing.T, name, text string) string {
	t.Helper()
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(text)) {
		b = append(b, byte(u), byte(u>>8))
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// fileURL is the file: URL of the local file p as the system writes it: file:///C:/… on
// Windows (RFC 8089 §E.2), file:///tmp/… elsewhere.
func fileURL(p string) string {
	return (&url.URL{Scheme: "file", Path: "/" + strings.TrimPrefix(filepath.ToSlash(p), "/")}).String()
}

// Issue 22 item 7: a PAC script saved by PowerShell 5.1 (UTF-16 with a BOM, or UTF-8 with
// one) is read as text, and found from its file: URL as the system writes it (on Windows
// file:///C:/…, which this test checks under wine).
func TestPACFileFromWindows(t *testing.T) {
	const pac = "function FindProxyForURL(url, host) { return \"PROXY é.example:3128\"; }\n"
	for _, loc := range []string{utf16File(t, "proxy.pac", pac), fileURL(utf16File(t, "proxy.pac", pac))} {
		src, err := proxy.ReadPAC(context.Background(), loc, 5*time.Second)
		if err != nil || string(src) != pac {
			t.Errorf("%s: %q, %v", loc, src, err)
		}
	}
	bom := filepath.Join(t.TempDir(), "bom.pac")
	os.WriteFile(bom, append([]byte{0xef, 0xbb, 0xbf}, pac...), 0o600)
	if src, err := proxy.ReadPAC(context.Background(), fileURL(bom), 5*time.Second); err != nil || string(src) != pac {
		t.Errorf("UTF-8 BOM: %q, %v", src, err)
	}
}
