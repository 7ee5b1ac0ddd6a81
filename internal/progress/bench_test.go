package progress

import "testing"

// BenchmarkSave is the cost of saving after a step (write, fsync, rename, directory fsync): the
// TUI saves synchronously, so this is added to the key press that changes the step.
func BenchmarkSave(b *testing.B) {
	s := Store{Dir: b.TempDir()}
	st := sample()
	for b.Loop() {
		if err := s.Save(st); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	s := Store{Dir: b.TempDir()}
	s.Save(sample())
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := s.Load(); err != nil {
			b.Fatal(err)
		}
	}
}
