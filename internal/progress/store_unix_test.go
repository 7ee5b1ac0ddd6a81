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
	// A folder that is already there is not the program's to change.
	os.Chmod(dir, 0o755)
	if err := s.Save(sample()); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o755 {
		t.Errorf("existing directory's mode changed to %o by a save", info.Mode().Perm())
	}
}

// Saving through a symbolic link to the configuration folder leaves the link's target as it
// was, and a read-only folder stays read-only: modes are set only on what the program creates.
func TestSaveKeepsModesItDidNotSet(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	target := filepath.Join(root, "shared")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(target, 0o755)
	link := filepath.Join(root, "auvenir-onboard")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	s := Store{Dir: link}
	if err := s.Save(sample()); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o755 {
		t.Errorf("the link's target went from 755 to %o", info.Mode().Perm())
	}
	if info, err := os.Stat(filepath.Join(target, FileName)); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("saved file: %v %v", info, err)
	}

	ro := filepath.Join(root, "read-only")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	os.Chmod(ro, 0o500)
	t.Cleanup(func() { os.Chmod(ro, 0o700) })
	err := Store{Dir: ro}.Save(sample())
	if info, _ := os.Stat(ro); info.Mode().Perm() != 0o500 {
		t.Errorf("a read-only folder was made %o", info.Mode().Perm())
	}
	if os.Geteuid() != 0 && err == nil { // root writes into any folder whatever its mode
		t.Error("saving into a read-only folder succeeded")
	}
}

func TestUnreadable(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	os.Mkdir(s.Path(), 0o700)
	if e := loadErr(t, s); e.ID != IDNotFile {
		t.Fatalf("directory: ID = %s", e.ID)
	}
	os.Remove(s.Path())
	if err := syscall.Mkfifo(s.Path(), 0o600); err != nil {
		t.Fatal(err)
	}
	// A FIFO would block an open for ever: Load must refuse it without opening it.
	if e := loadErr(t, s); e.ID != IDNotFile {
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
