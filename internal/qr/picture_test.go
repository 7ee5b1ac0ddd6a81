package qr

import (
	"image"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/screenqr"
	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// theme is a terminal's default colours, named for the test messages.
type theme struct {
	name string
	screenqr.Theme
}

var (
	darkTheme  = theme{"dark", screenqr.Dark}
	lightTheme = theme{"light", screenqr.Light}
)

func themeFor(b Background) theme {
	if b == Light {
		return lightTheme
	}
	return darkTheme
}

const (
	pxPerModule = screenqr.PxPerModule
	margin      = screenqr.Margin
)

// picture paints a rendering the way a terminal with theme th shows it (screenqr.Picture), after
// checking that the drawing holds only the glyphs a QR code is made of.
func picture(t *testing.T, r Rendering, th theme) *image.Gray {
	t.Helper()
	for _, ch := range r.Text {
		if !strings.ContainsRune("█▀▄ \n", ch) {
			t.Fatalf("unexpected character %q in the drawing", ch)
		}
	}
	return screenqr.Picture(r.Text, th.Theme)
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
	got, err := screenqr.Decode(img)
	if err != nil {
		t.Fatal(err)
	}
	return got
}
