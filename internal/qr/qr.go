// Package qr draws a text as a QR code made of terminal characters (Unicode half blocks), into a
// string the UI places on screen. It never writes to the terminal itself: qrterminal's Generate
// probes the terminal with a blocking read, so only GenerateWithConfig into a buffer is used.
package qr

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/mdp/qrterminal/v3"
	rscqr "rsc.io/qr"
)

// Background is the terminal's background as the terminal reports it (or the UI's default).
type Background int

const (
	// Dark is a dark background with light text (the common terminal default).
	Dark Background = iota
	// Light is a light background with dark text.
	Light
)

// Level is the QR error correction level. The zero value is Medium.
type Level int

const (
	Medium   Level = iota // 15 % of the code can be lost; the default
	Low                   // 7 %: smallest code, fine on a clean screen
	Quartile              // 25 %
	High                  // 30 %
)

// DefaultQuietZone is the blank margin the QR standard asks for, in modules, on each side.
const DefaultQuietZone = 4

// Options say how to draw a code.
type Options struct {
	// Background the code is drawn on; the glyphs are chosen so that the code reads as dark
	// modules on a light quiet zone, which every scanner accepts.
	Background Background
	// Invert swaps dark and light modules, for a terminal whose reported background is wrong
	// (or a scanner that only reads inverted codes).
	Invert bool
	// Level of error correction; Medium when zero.
	Level Level
	// QuietZone in modules on each side; DefaultQuietZone when zero or negative.
	QuietZone int
	// Colour paints every module, quiet zone included, with cell background colours
	// (colour.go), for any terminal with colour: Background and Invert then do not apply.
	// Without colour (NO_COLOR, a terminal with none) the glyphs are drawn in the terminal's own
	// colours.
	Colour bool
}

// Rendering is a code drawn with terminal characters.
type Rendering struct {
	// Text holds Height lines of Width cells each, joined by "\n", with no final newline.
	Text string
	// Width and Height are the terminal cells the code needs (columns and rows).
	Width, Height int
	// Modules is the side of the QR symbol itself, without the quiet zone.
	Modules int
}

// glyphs is a half-block set: each cell shows two modules, top and bottom.
type glyphs struct{ both, topOnly, bottomOnly, neither string } // which halves are dark

// The terminal paints a space in its background colour and a block in its text colour. On a dark
// background the dark modules are therefore spaces and the light ones blocks; on a light
// background the other way round. Either way the quiet zone comes out light.
var (
	darkBackground  = glyphs{both: " ", topOnly: "▄", bottomOnly: "▀", neither: "█"}
	lightBackground = glyphs{both: "█", topOnly: "▀", bottomOnly: "▄", neither: " "}
)

func (o Options) glyphs() glyphs {
	if (o.Background == Light) != o.Invert {
		return lightBackground
	}
	return darkBackground
}

func (l Level) rsc() rscqr.Level {
	switch l {
	case Low:
		return rscqr.L
	case Quartile:
		return rscqr.Q
	case High:
		return rscqr.H
	}
	return rscqr.M
}

// maxBytes is the byte-mode capacity of a version 40 symbol (ISO/IEC 18004 table 7), the largest
// QR code there is. rsc.io/qr picks numeric or alphanumeric mode when it can, which only packs
// more, so a text of at most this many bytes always encodes. TestMaxBytesIsTheRealLimit checks
// these against the encoder.
var maxBytes = map[Level]int{Low: 2953, Medium: 2331, Quartile: 1663, High: 1273}

// MaxBytes is the longest text (in bytes) a code of level l can hold. Longer text makes
// qrterminal panic, so Render refuses it first.
func MaxBytes(l Level) int { return maxBytes[normLevel(l)] }

func normLevel(l Level) Level {
	if _, ok := maxBytes[l]; !ok {
		return Medium
	}
	return l
}

// Render draws text as a QR code. The only error is ErrTooLong.
func Render(text string, o Options) (Rendering, error) {
	o.Level = normLevel(o.Level)
	if o.QuietZone <= 0 {
		o.QuietZone = DefaultQuietZone
	}
	if max := MaxBytes(o.Level); len(text) > max {
		return Rendering{}, newError(ErrTooLong, map[string]any{"Max": max})
	}
	if o.Colour {
		return renderColour(text, o)
	}
	g := o.glyphs()
	var buf bytes.Buffer
	qrterminal.GenerateWithConfig(text, qrterminal.Config{
		Writer:         &buf,
		Level:          o.Level.rsc(),
		HalfBlocks:     true,
		QuietZone:      o.QuietZone,
		BlackChar:      g.both,
		BlackWhiteChar: g.topOnly,
		WhiteBlackChar: g.bottomOnly,
		WhiteChar:      g.neither,
	})
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	// qrterminal closes an odd half row (above the code when the quiet zone is odd, below it when
	// even) with "dark" halves meant to melt into a dark terminal background. On a light
	// background those halves would draw a black bar: make them blank (background) instead.
	if g == lightBackground {
		edge := len(lines) - 1
		if o.QuietZone%2 != 0 {
			edge = 0
		}
		lines[edge] = strings.Repeat(" ", utf8.RuneCountInString(lines[edge]))
	}
	return Rendering{
		Text:    strings.Join(lines, "\n"),
		Width:   utf8.RuneCountInString(lines[0]),
		Height:  len(lines),
		Modules: utf8.RuneCountInString(lines[0]) - 2*o.QuietZone,
	}, nil
}
