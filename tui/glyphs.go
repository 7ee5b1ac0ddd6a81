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
	Sep     string // between a heading and its title: "Step 4 of 9 · title"
	More    string // the end of a line cut short
	Prompt  string // before a field's text
	Right   string // the key → in the help
	Left    string // the key ←
	UpDown  string // the keys ↑ and ↓
}

// glyphs is the set in use.
var glyphs = glyphSet{Current: "▸", Done: "✓", Bullet: "•", Warn: "!", Hint: "›", Bad: "•",
	Sep: "·", More: "…", Prompt: "›", Right: "→", Left: "←", UpDown: "↑/↓"}
