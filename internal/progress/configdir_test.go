package progress

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
)

// The configuration folder comes from the environment cmd/ passes: a relative XDG_CONFIG_HOME
// is ignored (XDG spec), and no HOME, a relative HOME or no %AppData% is an *Error naming the
// variable, which the program prints in one line (issue 22 item 6).
func TestConfigDir(t *testing.T) {
	cases := []struct {
		goos string
		env  map[string]string
		want string // "" for an error
		v    string
	}{
		{"linux", map[string]string{"XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/j"}, "/x/cfg", ""},
		{"linux", map[string]string{"HOME": "/home/j"}, filepath.Join("/home/j", ".config"), ""},
		{"linux", map[string]string{"XDG_CONFIG_HOME": "rel/cfg", "HOME": "/home/j"}, filepath.Join("/home/j", ".config"), ""},
		{"linux", map[string]string{"XDG_CONFIG_HOME": "rel/cfg"}, "", "HOME"},
		{"linux", map[string]string{}, "", "HOME"},
		{"linux", map[string]string{"HOME": "home/j"}, "", "HOME"},
		{"freebsd", map[string]string{"HOME": "/home/j"}, filepath.Join("/home/j", ".config"), ""},
		{"darwin", map[string]string{"HOME": "/Users/j", "XDG_CONFIG_HOME": "/x"}, filepath.Join("/Users/j", "Library", "Application Support"), ""},
		{"darwin", map[string]string{}, "", "HOME"},
		{"windows", map[string]string{"AppData": `C:\Users\j\AppData\Roaming`}, `C:\Users\j\AppData\Roaming`, ""},
		{"windows", map[string]string{"AppData": `\\srv\profiles\j`}, `\\srv\profiles\j`, ""},
		{"windows", map[string]string{"AppData": `Roaming`}, "", "%AppData%"},
		{"windows", map[string]string{"HOME": "/home/j"}, "", "%AppData%"},
	}
	for _, c := range cases {
		got, err := ConfigDir(c.goos, func(k string) string { return c.env[k] })
		var e *Error
		switch {
		case c.want != "" && (err != nil || got != c.want):
			t.Errorf("%s %v: %q, %v; want %q", c.goos, c.env, got, err, c.want)
		case c.want == "" && (!errors.As(err, &e) || e.ID != IDNoFolder || e.Var != c.v):
			t.Errorf("%s %v: %q, %v; want an error naming %s", c.goos, c.env, got, err, c.v)
		}
	}
	_, err := ConfigDir("linux", func(string) string { return "" })
	var e *Error
	errors.As(err, &e)
	for _, lang := range locales.Langs {
		msg := e.Message(locales.New(lang))
		if !strings.Contains(msg, "HOME") || strings.Contains(msg, "\n") || strings.Contains(msg, "{{") {
			t.Errorf("%s: %q", lang, msg)
		}
	}
}

// A failed save names the folder, not the random temporary file the system's message names.
func TestSaveErrorNamesTheFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "auvenir-onboard")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := Store{Dir: file}.Save(State{Screen: "address", Lang: locales.English})
	var se *SaveError
	if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), file+": ") || strings.Contains(err.Error(), ".progress-") {
		t.Fatalf("save into a file: %v", err)
	}
	fail := errors.New("no space left on device")
	s := Store{Dir: t.TempDir(), beforeRename: func(*os.File) error { return &os.PathError{Op: "write", Path: "/x/.progress-123.tmp", Err: fail} }}
	if err := s.Save(State{Screen: "address", Lang: locales.English}); err == nil || err.Error() != s.Dir+": no space left on device" {
		t.Fatalf("failed write: %v", err)
	}
}

// Forget says whether there was progress to delete.
func TestForgetSaysWhetherItRemoved(t *testing.T) {
	s := Store{Dir: filepath.Join(t.TempDir(), "auvenir-onboard")}
	if removed, err := s.Forget(); removed || err != nil {
		t.Fatalf("nothing saved: %v, %v", removed, err)
	}
	if err := s.Save(State{Screen: "address", Lang: locales.English}); err != nil {
		t.Fatal(err)
	}
	if removed, err := s.Forget(); !removed || err != nil {
		t.Fatalf("saved progress: %v, %v", removed, err)
	}
	if _, err := os.Stat(s.Path()); !os.IsNotExist(err) {
		t.Fatal("still there")
	}
}
