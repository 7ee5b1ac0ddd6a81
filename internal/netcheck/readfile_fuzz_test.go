package netcheck_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
)

// FuzzLoadFile reads fuzzed lists through --endpoints' reader: never a panic, a file over the
// limit is refused as such, and no input makes the decoder allocate without bound.
func FuzzLoadFile(f *testing.F) {
	f.Add([]byte("[[group]]\nid = \"a\"\n[[group.endpoint]]\nurl = \"https://a.example\"\nallow = \"*.example\"\n"), 0)
	f.Add([]byte("a = {a = {a = {a = 1}}}\n"), 0)
	f.Add([]byte("[a.a.a.a]\n"), 0)
	f.Add([]byte("x = '''\n[[[[\n'''\ny = \"\\\"{{\"\n"), 0)
	f.Add([]byte("#"), netcheck.MaxFileBytes)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text []byte, pad int) {
		// pad grows the file past the limit now and then, without fuzzing megabytes.
		if pad < 0 || pad > netcheck.MaxFileBytes {
			pad = 0
		}
		raw := append(text, make([]byte, pad)...)
		p := filepath.Join(dir, "list.toml")
		if err := os.WriteFile(p, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		var err error
		alloc := allocated(func() { _, err = netcheck.LoadFile(p) })
		var fe *netcheck.FileError
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("error of type %T: %v", err, err)
		}
		if len(raw) > netcheck.MaxFileBytes && (fe == nil || fe.Problem != netcheck.ProblemTooLarge) {
			t.Fatalf("%d bytes read: %v", len(raw), err)
		}
		if alloc > 256<<20 {
			t.Fatalf("%d MB allocated for %d bytes", alloc>>20, len(raw))
		}
	})
}
