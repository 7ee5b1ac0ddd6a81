package qr

import (
	"strings"

	rscqr "rsc.io/qr"
)

// Colour drawing: every module is painted, dark modules black and the quiet zone and light
// modules white, so the terminal's own background and text colours no longer matter (a light or
// a dark theme, a wrong answer to the background query). A cell holds two modules, top and
// bottom. Where both are the same the cell is a space in that background colour: no glyph, so
// none of the thin gaps a font's block glyphs leave at a cell's edges (xterm with DejaVu Sans
// Mono, the classic Windows console with Consolas), which cut light lines through dark modules.
// Where they differ, the upper module is the cell's background and the lower one a lower half
// block "▄" in the text colour. xterm with DejaVu Sans Mono 11 pt leaves a 1-pixel line of the
// cell's background above its block glyphs on some rows: it then has the colour of the upper
// module, the one it touches. (With "▀" and the lower module as background, that line cut the
// upper modules and neither background decoded; scripts/qr-xterm.sh photographs both.)
const (
	darkSGR  = "0;0;0"
	lightSGR = "255;255;255"
	lower    = "▄"
)

func renderColour(text string, o Options) (Rendering, error) {
	code, err := rscqr.Encode(text, o.Level.rsc())
	if err != nil {
		return Rendering{}, err
	}
	// The quiet zone is painted light too: DefaultQuietZone, or Fit's smaller fallback when the
	// window is too small for it (2 modules still scan: TestFitFallbacksScan).
	q := o.QuietZone
	n := code.Size + 2*q
	dark := func(x, y int) bool { return code.Black(x-q, y-q) } // false outside the symbol
	var lines []string
	for y := 0; y < n; y += 2 {
		var b strings.Builder
		prevFG, prevBG := "", ""
		for x := 0; x < n; x++ {
			top, bottom := dark(x, y), y+1 < n && dark(x, y+1)
			glyph, fg, bg := " ", "", lightSGR
			switch {
			case top && bottom:
				bg = darkSGR
			case top:
				glyph, fg, bg = lower, lightSGR, darkSGR
			case bottom:
				glyph, fg = lower, darkSGR
			}
			if bg != prevBG {
				b.WriteString("\x1b[48;2;" + bg + "m")
				prevBG = bg
			}
			if fg != "" && fg != prevFG {
				b.WriteString("\x1b[38;2;" + fg + "m")
				prevFG = fg
			}
			b.WriteString(glyph)
		}
		b.WriteString("\x1b[m")
		lines = append(lines, b.String())
	}
	return Rendering{Text: strings.Join(lines, "\n"), Width: n, Height: len(lines), Modules: code.Size}, nil
}
