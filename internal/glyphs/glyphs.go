// Package glyphs is the one place the symbols drawn on screen are chosen: the pass and fail
// marks, the current-item marker, box corners and the spinner. Every screen takes them from a
// Set by name, so a console whose font lacks a symbol gets its replacement everywhere at once.
package glyphs

import "charm.land/lipgloss/v2"

// Set is the symbols of one kind of terminal.
type Set struct {
	Current string // the step shown, in the step list; the chosen language
	Done    string // a step gone through; a check passed
	Fail    string // a check failed: differs from Done in shape, never only in colour
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
	// Corners, top left, top right, bottom left, bottom right.
	TopLeft, TopRight, BottomLeft, BottomRight string
	Spinner                                    []string // frames of the activity spinner
	Classic                                    bool     // this is the Classic set
}

// Unicode is for terminals that fall back to another font for a symbol their own lacks (every
// Linux and macOS terminal emulator, Windows Terminal).
var Unicode = Set{
	Current: "▸", Done: "✓", Fail: "✗", Bullet: "•", Warn: "!", Hint: "›", Bad: "•",
	Sep: "·", More: "…", Prompt: "›", Right: "→", Left: "←", UpDown: "↑/↓",
	TopLeft: "╭", TopRight: "╮", BottomLeft: "╰", BottomRight: "╯",
	Spinner: []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"},
}

// Classic is for consoles drawing from one font with no fallback: the Windows console host
// (conhost) with Consolas or Lucida Console, and the Linux virtual console. Every symbol is in
// Windows Glyph List 4, which those fonts cover: √ (U+221A) and × (U+00D7), ► (U+25BA), the
// light box corners (U+250C…U+2518), • (U+2022), › (U+203A) and ASCII.
var Classic = Set{
	Current: "►", Done: "√", Fail: "×", Bullet: "•", Warn: "!", Hint: "›", Bad: "•",
	// · … › ← ↑ → ↓ are in Windows Glyph List 4 (U+00B7, U+2026, U+203A, U+2190…U+2193).
	Sep: "·", More: "…", Prompt: "›", Right: "→", Left: "←", UpDown: "↑/↓",
	TopLeft: "┌", TopRight: "┐", BottomLeft: "└", BottomRight: "┘",
	Spinner: []string{"|", "/", "-", `\`},
	Classic: true,
}

// Mark is the pass (Done) or the fail mark.
func (s Set) Mark(pass bool) string {
	if pass {
		return s.Done
	}
	return s.Fail
}

// Border is lipgloss's rounded border with this set's corners (the light lines are in every
// font the Classic set is for).
func (s Set) Border() lipgloss.Border {
	b := lipgloss.RoundedBorder()
	b.TopLeft, b.TopRight, b.BottomLeft, b.BottomRight = s.TopLeft, s.TopRight, s.BottomLeft, s.BottomRight
	return b
}

// ForTerminal picks the set for the terminal the program runs in, from its environment:
//   - Windows with TERM unset and neither WT_SESSION (Windows Terminal) nor TERM_PROGRAM (the
//     VS Code terminal, among others) is the console host of a double-click or of cmd.exe and
//     PowerShell started from the Start menu: its fonts have no fallback, whatever the code page
//     (Go writes UTF-16 to the console, so the code page does not change what is drawn; the font
//     does). mintty, MSYS2 and SSH sessions set TERM and have fallback fonts.
//   - TERM=linux is the Linux virtual console, whose fonts hold 256 or 512 glyphs.
func ForTerminal(goos string, getenv func(string) string) Set {
	term := getenv("TERM")
	switch {
	case goos == "windows" && term == "" && getenv("WT_SESSION") == "" && getenv("TERM_PROGRAM") == "":
		return Classic
	case term == "linux":
		return Classic
	}
	return Unicode
}
