package endpoints_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// FuzzLoadFile reads fuzzed lists through --endpoints' reader: never a panic, a file over the
// limit is refused as such, and no input makes the decoder allocate without bound.
func FuzzLoadFile(f *testing.F) {
	f.Add([]byte("[[group]]\nid = \"a\"\n[[group.endpoint]]\nurl = \"https://a.example\"\nallow = \"*.example\"\n"), 0)
	f.Add([]byte("a = {a = {a = {a = 1}}}\n"), 0)
	f.Add([]byte("[a.a.a.a]\n"), 0)
	f.Add([]byte("x = '''\n[[[[\n'''\ny = \"\\\"{{\"\n"), 0)
	f.Add([]byte("#"), endpoints.MaxFileBytes)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text []byte, pad int) {
		// pad grows the file past the limit now and then, without fuzzing megabytes.
		if pad < 0 || pad > endpoints.MaxFileBytes {
			pad = 0
		}
		raw := append(text, make([]byte, pad)...)
		p := filepath.Join(dir, "list.toml")
		if err := os.WriteFile(p, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		var err error
		alloc := allocated(func() { _, err = endpoints.LoadFile(p) })
		var fe *endpoints.FileError
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("error of type %T: %v", err, err)
		}
		if len(raw) > endpoints.MaxFileBytes && (fe == nil || fe.Problem != endpoints.ProblemTooLarge) {
			t.Fatalf("%d bytes read: %v", len(raw), err)
		}
		if alloc > 256<<20 {
			t.Fatalf("%d MB allocated for %d bytes", alloc>>20, len(raw))
		}
	})
}

// allocated runs f and returns the bytes allocated meanwhile.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
