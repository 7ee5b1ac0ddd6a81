package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Layout rules, in one place: how text wraps, how columns join, how blocks fit a height and how a
// line is cut. Every screen draws with these (layout_test.go holds their rules).
//
// Wrapping breaks lines at spaces only. An address, a guest identity, a URL or a phone number is
// one word: it moves whole to the next line, and only a word longer than the line is broken.
// lipgloss and x/ansi also break after every hyphen, which cut "no-reply@auvenir.ca" and
// "212-555-0100" in two.

// A label in quotes (“Send code”, « Send code ») is one word too when it fits on a line: a
// client looks for it on Microsoft's page as it is written, and one broken over two lines reads
// as two labels (issue 20, item 6).

// glue stands for a space inside a quoted label while the text is wrapped: one cell wide, never
// a place to break, and never in the guide's text.
const glue = '\ue000'

// glueQuotes joins the words of each quoted label that fits in w cells.
func glueQuotes(para string, w int) string {
	if !strings.ContainsAny(para, "“«") {
		return para
	}
	r := []rune(para)
	for i := 0; i < len(r); i++ {
		var end rune
		switch r[i] {
		case '“':
			end = '”'
		case '«':
			end = '»'
		default:
			continue
		}
		j := i + 1
		for j < len(r) && r[j] != end {
			j++
		}
		if j == len(r) {
			break
		}
		if cells(string(r[i:j+1])) <= w {
			for k := i + 1; k < j; k++ {
				if r[k] == ' ' {
					r[k] = glue
				}
			}
		}
		i = j
	}
	return string(r)
}

// wrapWords lays text out in lines of at most w cells. Explicit line breaks are kept; runs of
// spaces at a break are dropped; a no-break space (U+00A0) never breaks, nor does a quoted
// label that fits on a line.
func wrapWords(text string, w int) string {
	if w < 1 {
		w = 1
	}
	if cells(text) <= w && !strings.Contains(text, "\n") {
		return text
	}
	var b strings.Builder
	for i, para := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		wrapParagraph(&b, glueQuotes(para, w-(len(para)-len(strings.TrimLeft(para, " ")))), w)
	}
	return strings.ReplaceAll(b.String(), string(glue), " ")
}

func wrapParagraph(b *strings.Builder, para string, w int) {
	if cells(para) <= w {
		b.WriteString(para)
		return
	}
	// Leading spaces are an indent the writer meant; they stay on the first line.
	indent := len(para) - len(strings.TrimLeft(para, " "))
	col := 0
	if indent > w/2 {
		indent = 0 // an indent as wide as the line leaves no room: the words go flush
	}
	if indent > 0 {
		b.WriteString(para[:indent])
		col = indent
	}
	first := true
	for _, word := range strings.Split(strings.TrimLeft(para, " "), " ") {
		if word == "" {
			continue
		}
		ww := cells(word)
		switch {
		case !first && col+1+ww <= w:
			b.WriteByte(' ')
			col++
		case !first:
			b.WriteByte('\n')
			col = 0
		}
		first = false
		if ww > w-col {
			// Longer than the line: break it, since nothing else can show it whole.
			if col > 0 {
				b.WriteByte('\n')
				col = 0
			}
			pieces := breakWord(word, w)
			b.WriteString(strings.Join(pieces, "\n"))
			col = cells(pieces[len(pieces)-1])
			continue
		}
		b.WriteString(word)
		col += ww
	}
}

// breakWord cuts a word longer than w into lines of at most w cells, each cut where the word has
// a seam when one falls in the second half of the line: before "@" or "#", after "/", "?" or "&",
// else after ".", "-" or "_". "jane_firm.ca#EXT#@DMCHosting.onmicrosoft.com" breaks before its
// "@". Words with escape codes are cut by width alone.
func breakWord(word string, w int) []string {
	if strings.ContainsRune(word, '\x1b') {
		return strings.Split(ansi.Hardwrap(word, w, false), "\n")
	}
	var out []string
	r := []rune(word)
	for len(r) > 0 {
		if ansi.StringWidth(string(r)) <= w {
			out = append(out, string(r))
			break
		}
		// n: how many runes fit in w cells.
		n, cells := 0, 0
		for n < len(r) {
			cw := ansi.StringWidth(string(r[n]))
			if cells+cw > w {
				break
			}
			cells += cw
			n++
		}
		cut, weak := 0, 0
		for i := n; i > n/2 && i > 0 && cut == 0; i-- {
			switch {
			case i < len(r) && (r[i] == '@' || r[i] == '#'), strings.ContainsRune("/?&", r[i-1]):
				cut = i
			case weak == 0 && strings.ContainsRune(".-_", r[i-1]):
				weak = i
			}
		}
		if cut == 0 {
			cut = weak
		}
		if cut == 0 {
			cut = max(1, n)
		}
		out = append(out, string(r[:cut]))
		r = r[cut:]
	}
	return out
}

