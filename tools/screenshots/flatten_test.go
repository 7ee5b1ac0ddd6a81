package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func testTheme(t *testing.T) theme {
	t.Helper()
	th, err := newTheme("#cdd6f4", "#1e1e2e")
	if err != nil {
		t.Fatal(err)
	}
	return th
}

const (
	paneFG = "\x1b[0m\x1b[38;2;205;214;244m"
	reset  = "\x1b[0m"
)

func TestFlatten(t *testing.T) {
	th := testTheme(t)
	for _, tc := range []struct{ name, in, want string }{
		{"plain text gets the pane's colour, trailing blanks go",
			"hi   \n", paneFG + "hi" + reset},
		{"39 and 49 return to the pane's colours (freeze ignores them)",
			"\x1b[38;5;196m\x1b[48;5;21ma\x1b[39mb\x1b[49mc",
			"\x1b[0m\x1b[38;2;255;0;0m\x1b[48;2;0;0;255ma" + "\x1b[0m\x1b[38;2;205;214;244m\x1b[48;2;0;0;255mb" +
				paneFG + "c" + reset},
		{"a background reaching the line's end gets one more cell",
			"\x1b[48;2;122;184;255m x", "\x1b[0m\x1b[38;2;205;214;244m\x1b[48;2;122;184;255m x " + reset},
		{"faint is halfway to the background",
			"\x1b[2mf", "\x1b[0m\x1b[38;2;117;122;145mf" + reset},
		{"reverse swaps the colours, and the state carries over lines",
			"\x1b[7mr\nr\x1b[27m", "\x1b[0m\x1b[38;2;30;30;46m\x1b[48;2;205;214;244mr " + reset + "\n" +
				"\x1b[0m\x1b[38;2;30;30;46m\x1b[48;2;205;214;244mr " + reset},
		{"bold brightens the first 8 colours; an attribute and the colour share one sequence",
			"\x1b[1m\x1b[31mb\x1b[0m \x1b[4;32mu", "\x1b[0m\x1b[38;2;243;139;168mb" + paneFG + " " +
				"\x1b[0m\x1b[4;38;2;166;227;161mu" + reset},
		{"links and other sequences go, the text stays",
			"\x1b]8;;https://example.ca\x1b\\link\x1b]8;;\x1b\\\x1b[2J.", paneFG + "link." + reset},
		{"the number of rows is kept, without a final newline",
			"a\n\n\n", paneFG + "a" + reset + "\n\n"},
	} {
		if got := flatten(tc.in, th); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestIndexedColours(t *testing.T) {
	th := testTheme(t)
	for n, want := range map[uint8]rgb{1: {0xf3, 0x8b, 0xa8}, 16: {0, 0, 0}, 111: {135, 175, 255}, 231: {255, 255, 255}, 244: {128, 128, 128}} {
		if got := th.indexed(n); got != want {
			t.Errorf("colour %d: %v, want %v", n, got, want)
		}
	}
	if _, err := newTheme("#12345", "#000000"); err == nil {
		t.Error("a 5-digit colour was accepted")
	}
}

func TestShrinkKeepsEveryPixel(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 120))
	for y := 0; y < 120; y++ {
		for x := 0; x < 300; x++ {
			img.Set(x, y, color.NRGBA{uint8(x % 7 * 30), uint8(y % 5 * 50), 46, uint8(255 - x%3)})
		}
	}
	var raw bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.NoCompression}).Encode(&raw, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "shot.png")
	if err := os.WriteFile(path, raw.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := shrink(path); err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) >= raw.Len() {
		t.Errorf("%d bytes, not less than the %d of the input", len(out), raw.Len())
	}
	got, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got.(*image.Paletted); !ok {
		t.Errorf("a %T, want a paletted image (the input has 105 colours)", got)
	}
	for y := 0; y < 120; y++ {
		for x := 0; x < 300; x++ {
			if a, b := color.NRGBAModel.Convert(got.At(x, y)), img.At(x, y); a != b {
				t.Fatalf("pixel %d,%d: %v, want %v", x, y, a, b)
			}
		}
	}
}
