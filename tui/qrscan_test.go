package tui

import (
	"bytes"
	"crypto/sha1"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/totp"
)

// fixedRand gives the practice key the same 160 bits on every run, so golden frames are stable.
func fixedRand() io.Reader {
	sum := sha1.Sum([]byte("auvenir-onboard practice key for tests"))
	return bytes.NewReader(sum[:])
}

// fixedSecret is the base32 key fixedRand gives.
func fixedSecret(t *testing.T) string {
	t.Helper()
	p, err := totp.NewPracticeFrom(locales.New(locales.English), "", fixedRand())
	if err != nil {
		t.Fatal(err)
	}
	return p.Secret()
}

// needTool fails the test under CI when a tool is missing, and skips it elsewhere.
func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required in CI: %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
}

// scanFrame paints a frame (text without colours) as a terminal shows it — a space and any
// letter in the background colour, a full block in the text colour, a half block with one half
// of each — on a light (dark text) or dark (light text) theme, and returns what zbarimg reads.
// Like most phone scanners, zbarimg reads only dark modules on a light background.
func scanFrame(t *testing.T, frame string, light bool) []string {
	t.Helper()
	needTool(t, "zbarimg")
	fg, bg := uint8(225), uint8(25)
	if light {
		fg, bg = 30, 240
	}
	const px, margin = 4, 8
	lines := strings.Split(frame, "\n")
	w := 0
	for _, l := range lines {
		w = max(w, len([]rune(l)))
	}
	img := image.NewGray(image.Rect(0, 0, (w+2*margin)*px, (2*len(lines)+2*margin)*px))
	for i := range img.Pix {
		img.Pix[i] = bg
	}
	fill := func(col, half int, v uint8) {
		for y := range px {
			for x := range px {
				img.SetGray((col+margin)*px+x, (half+margin)*px+y, color.Gray{v})
			}
		}
	}
	for row, l := range lines {
		for col, ch := range []rune(l) {
			top, bottom := bg, bg
			switch ch {
			case '█':
				top, bottom = fg, fg
			case '▀':
				top = fg
			case '▄':
				bottom = fg
			}
			fill(col, 2*row, top)
			fill(col, 2*row+1, bottom)
		}
	}
	name := filepath.Join(t.TempDir(), "frame.png")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, err := exec.Command("zbarimg", "-q", "--raw", "--nodbus", name).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 4 {
			return nil // nothing found
		}
		t.Fatalf("zbarimg: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}

// invertFrame swaps what the terminal would paint in each half cell, as a photo's negative.
func invertFrame(frame string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '█':
			return ' '
		case '▀':
			return '▄'
		case '▄':
			return '▀'
		case ' ':
			return '█'
		}
		return r
	}, frame)
}
