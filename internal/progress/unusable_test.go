package progress

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
)

// A path that cannot hold progress (a file where a folder is needed, such as XDG_CONFIG_HOME
// naming a file; a folder named progress.json) is reported by Load and by Reset as what it is,
// with what will fix it, and never sends the person to --reset, which cannot fix it.
func TestUnusablePathSaysWhatToDo(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	file := filepath.Join(root, "config")
	if err := os.WriteFile(file, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	blocked := Store{Dir: DirUnder(file)}
	folder := Store{Dir: t.TempDir()}
	if err := os.MkdirAll(filepath.Join(folder.Path(), "inside"), 0o700); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		s     Store
		id    string
		names string
	}{
		{"XDG_CONFIG_HOME is a file", blocked, IDBlocked, file},
		{"progress.json is a folder", folder, IDNotFile, folder.Path()},
	}
	for _, c := range cases {
		_, found, err := c.s.Load()
		var le, re *Error
		if !errors.As(err, &le) || le.ID != c.id || found {
			t.Errorf("%s: Load = %v, %v; want %s", c.name, found, err, c.id)
			continue
		}
		if err := c.s.Reset(); !errors.As(err, &re) || re.ID != c.id {
			t.Errorf("%s: Reset = %v; want %s", c.name, err, c.id)
			continue
		}
		for _, l := range locales.Langs {
			for _, e := range []*Error{le, re} {
				msg := e.Message(locales.New(l))
				if !strings.Contains(msg, c.names) || strings.Contains(msg, "--reset") || strings.Contains(msg, "\n") ||
					strings.Contains(msg, "<no value>") {
					t.Errorf("%s, %s: %q", c.name, l, msg)
				}
			}
		}
	}
	// Reset deletes nothing that is not progress.
	if _, err := os.Stat(filepath.Join(folder.Path(), "inside")); err != nil {
		t.Errorf("Reset removed what the folder held: %v", err)
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != "not a folder" {
		t.Errorf("the blocking file changed: %q %v", b, err)
	}
}

// Every message has both languages, in one line.
func TestNewMessagesInBothLanguages(t *testing.T) {
	t.Parallel()
	for _, id := range []string{IDBlocked, IDNotFile, IDResetFailed} {
		for _, l := range locales.Langs {
			msg := (&Error{ID: id, Path: "/x/progress.json", Blocker: "/x", Err: errInvalid}).Message(locales.New(l))
			if !locales.New(l).Has(id) || strings.Contains(msg, "\n") || strings.Contains(msg, "<no value>") || !strings.Contains(msg, "/x") {
				t.Errorf("%s %s: %q", l, id, msg)
			}
		}
	}
}
