package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// files on disk with modes and times that must not leak into the archive.
func scratchEntries(t *testing.T) []entry {
	t.Helper()
	dir := t.TempDir()
	mk := func(name, body string, perm os.FileMode, mtime time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), perm); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, perm); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return []entry{
		{"prog", mk("prog", "binary", 0o700, time.Now()), modeExec},
		{"README.md", mk("readme", "# read me", 0o600, time.Unix(5, 0)), modeFile},
		{"LICENSE", mk("licence", "All rights reserved", 0o666, time.Unix(1e9, 0)), modeFile},
	}
}

func TestArchivesDependOnContentOnly(t *testing.T) {
	mtime := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, zipped := range []bool{false, true} {
		es := scratchEntries(t)
		dir := t.TempDir()
		a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
		if err := writeArchive(a, "top", es, mtime, zipped); err != nil {
			t.Fatal(err)
		}
		// Same contents, listed in another order, touched and re-permissioned on disk.
		rev := []entry{es[2], es[0], es[1]}
		for _, e := range rev {
			os.Chtimes(e.Path, time.Now(), time.Now())
			os.Chmod(e.Path, 0o640)
		}
		if err := writeArchive(b, "top", rev, mtime.In(time.FixedZone("EST", -5*3600)), zipped); err != nil {
			t.Fatal(err)
		}
		da, _ := os.ReadFile(a)
		db, _ := os.ReadFile(b)
		if !bytes.Equal(da, db) {
			t.Errorf("zip=%v: two archives of the same contents differ", zipped)
		}
	}
}

func TestTarGzLayout(t *testing.T) {
	mtime := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	out := filepath.Join(t.TempDir(), "x.tar.gz")
	if err := writeArchive(out, "top", scratchEntries(t), mtime, false); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() {
		t.Errorf("gzip header carries name %q and time %v", gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	want := []struct {
		name string
		mode int64
		body string
	}{
		{"top/", 0o755, ""}, {"top/LICENSE", 0o644, "All rights reserved"},
		{"top/README.md", 0o644, "# read me"}, {"top/prog", 0o755, "binary"},
	}
	for _, w := range want {
		h, err := tr.Next()
		if err != nil {
			t.Fatalf("want %s: %v", w.name, err)
		}
		body, _ := io.ReadAll(tr)
		if h.Name != w.name || h.Mode != w.mode || string(body) != w.body {
			t.Errorf("entry %q mode %o body %q, want %q %o %q", h.Name, h.Mode, body, w.name, w.mode, w.body)
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" || !h.ModTime.Equal(mtime) {
			t.Errorf("%s: owner %d:%d %q:%q time %v", h.Name, h.Uid, h.Gid, h.Uname, h.Gname, h.ModTime)
		}
	}
	if _, err := tr.Next(); err != io.EOF {
		t.Errorf("extra entries after the expected ones: %v", err)
	}
}

func TestZipLayout(t *testing.T) {
	mtime := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	out := filepath.Join(t.TempDir(), "x.zip")
	if err := writeArchive(out, "top", scratchEntries(t), mtime, true); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(mtime) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, mtime)
		}
		want := os.FileMode(modeFile)
		switch f.Name {
		case "top/":
			want = modeDir
		case "top/prog":
			want = modeExec
		}
		if f.Mode() != want {
			t.Errorf("%s: mode %v, want %v", f.Name, f.Mode(), want)
		}
	}
	if got := filepath.Join(names...); got != filepath.Join("top/", "top/LICENSE", "top/README.md", "top/prog") {
		t.Errorf("entries %v", names)
	}
}
