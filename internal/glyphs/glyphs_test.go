package glyphs

import (
	"testing"
	"unicode/utf8"
)

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestForTerminal(t *testing.T) {
	cases := []struct {
		name string
		goos string
		env  func(string) string
		want Set
	}{
		{"double-clicked: the console host", "windows", env(), Classic},
		{"Windows Terminal", "windows", env("WT_SESSION", "0b6c…"), Unicode},
		{"VS Code on Windows", "windows", env("TERM_PROGRAM", "vscode"), Unicode},
		{"mintty / Git Bash", "windows", env("TERM", "xterm-256color"), Unicode},
		{"Linux virtual console", "linux", env("TERM", "linux"), Classic},
		{"xterm", "linux", env("TERM", "xterm-256color"), Unicode},
		{"macOS Terminal", "darwin", env("TERM", "xterm-256color", "TERM_PROGRAM", "Apple_Terminal"), Unicode},
	}
	for _, c := range cases {
		if got := ForTerminal(c.goos, c.env); got.Classic != c.want.Classic {
			t.Errorf("%s: Classic=%v, want %v", c.name, got.Classic, c.want.Classic)
		}
	}
}

// Windows Glyph List 4 (the characters Consolas and Lucida Console have), the ranges the Classic
// set may use: ASCII, Latin-1, √, the box drawings and ►.
func inWGL4(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0x7e, r >= 0xa0 && r <= 0xff:
		return true
	case r == 0x221a, r == 0x25ba, r == 0x2022, r == 0x203a:
		return true
	case r == 0x2500, r == 0x2502, r == 0x250c, r == 0x2510, r == 0x2514, r == 0x2518:
		return true
	}
	return false
}

func TestClassicSetIsInConsoleFonts(t *testing.T) {
	all := []string{Classic.Current, Classic.Done, Classic.Fail, Classic.Bullet, Classic.Warn, Classic.Hint,
		Classic.Bad, Classic.TopLeft, Classic.TopRight, Classic.BottomLeft, Classic.BottomRight}
	all = append(all, Classic.Spinner...)
	b := Classic.Border()
	all = append(all, b.Top, b.Bottom, b.Left, b.Right)
	for _, s := range all {
		for _, r := range s {
			if !inWGL4(r) {
				t.Errorf("%q (U+%04X) is not in the console fonts", s, r)
			}
		}
	}
}

// Pass and fail differ in shape, not only in colour: different characters, each one cell.
func TestMarksDiffer(t *testing.T) {
	for _, s := range []Set{Unicode, Classic} {
		if s.Done == s.Fail || s.Mark(true) != s.Done || s.Mark(false) != s.Fail {
			t.Errorf("pass %q, fail %q", s.Done, s.Fail)
		}
		for _, g := range append([]string{s.Done, s.Fail, s.Current, s.Bullet, s.Warn, s.Hint, s.Bad}, s.Spinner...) {
			if utf8.RuneCountInString(g) != 1 {
				t.Errorf("%q is not one character", g)
			}
		}
	}
}
