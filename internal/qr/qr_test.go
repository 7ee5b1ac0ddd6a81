package qr

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	rscqr "rsc.io/qr"
)

// typicalURI is the size of a practice enrolment URI (about 110 characters).
const typicalURI = "otpauth://totp/Auvenir%20%28practice%29:jane@firm.ca?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Auvenir"

var samples = []string{
	"hello",
	typicalURI,
	"otpauth://totp/Auvenir%20%28exercice%29:jean-francois.tremblay@cabinet-comptable.qc.ca?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Auvenir%20%28exercice%29",
	"https://apps.apple.com/app/microsoft-authenticator/id983156458",
	"HELLO WORLD 123",                 // alphanumeric mode
	"0123456789012345678901234567890", // numeric mode
	strings.Repeat("otpauth-", 60),    // a 480-byte text: version 15 or so
}

func TestRenderScansDarkOnLightOnBothBackgrounds(t *testing.T) {
	for _, bg := range []Background{Dark, Light} {
		for _, text := range samples {
			r, err := Render(text, Options{Background: bg})
			if err != nil {
				t.Fatal(err)
			}
			img := picture(t, r, themeFor(bg))
			if got := zbar(t, img); len(got) != 1 || got[0] != text {
				t.Errorf("%s background, %d bytes: decoded %q, want %q", themeFor(bg).name, len(text), got, text)
			}
			// Polarity, read off the picture: the finder pattern's corner is dark, the quiet
			// zone just outside it light.
			if !module(img, DefaultQuietZone, 0, 0) || module(img, DefaultQuietZone, -1, -1) {
				t.Errorf("%s background: the code is not dark modules on a light quiet zone", themeFor(bg).name)
			}
		}
	}
}

func TestInvertSwapsModules(t *testing.T) {
	for _, bg := range []Background{Dark, Light} {
		r, err := Render(typicalURI, Options{Background: bg, Invert: true})
		if err != nil {
			t.Fatal(err)
		}
		img := picture(t, r, themeFor(bg))
		if module(img, DefaultQuietZone, 0, 0) || !module(img, DefaultQuietZone, -1, -1) {
			t.Errorf("%s background, inverted: want light modules on a dark quiet zone", themeFor(bg).name)
		}
		if got := zbar(t, img); len(got) != 0 {
			t.Errorf("%s background, inverted: a plain scanner read %q; the inversion did nothing", themeFor(bg).name, got)
		}
		if got := zbar(t, invert(img)); len(got) != 1 || got[0] != typicalURI {
			t.Errorf("%s background, inverted: the inverted picture decodes to %q", themeFor(bg).name, got)
		}
	}
}

// The wrong background choice gives an inverted code: this is why the glyphs follow the
// background.
func TestWrongBackgroundDoesNotScan(t *testing.T) {
	r, err := Render(typicalURI, Options{Background: Dark})
	if err != nil {
		t.Fatal(err)
	}
	if got := zbar(t, picture(t, r, lightTheme)); len(got) != 0 {
		t.Errorf("dark glyphs on a light terminal decoded to %q; expected an inverted, unreadable code", got)
	}
}

func TestQuietZoneIsLightAllAround(t *testing.T) {
	for _, qz := range []int{1, 2, 3, 4, 5} {
		for _, bg := range []Background{Dark, Light} {
			r, err := Render(typicalURI, Options{Background: bg, QuietZone: qz})
			if err != nil {
				t.Fatal(err)
			}
			img := picture(t, r, themeFor(bg))
			n := r.Modules
			for i := -qz; i < n+qz; i++ {
				for _, p := range [][2]int{{i, -qz}, {i, -1}, {i, n}, {i, n + qz - 1}, {-qz, i}, {-1, i}, {n, i}, {n + qz - 1, i}} {
					if module(img, qz, p[0], p[1]) {
						t.Fatalf("quiet zone %d, %s background: module %v is dark", qz, themeFor(bg).name, p)
					}
				}
			}
			// On a light terminal the background around the drawing is light too: no stray
			// dark bar may close the drawing (qrterminal's edge half row).
			if bg == Light {
				for y := 0; y < img.Bounds().Dy(); y++ {
					for x := 0; x < img.Bounds().Dx(); x++ {
						ox, oy := origin(qz)
						mx, my := x/pxPerModule-margin-ox, y/pxPerModule-margin-oy
						if (mx < 0 || my < 0 || mx >= n || my >= n) && img.GrayAt(x, y).Y < 128 {
							t.Fatalf("quiet zone %d, light background: dark pixel outside the symbol at module (%d,%d)", qz, mx, my)
						}
					}
				}
			}
			if got := zbar(t, img); len(got) != 1 || got[0] != typicalURI {
				t.Errorf("quiet zone %d, %s background: decoded %q", qz, themeFor(bg).name, got)
			}
		}
	}
}

