package progress

import (
	"errors"
	"os"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the loader: it must never panic, and must either refuse
// them with one of its three messages or return a state that is valid and encodes back to itself.
// Seeds live in testdata/fuzz/FuzzLoad; run longer with go test -fuzz FuzzLoad ./progress.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(`{"version":1,"screen":"step5","lang":"fr","email":"jane@firm.ca","mfa":"phone","code_sent":"2026-11-24T09:55:00Z"}`))
	f.Add([]byte(`{"version":1,"screen":"step3","lang":"en","sign_in":"unsure"}`))
	f.Add([]byte(`{"version":2}`))
	f.Add([]byte(`{`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := Store{Dir: t.TempDir()}
		if err := os.WriteFile(s.Path(), data, 0o600); err != nil {
			t.Fatal(err)
		}
		st, found, err := s.Load()
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || (e.ID != IDCorrupt && e.ID != IDFuture) || found {
				t.Fatalf("Load(%q) = %v, found=%v", data, err, found)
			}
			return
		}
		if !found {
			t.Fatal("an existing file was not found")
		}
		if err := st.validate(); err != nil {
			t.Fatalf("loaded an invalid state %+v", st)
		}
		// What Save would write for it reads back as the same state. (Encoded in memory: a
		// Save per input would spend the fuzzing time in fsync.)
		raw, err := encode(st)
		if err != nil {
			t.Fatalf("a loaded state does not encode: %+v: %v", st, err)
		}
		again, err := decode(raw)
		if err != nil || !again.CodeSent.Equal(st.CodeSent) {
			t.Fatalf("round trip: %+v, %v", again, err)
		}
		again.CodeSent = st.CodeSent
		if again != st {
			t.Fatalf("round trip changed %+v into %+v", st, again)
		}
	})
}
