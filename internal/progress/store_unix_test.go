//go:build unix

package progress

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Unix permissions only: Windows keeps the file private through the profile folder's ACL.
func TestPermissions(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "cfg", "auvenir-onboard")
	s := Store{Dir: dir}
	if err := s.Save(sample()); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, s.Path(): 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", path, got, want)
		}
	}
	// A directory left open by an older program is closed again.
	os.Chmod(dir, 0o755)
	if err := s.Save(sample()); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %o after save", info.Mode().Perm())
	}
}

func TestUnreadable(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	os.Mkdir(s.Path(), 0o700)
	if e := loadErr(t, s); e.ID != IDUnreadable {
		t.Fatalf("directory: ID = %s", e.ID)
	}
	os.Remove(s.Path())
	if err := syscall.Mkfifo(s.Path(), 0o600); err != nil {
		t.Fatal(err)
	}
	// A FIFO would block an open for ever: Load must refuse it without opening it.
	if e := loadErr(t, s); e.ID != IDUnreadable {
		t.Fatalf("fifo: ID = %s", e.ID)
	}
	os.Remove(s.Path())
	if os.Geteuid() != 0 { // root reads any file whatever its mode
		os.WriteFile(s.Path(), []byte(`{"version": 1, "screen": "step5", "lang": "fr"}`), 0o000)
		if e := loadErr(t, s); e.ID != IDUnreadable {
			t.Fatalf("mode 000: ID = %s", e.ID)
		}
	}
}