// fill renders text in style in at most w cells, wrapped by wrapWords. The style's padding and
// border count in w, as lipgloss counts them. Lines are not padded to w: the viewport and the
// frame pad what they show, and letting lipgloss wrap and pad again cost a fifth of a frame.
func fill(style lipgloss.Style, text string, w int) string {
	w = max(1, w)
	inner := max(1, w-style.GetHorizontalFrameSize())
	return style.Render(wrapWords(text, inner))
}

// cells is the width of s in terminal cells. Text made only of characters one cell wide on every
// terminal (ASCII, Latin-1 and Latin Extended letters without combining marks, the typographic
// punctuation of « » ’ “ ” … and arrows), which is nearly every word of both languages, is
// counted rune by rune; anything else is measured by grapheme clusters.
func cells(s string) int {
	n := 0
	for _, r := range s {
		if !narrow(r) {
			return ansi.StringWidth(s)
		}
		n++
	}
	return n
}

func narrow(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0, r == 0xad: // controls (escape codes), soft hyphen
		return false
	case r < 0x300: // up to the combining marks
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e: // dashes, quotes, bullets, …
		return true
	case r >= 0x2190 && r <= 0x21ff: // arrows
		return true
	}
	return false
}

// wrap renders text with style at width w and returns its lines.
func wrap(style lipgloss.Style, text string, w int) []string {
	return strings.Split(fill(style, text, w), "\n")
}

// hanging renders "mark text" with the text's wrapped lines indented under its first word.
// The mark is one column wide, so the indent is two spaces: joining by hand avoids measuring
// every line again as lipgloss.JoinHorizontal does.
func hanging(mark string, style lipgloss.Style, text string, w int) string {
	lines := wrap(style, text, max(10, w-2))
	for i := range lines {
		if i == 0 {
			lines[i] = mark + " " + lines[i]
		} else {
			lines[i] = "  " + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// truncate cuts s to w cells with an ellipsis. Only for what must stay on one line (a header, a
// list entry): text that can wrap is wrapped instead.
func truncate(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, max(0, w), glyphs.More)
}

// joinColumns puts right beside left, whose lines are padded to width lw and then gap spaces. It
// measures each left line once; lipgloss.JoinHorizontal measures every line of both sides.
func joinColumns(left []string, lw, gap int, right []string) []string {
	out := make([]string, max(len(left), len(right)))
	for i := range out {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = l + strings.Repeat(" ", max(0, lw-lipgloss.Width(l))+gap) + r
	}
	return out
}

// Full-screen layout: a left panel (a QR code) and a right column of text, then the support
// line on the last row, which every screen keeps in sight.
const (
	columnMin = 30 // the narrowest right column: the key in two lines of four groups, and words
	columnGap = 2
)

// sideBySide joins left (lines of width lw; lw 0 for none) and right into h lines of the window.
func sideBySide(left []string, lw int, right []string, h int) []string {
	var out []string
	if lw == 0 {
		for _, r := range right {
			out = append(out, " "+r)
		}
	} else {
		out = joinColumns(left, lw, columnGap, right)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:h]
}

// padLines makes lines exactly h long: blank lines added, or the end cut.
func padLines(lines []string, h int) []string {
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines[:max(0, h)]
}

// section is a block of lines in a column; when the column is too short, the sections with the
// lowest keep go first.
type section struct {
	lines []string
	keep  int
}

// fitSections joins sections with blank lines between them when there is room, without when not;
// if that is still too tall, it leaves out the least needed sections, then cuts the end.
func fitSections(secs []section, h int) []string {
	join := func(gap bool, dropped map[int]bool) []string {
		var out []string
		for i, s := range secs {
			if len(s.lines) == 0 || dropped[i] {
				continue
			}
			if gap && len(out) > 0 {
				out = append(out, "")
			}
			out = append(out, s.lines...)
		}
		return out
	}
	dropped := map[int]bool{}
	for {
		if out := join(true, dropped); len(out) <= h {
			return out
		}
		if out := join(false, dropped); len(out) <= h {
			return out
		}
		low := -1
		for i, s := range secs {
			if !dropped[i] && len(s.lines) > 0 && (low < 0 || s.keep < secs[low].keep) {
				low = i
			}
		}
		if low < 0 || len(secs)-len(dropped) <= 1 {
			out := join(false, dropped)
			return out[:min(len(out), max(0, h))]
		}
		dropped[low] = true
	}
}

// fitLines is fitSections for sections given most needed first, except the last (the keys),
// which is kept longest.
func fitLines(sections [][]string, h int) []string {
	secs := make([]section, len(sections))
	for i, l := range sections {
		secs[i] = section{l, len(sections) - i}
	}
	if n := len(secs); n > 0 {
		secs[n-1].keep = n + 1
	}
	return fitSections(secs, h)
}

// keyRows shows a grouped key four groups to a line (19 columns), or fewer when narrower.
func keyRows(style lipgloss.Style, grouped string, w int) []string {
	groups := strings.Fields(grouped)
	per := max(1, min(4, (w+1)/5))
	var out []string
	for i := 0; i < len(groups); i += per {
		out = append(out, style.Render(strings.Join(groups[i:min(i+per, len(groups))], " ")))
	}
	return out
}
