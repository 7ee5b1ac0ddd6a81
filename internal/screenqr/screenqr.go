// Package screenqr reads QR codes off a terminal screen, for tests: it paints the screen's
// characters as a terminal with a given theme shows them and decodes the picture with zbarimg,
// which, like most phone cameras' scanners, reads only dark modules on a light background. So a
// code drawn for the wrong background does not decode, as it would not on a phone.
package screenqr

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"strings"
)

// Theme is a terminal's default colours as grey levels.
type Theme struct{ FG, BG uint8 }

var (
	Dark  = Theme{FG: 225, BG: 25} // light text on a dark background
	Light = Theme{FG: 30, BG: 240} // dark text on a light background
)

// The picture's geometry, for tests that look at single modules.
const (
	PxPerModule = 4 // pixels per module
	Margin      = 8 // cells of background around the screen
)

const (
	px     = PxPerModule
	margin = Margin
)

// Picture paints screen (plain text, no escapes): a full block in the text colour, a half block
// with one half of each colour, anything else in the background colour. A cell is one module
// wide and two tall.
func Picture(screen string, th Theme) *image.Gray {
	lines := strings.Split(screen, "\n")
	w := 0
	for _, l := range lines {
		w = max(w, len([]rune(l)))
	}
	img := image.NewGray(image.Rect(0, 0, (w+2*margin)*px, (2*len(lines)+2*margin)*px))
	for i := range img.Pix {
		img.Pix[i] = th.BG
	}
	fill := func(col, half int, v uint8) {
		for y := range px {
			for x := range px {
				img.SetGray((col+margin)*px+x, (half+margin)*px+y, color.Gray{Y: v})
			}
		}
	}
	for row, l := range lines {
		for col, ch := range []rune(l) {
			top, bottom := th.BG, th.BG
			switch ch {
			case '█':
				top, bottom = th.FG, th.FG
			case '▀':
				top = th.FG
			case '▄':
				bottom = th.FG
			}
			fill(col, 2*row, top)
			fill(col, 2*row+1, bottom)
		}
	}
	return img
}

// ErrNoZbar is returned when zbarimg is not installed.
var ErrNoZbar = errors.New("zbarimg is not installed")

// Decode returns what zbarimg reads in img, one string per code; none when it finds nothing.
func Decode(img image.Image) ([]string, error) {
	if _, err := exec.LookPath("zbarimg"); err != nil {
		return nil, ErrNoZbar
	}
	f, err := os.CreateTemp("", "screenqr-*.png")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd := exec.Command("zbarimg", "-q", "--raw", "--nodbus", f.Name())
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && ee.ExitCode() == 4 {
			return nil, nil // no symbol found
		}
		return nil, fmt.Errorf("zbarimg: %w: %s", err, stderr.String())
	}
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n"), nil
}

// Scan paints screen with th and decodes it.
func Scan(screen string, th Theme) ([]string, error) { return Decode(Picture(screen, th)) }
