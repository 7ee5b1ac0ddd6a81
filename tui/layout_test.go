package tui

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The wrapping rules of layout.go: spaces break lines, hyphens do not; an address, an identity,
// a URL or a number moves whole to the next line; only a word longer than the line is cut, at a
// seam of the word when there is one.
func TestWrapWords(t *testing.T) {
	cases := []struct {
		text string
		w    int
		want string
	}{
		{"from no-reply@auvenir.ca today", 20, "from\nno-reply@auvenir.ca\ntoday"},
		{"call 212-555-0100 now", 14, "call\n212-555-0100\nnow"},
		{"<account-security-noreply@accountprotection.microsoft.com>", 30,
			"<account-security-noreply\n@accountprotection.microsoft.\ncom>"},
		{"jane.tremblay_cabinet-exemple.ca#EXT#@DMCHosting.onmicrosoft.com", 58,
			"jane.tremblay_cabinet-exemple.ca#EXT#\n@DMCHosting.onmicrosoft.com"},
		{"https://play.google.com/store/apps/details?id=com.azure.authenticator", 56,
			"https://play.google.com/store/apps/details?\nid=com.azure.authenticator"},
		{"short", 10, "short"},
		{"two\nlines that wrap", 9, "two\nlines\nthat wrap"},
		{"a\u00a0:b c", 4, "a\u00a0:b\nc"}, // a no-break space holds
		{"  indented text here", 12, "  indented\ntext here"},
		{"abcdefghij", 4, "abcd\nefgh\nij"},
	}
	for _, c := range cases {
		if got := wrapWords(c.text, c.w); got != c.want {
			t.Errorf("wrapWords(%q, %d) =\n%q\nwant\n%q", c.text, c.w, got, c.want)
		}
		for _, l := range strings.Split(wrapWords(c.text, c.w), "\n") {
			if ansi.StringWidth(l) > c.w {
				t.Errorf("%q: line %q wider than %d", c.text, l, c.w)
			}
		}
	}
}

// lipgloss alone breaks after hyphens: the reason fill exists.
func TestFillKeepsHyphenatedWordsWhole(t *testing.T) {
	text := "Watch for no-reply@auvenir.ca in your inbox"
	// lipgloss pads every line to the width, so the break shows as "no-" at the end of a trimmed
	// line. Whatever lipgloss does, fill must keep the address whole: the checks below always run.
	if got := lipgloss.NewStyle().Width(20).Render(text); !regexp.MustCompile(`(?m)no-\s*$`).MatchString(got) {
		t.Logf("lipgloss no longer breaks at hyphens (%q): fill is now belt and braces", got)
	}
	got := fill(lipgloss.NewStyle(), text, 20)
	if !strings.Contains(got, "no-reply@auvenir.ca") {
		t.Fatalf("fill split the address:\n%s", got)
	}
	// A bordered style wraps inside its frame.
	boxed := fill(lipgloss.NewStyle().Border(lipgloss.NormalBorder(), false, false, false, true).PaddingLeft(1), text, 22)
	for _, l := range strings.Split(boxed, "\n") {
		if w := ansi.StringWidth(l); w > 22 {
			t.Fatalf("line %q is %d wide in a 22-cell block", l, w)
		}
	}
}

func TestTruncate(t *testing.T) {
	if got := truncate("Courriel du code de vérification", 12); got != "Courriel du…" || ansi.StringWidth(got) != 12 {
		t.Fatalf("truncate = %q", got)
	}
	if got := truncate("short", 12); got != "short" {
		t.Fatalf("truncate = %q", got)
	}
}

func TestJoinColumnsAndFit(t *testing.T) {
	got := joinColumns([]string{"ab", "c"}, 3, 1, []string{"x", "y", "z"})
	if strings.Join(got, "|") != "ab  x|c   y|    z" {
		t.Fatalf("joinColumns = %q", got)
	}
	secs := []section{{[]string{"title"}, 3}, {[]string{"how", "how"}, 1}, {[]string{"keys"}, 5}}
	if got := fitSections(secs, 6); strings.Join(got, "|") != "title||how|how||keys" {
		t.Fatalf("room for all: %q", got)
	}
	if got := fitSections(secs, 4); strings.Join(got, "|") != "title|how|how|keys" {
		t.Fatalf("no room for gaps: %q", got)
	}
	if got := fitSections(secs, 2); strings.Join(got, "|") != "title|keys" {
		t.Fatalf("the least needed goes: %q", got)
	}
	if got := padLines([]string{"a"}, 3); len(got) != 3 {
		t.Fatalf("padLines = %q", got)
	}
}

func FuzzWrapWords(f *testing.F) {
	f.Add("jane.tremblay_cabinet-exemple.ca#EXT#@DMCHosting.onmicrosoft.com", 20)
	f.Add("a b  c\nd", 1)
	f.Fuzz(func(t *testing.T, text string, w int) {
		if w < 1 || w > 200 || len(text) > 2000 || strings.ContainsRune(text, '\x1b') || !utf8.ValidString(text) {
			return
		}
		got := wrapWords(text, w)
		for _, l := range strings.Split(got, "\n") {
			if ansi.StringWidth(l) > w && ansi.StringWidth(l) > 2 {
				t.Fatalf("line %q wider than %d", l, w)
			}
		}
		if strings.ReplaceAll(strings.ReplaceAll(got, "\n", ""), " ", "") != strings.ReplaceAll(strings.ReplaceAll(text, "\n", ""), " ", "") {
			t.Fatalf("wrapping changed the text: %q → %q", text, got)
		}
	})
}

func TestScroller(t *testing.T) {
	var s scroller
	s.SetContent("a\nb\nc\nd\ne")
	s.SetHeight(2)
	if got := strings.Join(s.Visible(), ""); got != "ab" || s.AtBottom() {
		t.Fatalf("top: %q bottom=%v", got, s.AtBottom())
	}
	s.PageDown()
	s.ScrollDown(10)
	if got := strings.Join(s.Visible(), ""); got != "de" || !s.AtBottom() {
		t.Fatalf("bottom: %q", got)
	}
	s.SetContent("x\ny") // shorter text: the offset comes back within it
	if got := strings.Join(s.Visible(), ""); got != "xy" || !s.AtBottom() {
		t.Fatalf("after shrinking: %q", got)
	}
	s.SetContent("1\n2\n3\n4")
	s.GotoBottom()
	v := s.Visible()
	_ = append(v, "z") // a caller's append must not write into the text
	s.GotoTop()
	s.ScrollUp(3)
	if got := strings.Join(s.Visible(), ""); got != "12" {
		t.Fatalf("top again: %q", got)
	}
	if s.lines[3] != "4" {
		t.Fatal("appending to the visible lines changed the text")
	}
}

// cells agrees with x/ansi on every character it counts itself.
func TestCellsAgreesWithAnsi(t *testing.T) {
	for _, s := range []string{"plain", "Étape « 4 » : l’adresse… “quoted” — → ← ↑/↓ •·", "a\u00a0b", "✓ done",
		"日本", "e\u0301", "\x1b[1mbold\x1b[m", "soft\u00adhyphen"} {
		if got, want := cells(s), ansi.StringWidth(s); got != want {
			t.Errorf("cells(%q) = %d, ansi says %d", s, got, want)
		}
	}
	for r := rune(0x20); r < 0x2200; r++ {
		if narrow(r) && ansi.StringWidth(string(r)) != 1 {
			t.Errorf("%U is counted one cell wide, ansi says %d", r, ansi.StringWidth(string(r)))
		}
	}
}
