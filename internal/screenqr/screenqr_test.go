package screenqr

import (
	"errors"
	"os"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/qr"
)

func TestScanReadsOnlyTheRightPolarity(t *testing.T) {
	text := "otpauth://totp/A:b?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=A"
	for _, c := range []struct {
		bg        qr.Background
		right, wr Theme
	}{{qr.Dark, Dark, Light}, {qr.Light, Light, Dark}} {
		r, err := qr.Render(text, qr.Options{Background: c.bg})
		if err != nil {
			t.Fatal(err)
		}
		// Text beside the code, as on the wizard's screens, must not get in the way.
		screen := ""
		for i, l := range splitLines(r.Text) {
			screen += l + "  some words " + string(rune('a'+i%26)) + "\n"
		}
		got, err := Scan(screen, c.right)
		if errors.Is(err, ErrNoZbar) {
			if os.Getenv("CI") == "true" {
				t.Fatal(err)
			}
			t.Skip(err)
		}
		if err != nil || len(got) != 1 || got[0] != text {
			t.Fatalf("background %v: %q, %v", c.bg, got, err)
		}
		if got, _ := Scan(screen, c.wr); len(got) != 0 {
			t.Fatalf("background %v: the wrong theme decoded %q", c.bg, got)
		}
	}
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := range len(s) {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// parseANSI takes any text: it never panics, and never makes more cells than there are runes.
func FuzzParseANSI(f *testing.F) {
	f.Add("\x1b[48;2;255;255;255m \x1b[38;2;0;0;0m▄\x1b[m")
	f.Add("\x1b[48;5;231m  \x1b[0m\x1b]8;;https://x\x07link\x1b]8;;\x1b\\")
	f.Add("\x1b[38;2;1m\x1b[")
	f.Fuzz(func(t *testing.T, s string) {
		cells := parseANSI(s)
		if len(cells) > len([]rune(s)) {
			t.Fatalf("%d cells from %d runes", len(cells), len([]rune(s)))
		}
		for _, c := range cells {
			if c.fg > 255 || c.bg > 255 || c.fg < -1 || c.bg < -1 {
				t.Fatalf("grey out of range: %+v", c)
			}
		}
	})
}