func TestSize(t *testing.T) {
	cases := []struct {
		o             Options
		modules, w, h int
	}{
		{Options{}, 45, 53, 27},                          // version 7 at level M
		{Options{Level: Low}, 41, 49, 25},                // version 6
		{Options{Level: Low, QuietZone: 2}, 41, 45, 23},  // the smallest fallback
		{Options{Level: High, QuietZone: 1}, 57, 59, 30}, // version 10, odd quiet zone
	}
	for _, c := range cases {
		for _, bg := range []Background{Dark, Light} {
			c.o.Background = bg
			r, err := Render(typicalURI, c.o)
			if err != nil {
				t.Fatal(err)
			}
			if r.Modules != c.modules || r.Width != c.w || r.Height != c.h {
				t.Errorf("%+v: %d modules, %d×%d cells; want %d modules, %d×%d", c.o, r.Modules, r.Width, r.Height, c.modules, c.w, c.h)
			}
			code, _ := rscqr.Encode(typicalURI, c.o.Level.rsc())
			if code.Size != r.Modules {
				t.Errorf("%+v: Modules %d, encoder says %d", c.o, r.Modules, code.Size)
			}
			lines := strings.Split(r.Text, "\n")
			if len(lines) != r.Height {
				t.Errorf("%+v: %d lines, Height %d", c.o, len(lines), r.Height)
			}
			for i, l := range lines {
				if n := utf8.RuneCountInString(l); n != r.Width {
					t.Fatalf("%+v: line %d has %d cells, Width %d", c.o, i, n, r.Width)
				}
			}
		}
	}
}

func TestMaxBytesIsTheRealLimit(t *testing.T) {
	for _, l := range []Level{Low, Medium, Quartile, High} {
		max := MaxBytes(l)
		if _, err := rscqr.Encode(strings.Repeat("a", max), l.rsc()); err != nil {
			t.Errorf("level %d: %d bytes do not encode: %v", l, max, err)
		}
		if _, err := rscqr.Encode(strings.Repeat("a", max+1), l.rsc()); err == nil {
			t.Errorf("level %d: %d bytes still encode; MaxBytes is too low", l, max+1)
		}
		if _, err := Render(strings.Repeat("a", max), Options{Level: l}); err != nil {
			t.Errorf("level %d: Render(%d bytes): %v", l, max, err)
		}
		_, err := Render(strings.Repeat("a", max+1), Options{Level: l})
		var e *Error
		if !errors.Is(err, ErrTooLong) || !errors.As(err, &e) || e.Data["Max"] != max {
			t.Errorf("level %d: Render(%d bytes) = %v, want ErrTooLong with Max %d", l, max+1, err, max)
		}
	}
	if MaxBytes(Level(42)) != MaxBytes(Medium) {
		t.Error("an unknown level should count as Medium")
	}
}

