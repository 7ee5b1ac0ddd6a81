package fileurl

import (
	"errors"
	"net/url"
	"testing"
)

// RFC 8089's forms, on Windows and elsewhere, whatever system runs the test.
func TestPath(t *testing.T) {
	cases := []struct {
		url, goos, want string
		err             error
	}{
		{"file:///etc/proxy.pac", "linux", "/etc/proxy.pac", nil},
		{"file://localhost/etc/proxy.pac", "darwin", "/etc/proxy.pac", nil},
		{"file:/etc/proxy.pac", "linux", "/etc/proxy.pac", nil},
		{"file:///tmp/a%20b.pac", "linux", "/tmp/a b.pac", nil},
		{"file://server/share/proxy.pac", "linux", "", ErrRemote},
		{"file:///C:/proxy.pac", "windows", `C:\proxy.pac`, nil},
		{"file:/C:/proxy.pac", "windows", `C:\proxy.pac`, nil},
		{"file://localhost/C:/proxy.pac", "windows", `C:\proxy.pac`, nil},
		{"file:///c|/proxy.pac", "windows", `c:\proxy.pac`, nil},
		{"file:///C:/Program%20Files/Corp/proxy.pac", "windows", `C:\Program Files\Corp\proxy.pac`, nil},
		{"file:///C:", "windows", `C:\`, nil},
		{"file://server/share/proxy.pac", "windows", `\\server\share\proxy.pac`, nil},
		{"file:////server/share/proxy.pac", "windows", `\\server\share\proxy.pac`, nil},
		{"file:///proxy.pac", "windows", `\proxy.pac`, nil},
		{"file:///C:/proxy.pac", "linux", "/C:/proxy.pac", nil},
		{"http://x/proxy.pac", "windows", "", ErrNotFile},
		{"file:proxy.pac", "linux", "", ErrNotFile},
	}
	for _, c := range cases {
		u, err := url.Parse(c.url)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Path(u, c.goos)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("Path(%s, %s) = %q, %v; want %q, %v", c.url, c.goos, got, err, c.want, c.err)
		}
	}
}

func FuzzPath(f *testing.F) {
	for _, s := range []string{"file:///C:/x", "file://srv/s/x", "file:////srv/s", "file:///c|", "file:/x"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, windows bool) {
		u, err := url.Parse(s)
		if err != nil {
			return
		}
		goos := "linux"
		if windows {
			goos = "windows"
		}
		p, err := Path(u, goos)
		if err == nil && p == "" {
			t.Fatalf("Path(%q, %s): empty name without an error", s, goos)
		}
	})
}
