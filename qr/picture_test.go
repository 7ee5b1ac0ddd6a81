package qr

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// terminal colours (grey levels) of the two kinds of theme the tests draw on.
type theme struct {
	name   string
	fg, bg uint8
}

var (
	darkTheme  = theme{"dark", 225, 25}
	lightTheme = theme{"light", 30, 240}
)

func themeFor(b Background) theme {
	if b == Light {
		return lightTheme
	}
	return darkTheme
}

const (
	pxPerModule = 4
	margin      = 6 // cells of terminal background around the drawing, as on a real screen
)

// picture paints a rendering the way a terminal with theme th shows it: a space in the
// background colour, a full block in the text colour, a half block with one half of each.
// Each cell is one module wide and two modules tall.
func picture(t *testing.T, r Rendering, th theme) *image.Gray {
	t.Helper()
	w, h := (r.Width+2*margin)*pxPerModule, (2*r.Height+2*margin)*pxPerModule
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = th.bg
	}
	fill := func(col, halfRow int, v uint8) {
		for y := 0; y < pxPerModule; y++ {
			for x := 0; x < pxPerModule; x++ {
				img.SetGray((col+margin)*pxPerModule+x, (halfRow+margin)*pxPerModule+y, color.Gray{v})
			}
		}
	}
	lines := strings.Split(r.Text, "\n")
	for row, line := range lines {
		col := 0
		for _, ch := range line {
			top, bottom := th.bg, th.bg
			switch ch {
			case '█':
				top, bottom = th.fg, th.fg
			case '▀':
				top = th.fg
			case '▄':
				bottom = th.fg
			case ' ':
			default:
				t.Fatalf("unexpected character %q in the drawing", ch)
			}
			fill(col, 2*row, top)
			fill(col, 2*row+1, bottom)
			col++
		}
	}
	return img
}

// origin is where the symbol starts in a drawing with quiet zone qz, in columns and half rows:
// qz columns in, and qz half rows down, plus the half row qrterminal adds above an odd quiet
// zone to keep whole lines.
func origin(qz int) (x, y int) { return qz, qz + qz%2 }

// module reports whether the module at symbol coordinates (x, y) is dark in the picture.
func module(img *image.Gray, qz, x, y int) (dark bool) {
	ox, oy := origin(qz)
	px := (x+ox+margin)*pxPerModule + pxPerModule/2
	py := (y+oy+margin)*pxPerModule + pxPerModule/2
	return img.GrayAt(px, py).Y < 128
}

func invert(img *image.Gray) *image.Gray {
	out := image.NewGray(img.Bounds())
	for i, v := range img.Pix {
		out.Pix[i] = 255 - v
	}
	return out
}

// zbar decodes the picture with zbarimg, which (like most phone scanners) reads only dark
// modules on a light background: an inverted code gives nothing.
func zbar(t *testing.T, img *image.Gray) []string {
	t.Helper()
	testtool.Need(t, "zbarimg")
	name := filepath.Join(t.TempDir(), "code.png")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("zbarimg", "-q", "--raw", "--nodbus", name).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 4 {
			return nil // no symbol found
		}
		t.Fatalf("zbarimg: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}