func TestFit(t *testing.T) {
	// 80×24: the level-M drawing (27 rows) does not fit, low error correction (25) neither, the
	// 2-module quiet zone (23 rows) does.
	r, err := Fit(typicalURI, Options{Background: Light}, 80, 24)
	if err != nil {
		t.Fatal(err)
	}
	if r.Width != 45 || r.Height != 23 {
		t.Errorf("Fit 80×24 gave %d×%d, want 45×23", r.Width, r.Height)
	}
	if got := zbar(t, picture(t, r, lightTheme)); len(got) != 1 || got[0] != typicalURI {
		t.Errorf("the fitted code decodes to %q", got)
	}
	if r, err := Fit(typicalURI, Options{}, 100, 40); err != nil || r.Height != 27 {
		t.Errorf("Fit 100×40 = %d rows, %v; want the preferred 27 rows", r.Height, err)
	}
	if r, err := Fit(typicalURI, Options{}, 50, 26); err != nil || r.Width != 49 || r.Height != 25 {
		t.Errorf("Fit 50×26 = %d×%d, %v; want the level-L 49×25", r.Width, r.Height, err)
	}
	r, err = Fit(typicalURI, Options{}, 40, 20)
	var e *Error
	if !errors.Is(err, ErrTooSmall) || !errors.As(err, &e) || e.Data["W"] != 45 || e.Data["H"] != 23 {
		t.Fatalf("Fit 40×20 = %v, want ErrTooSmall needing 45×23", err)
	}
	if r.Width != 45 || r.Height != 23 {
		t.Errorf("Fit 40×20 returned a %d×%d drawing, want the smallest 45×23", r.Width, r.Height)
	}
	// Too long for level M but not for L: Fit falls back instead of failing.
	long := strings.Repeat("b", MaxBytes(Medium)+1)
	if _, err := Fit(long, Options{}, 1000, 1000); err != nil {
		t.Errorf("Fit of %d bytes: %v", len(long), err)
	}
	if _, err := Fit(strings.Repeat("b", MaxBytes(Low)+1), Options{}, 1000, 1000); !errors.Is(err, ErrTooLong) {
		t.Errorf("Fit beyond every level = %v, want ErrTooLong", err)
	}
}

func TestFitFallbacksScan(t *testing.T) {
	for _, f := range fallbacks {
		for _, bg := range []Background{Dark, Light} {
			f.Background = bg
			r, err := Render(typicalURI, f)
			if err != nil {
				t.Fatal(err)
			}
			if got := zbar(t, picture(t, r, themeFor(bg))); len(got) != 1 || got[0] != typicalURI {
				t.Errorf("%+v: decoded %q", f, got)
			}
		}
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range samples {
		f.Add(s, false, uint8(0), uint8(4))
	}
	f.Add("", true, uint8(1), uint8(0))
	f.Add(strings.Repeat("x", 2332), false, uint8(0), uint8(4))
	f.Fuzz(func(t *testing.T, text string, light bool, level, qz uint8) {
		o := Options{Level: Level(level % 5), QuietZone: int(qz % 9)}
		if light {
			o.Background = Light
		}
		r, err := Render(text, o)
		if len(text) > MaxBytes(o.Level) {
			if !errors.Is(err, ErrTooLong) {
				t.Fatalf("%d bytes: err %v, want ErrTooLong", len(text), err)
			}
			return
		}
		if err != nil {
			t.Fatalf("%d bytes: %v", len(text), err)
		}
		lines := strings.Split(r.Text, "\n")
		if len(lines) != r.Height || r.Width < r.Modules || r.Modules < 21 {
			t.Fatalf("inconsistent size: %d lines, %+v", len(lines), fmt.Sprint(r.Width, r.Height, r.Modules))
		}
		for _, l := range lines {
			if utf8.RuneCountInString(l) != r.Width || strings.Trim(l, " █▀▄") != "" {
				t.Fatalf("bad line %q", l)
			}
		}
	})
}

func BenchmarkRender(b *testing.B) {
	for _, bg := range []Background{Dark, Light} {
		b.Run(themeFor(bg).name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render(typicalURI, Options{Background: bg}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFit80x24(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Fit(typicalURI, Options{}, 80, 24); err != nil {
			b.Fatal(err)
		}
	}
}
