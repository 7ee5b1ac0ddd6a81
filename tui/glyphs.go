package tui

import glyphset "github.com/auvenir/auvenir-onboard/internal/glyphs"

// glyphs is the set of symbols every screen draws, by name (internal/glyphs): the Unicode set,
// or the one Run picks for the terminal in use (the classic Windows console's fonts lack ✓ ✗ ▸,
// the rounded corners and the braille spinner). One program runs per process, so one set.
var glyphs = glyphset.Unicode
