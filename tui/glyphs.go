package tui

// glyphSet names the symbols the screens draw, so a terminal that lacks them (the Windows
// console's raster fonts) can be given another set in one place.
type glyphSet struct {
	Current string // the step shown, in the step list; the chosen language
	Done    string // a step gone through; a check passed
	Bullet  string // an item of a list
	Warn    string // something to watch
	Hint    string // a tip
	Bad     string // an item that failed
}

// glyphs is the set in use.
var glyphs = glyphSet{Current: "▸", Done: "✓", Bullet: "•", Warn: "!", Hint: "›", Bad: "•"}
