package tui

import "strings"

// scroller is the walkthrough's scrolling text: its lines and the first one shown. It stands in
// for bubbles' viewport, which measured every line of the text and padded every shown line on
// each frame, a quarter of a frame's cost, for text that is already wrapped to its width.
type scroller struct {
	lines  []string
	offset int
	height int
}

// SetContent replaces the text; the offset stays, within the new text.
func (s *scroller) SetContent(text string) {
	s.lines = strings.Split(text, "\n")
	s.clamp()
}

func (s *scroller) SetHeight(h int) {
	s.height = max(1, h)
	s.clamp()
}

func (s *scroller) SetYOffset(n int) {
	s.offset = n
	s.clamp()
}

func (s *scroller) ScrollUp(n int)   { s.SetYOffset(s.offset - n) }
func (s *scroller) ScrollDown(n int) { s.SetYOffset(s.offset + n) }
func (s *scroller) PageUp()          { s.ScrollUp(s.height) }
func (s *scroller) PageDown()        { s.ScrollDown(s.height) }
func (s *scroller) GotoTop()         { s.offset = 0 }
func (s *scroller) GotoBottom()      { s.SetYOffset(len(s.lines)) }

// AtBottom reports whether the last line is in view.
func (s scroller) AtBottom() bool { return s.offset >= s.maxOffset() }

// Visible are the lines in view.
func (s scroller) Visible() []string {
	end := min(len(s.lines), s.offset+s.height)
	return s.lines[min(s.offset, end):end:end] // appending copies, never writes into the text
}

func (s scroller) maxOffset() int { return max(0, len(s.lines)-s.height) }

func (s *scroller) clamp() { s.offset = max(0, min(s.offset, s.maxOffset())) }
