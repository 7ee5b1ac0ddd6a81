package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
)

// shrink rewrites a PNG smaller without changing a pixel. freeze's renderer writes RGBA,
// unfiltered and lightly compressed, although a terminal picture has only a couple of hundred
// colours: with a palette, per-row filters and zlib's best level it takes about a seventh of
// the room.
func shrink(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	if p := paletted(img); p != nil {
		img = p
	}
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&out, img); err != nil {
		return err
	}
	if out.Len() >= len(raw) {
		return nil
	}
	return os.WriteFile(path, out.Bytes(), 0o644)
}

// paletted is img with a palette of its own colours, or nil if it has more than 256.
func paletted(img image.Image) *image.Paletted {
	b := img.Bounds()
	index := map[color.NRGBA64]uint8{}
	var pal color.Palette
	p := image.NewPaletted(b, nil)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBA64Model.Convert(img.At(x, y)).(color.NRGBA64)
			i, ok := index[c]
			if !ok {
				if len(pal) == 256 {
					return nil
				}
				i = uint8(len(pal))
				index[c] = i
				pal = append(pal, c)
			}
			p.SetColorIndex(x, y, i)
		}
	}
	p.Palette = pal
	return p
}
