package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// rgb is a resolved colour.
type rgb struct{ r, g, b uint8 }

func (c rgb) String() string { return fmt.Sprintf("%d;%d;%d", c.r, c.g, c.b) }

func parseHex(s string) (rgb, error) {
	s = strings.TrimPrefix(s, "#")
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil || len(s) != 6 {
		return rgb{}, fmt.Errorf("%q is not a #rrggbb colour", s)
	}
	return rgb{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// colour is a cell colour as the program set it: the pane's default, one of the 256 indexed
// colours, or RGB.
type colour struct {
	kind  byte // 0 default, 'i' indexed, 'r' RGB
	index uint8
	rgb   rgb
}

// sgr is the graphic state tmux's capture sets with SGR sequences.
type sgr struct {
	fg, bg                                          colour
	bold, faint, italic, underline, reverse, strike bool
}

// theme is the pane: its default colours (tmux window-style) and the 16 ANSI colours.
type theme struct {
	fg, bg rgb
	ansi   [16]rgb
}

// mocha is the 16-colour palette of Catppuccin Mocha, whose base (#1e1e2e) and text (#cdd6f4)
// the script gives the tmux pane.
var mocha = [16]string{
	"#45475a", "#f38ba8", "#a6e3a1", "#f9e2af", "#89b4fa", "#f5c2e7", "#94e2d5", "#bac2de",
	"#585b70", "#f38ba8", "#a6e3a1", "#f9e2af", "#89b4fa", "#f5c2e7", "#94e2d5", "#a6adc8",
}

func newTheme(fg, bg string) (theme, error) {
	var t theme
	var err error
	if t.fg, err = parseHex(fg); err != nil {
		return t, err
	}
	if t.bg, err = parseHex(bg); err != nil {
		return t, err
	}
	for i, h := range mocha {
		t.ansi[i], _ = parseHex(h)
	}
	return t, nil
}

// indexed is colour n of the 256-colour palette: the theme's 16, the 6×6×6 cube, the greys.
func (t theme) indexed(n uint8) rgb {
	switch {
	case n < 16:
		return t.ansi[n]
	case n < 232:
		n -= 16
		level := func(v uint8) uint8 {
			if v == 0 {
				return 0
			}
			return 55 + 40*v
		}
		return rgb{level(n / 36), level(n / 6 % 6), level(n % 6)}
	default:
		v := 8 + 10*(n-232)
		return rgb{v, v, v}
	}
}

func (t theme) resolve(c colour, def rgb) rgb {
	switch c.kind {
	case 'i':
		return t.indexed(c.index)
	case 'r':
		return c.rgb
	}
	return def
}

// look is what a cell looks like once the state is resolved: what freeze is told.
type look struct {
	fg, bg                    rgb
	hasBG                     bool
	italic, underline, strike bool
}

func (t theme) look(s sgr) look {
	fg, bg := t.resolve(s.fg, t.fg), t.resolve(s.bg, t.bg)
	hasBG := s.bg.kind != 0
	if s.reverse {
		fg, bg, hasBG = bg, fg, true
	}
	if s.faint { // as terminals draw it: halfway to the background
		fg = rgb{mid(fg.r, bg.r), mid(fg.g, bg.g), mid(fg.b, bg.b)}
	}
	if s.bold && s.fg.kind == 'i' && s.fg.index < 8 { // bold brightens the first 8, as xterm does
		fg = t.ansi[s.fg.index+8]
	}
	return look{fg: fg, bg: bg, hasBG: hasBG, italic: s.italic, underline: s.underline, strike: s.strike}
}

func mid(a, b uint8) uint8 { return uint8((int(a) + int(b)) / 2) }

// apply updates s with the parameters of one SGR sequence ("1;38;5;111", "0", "").
func (s *sgr) apply(params string) {
	var ps []int
	for _, p := range strings.FieldsFunc(params, func(r rune) bool { return r == ';' || r == ':' }) {
		n, err := strconv.Atoi(p)
		if err != nil {
			return // a form tmux does not write: leave the state alone
		}
		ps = append(ps, n)
	}
	if len(ps) == 0 {
		ps = []int{0}
	}
	extended := func(i int) (colour, int) {
		switch {
		case i+2 < len(ps) && ps[i+1] == 5:
			return colour{kind: 'i', index: uint8(ps[i+2])}, i + 2
		case i+4 < len(ps) && ps[i+1] == 2:
			return colour{kind: 'r', rgb: rgb{uint8(ps[i+2]), uint8(ps[i+3]), uint8(ps[i+4])}}, i + 4
		}
		return colour{}, len(ps) // malformed: ignore the rest of the sequence
	}
	for i := 0; i < len(ps); i++ {
		switch p := ps[i]; {
		case p == 0:
			*s = sgr{}
		case p == 1:
			s.bold = true
		case p == 2:
			s.faint = true
		case p == 3:
			s.italic = true
		case p == 4:
			s.underline = true
		case p == 7:
			s.reverse = true
		case p == 9:
			s.strike = true
		case p == 22:
			s.bold, s.faint = false, false
		case p == 23:
			s.italic = false
		case p == 24:
			s.underline = false
		case p == 27:
			s.reverse = false
		case p == 29:
			s.strike = false
		case p >= 30 && p <= 37:
			s.fg = colour{kind: 'i', index: uint8(p - 30)}
		case p == 38:
			s.fg, i = extended(i)
		case p == 39:
			s.fg = colour{}
		case p >= 40 && p <= 47:
			s.bg = colour{kind: 'i', index: uint8(p - 40)}
		case p == 48:
			s.bg, i = extended(i)
		case p == 49:
			s.bg = colour{}
		case p >= 90 && p <= 97:
			s.fg = colour{kind: 'i', index: uint8(p - 90 + 8)}
		case p >= 100 && p <= 107:
			s.bg = colour{kind: 'i', index: uint8(p - 100 + 8)}
		}
	}
}

// flatten rewrites a capture so that every change of look is "ESC[0m", then one sequence with
// the attributes and the foreground as RGB, then the background as RGB if it is not the pane's.
// freeze understands that subset; it ignores 39, 49, faint and reverse, and drops the colour
// when an attribute comes in a sequence of its own. Other escape sequences (OSC 8 links) are
// removed, trailing blanks in the pane's colours are trimmed, and lines are joined by "\n"
// without a final one, so the image has exactly the pane's rows.
func flatten(in string, t theme) string {
	var out strings.Builder
	var s sgr
	lines := strings.Split(strings.TrimSuffix(in, "\n"), "\n")
	for n, line := range lines {
		if n > 0 {
			out.WriteByte('\n')
		}
		type cell struct {
			r rune
			l look
		}
		var cells []cell
		for i := 0; i < len(line); {
			if line[i] != 0x1b {
				r, size := utf8.DecodeRuneInString(line[i:])
				cells = append(cells, cell{r, t.look(s)})
				i += size
				continue
			}
			i = skipEscape(line, i, &s)
		}
		for len(cells) > 0 {
			c := cells[len(cells)-1]
			if c.r != ' ' || c.l.hasBG || c.l.underline || c.l.strike {
				break
			}
			cells = cells[:len(cells)-1]
		}
		// freeze places backgrounds on a grid of 1/1.68 em but its font advances 0.6 em, so a
		// background falls short of its text by a few pixels near the right edge: one more
		// cell under a line's last background (the title bar) covers the last letter.
		if k := len(cells); k > 0 && cells[k-1].l.hasBG {
			cells = append(cells, cell{' ', cells[k-1].l})
		}
		var prev *look
		for _, c := range cells {
			if prev == nil || *prev != c.l {
				l := c.l
				prev = &l
				out.WriteString(sequence(l))
			}
			out.WriteRune(c.r)
		}
		if prev != nil {
			out.WriteString("\x1b[0m")
		}
	}
	return out.String()
}

func sequence(l look) string {
	var attrs []string
	if l.italic {
		attrs = append(attrs, "3")
	}
	if l.underline {
		attrs = append(attrs, "4")
	}
	if l.strike {
		attrs = append(attrs, "9")
	}
	attrs = append(attrs, "38;2;"+l.fg.String())
	s := "\x1b[0m\x1b[" + strings.Join(attrs, ";") + "m"
	if l.hasBG {
		s += "\x1b[48;2;" + l.bg.String() + "m"
	}
	return s
}

// skipEscape reads the escape sequence at line[i], applies it to s if it is SGR, and returns
// the index after it.
func skipEscape(line string, i int, s *sgr) int {
	if i+1 >= len(line) {
		return len(line)
	}
	switch line[i+1] {
	case '[': // CSI: parameters, intermediates, one final byte
		j := i + 2
		for j < len(line) && (line[j] < 0x40 || line[j] > 0x7e) {
			j++
		}
		if j >= len(line) {
			return len(line)
		}
		if line[j] == 'm' {
			s.apply(line[i+2 : j])
		}
		return j + 1
	case ']', 'P', '_', '^': // OSC and other strings: up to BEL or ESC \
		for j := i + 2; j < len(line); j++ {
			if line[j] == 0x07 {
				return j + 1
			}
			if line[j] == 0x1b && j+1 < len(line) && line[j+1] == '\\' {
				return j + 2
			}
		}
		return len(line)
	}
	return i + 2
}

func flattenMain(args []string) error {
	fs := flag.NewFlagSet("flatten", flag.ContinueOnError)
	fg := fs.String("fg", "#cdd6f4", "the pane's default foreground")
	bg := fs.String("bg", "#1e1e2e", "the pane's default background")
	if err := fs.Parse(args); err != nil {
		return err
	}
	t, err := newTheme(*fg, *bg)
	if err != nil {
		return err
	}
	in, err := io.ReadAll(bufio.NewReader(os.Stdin))
	if err != nil {
		return err
	}
	_, err = io.WriteString(os.Stdout, flatten(string(in), t))
	return err
}
