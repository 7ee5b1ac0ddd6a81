package screenqr

import (
	"image"
	"image/color"
	"strconv"
	"strings"
)

// cell is one character with the grey levels it is painted in; -1 is the theme's default.
type cell struct {
	ch     rune
	fg, bg int
}

// parseANSI reads a line of text with SGR colour sequences (24-bit "38;2;r;g;b" and "48;2;r;g;b",
// resets): what a colour drawing of a QR code is made of. Other escape sequences (cursor, OSC 8
// links) are skipped.
func parseANSI(line string) []cell {
	var out []cell
	fg, bg := -1, -1
	rs := []rune(line)
	for i := 0; i < len(rs); i++ {
		if rs[i] != 0x1b {
			out = append(out, cell{rs[i], fg, bg})
			continue
		}
		if i+1 >= len(rs) {
			break
		}
		switch rs[i+1] {
		case '[':
			j := i + 2
			for j < len(rs) && (rs[j] < 0x40 || rs[j] > 0x7e) {
				j++
			}
			if j < len(rs) && rs[j] == 'm' {
				fg, bg = sgr(string(rs[i+2:j]), fg, bg)
			}
			i = j
		case ']': // OSC, ended by BEL or ESC \
			j := i + 2
			for j < len(rs) && rs[j] != 0x07 && !(rs[j] == 0x1b && j+1 < len(rs) && rs[j+1] == '\\') {
				j++
			}
			if j < len(rs) && rs[j] == 0x1b {
				j++
			}
			i = j
		default:
			i++
		}
	}
	return out
}

func sgr(params string, fg, bg int) (int, int) {
	ps := strings.Split(params, ";")
	for k := 0; k < len(ps); k++ {
		n, _ := strconv.Atoi(ps[k])
		switch {
		case n == 0:
			fg, bg = -1, -1
		case n == 39:
			fg = -1
		case n == 49:
			bg = -1
		case (n == 38 || n == 48) && k+4 < len(ps) && ps[k+1] == "2":
			r, _ := strconv.Atoi(ps[k+2])
			g, _ := strconv.Atoi(ps[k+3])
			b, _ := strconv.Atoi(ps[k+4])
			v := min(255, max(0, int(0.3*float64(r)+0.59*float64(g)+0.11*float64(b))))
			if n == 38 {
				fg = v
			} else {
				bg = v
			}
			k += 4
		case (n == 38 || n == 48) && k+2 < len(ps) && ps[k+1] == "5":
			i, _ := strconv.Atoi(ps[k+2])
			if n == 38 {
				fg = grey256(i)
			} else {
				bg = grey256(i)
			}
			k += 2
		case n >= 30 && n <= 37, n >= 90 && n <= 97:
			fg = grey16(n%10, n >= 90)
		case n >= 40 && n <= 47, n >= 100 && n <= 107:
			bg = grey16(n%10, n >= 100)
		}
	}
	return fg, bg
}

// grey256 is the grey level of a colour of the 256-colour palette (xterm's values).
func grey256(i int) int {
	i = min(255, max(0, i))
	switch {
	case i < 16:
		return grey16(i%8, i >= 8)
	case i >= 232:
		return min(255, 8+(i-232)*10)
	}
	i -= 16
	level := func(c int) int {
		if c == 0 {
			return 0
		}
		return 55 + 40*c
	}
	r, g, b := level(i/36), level(i/6%6), level(i%6)
	return int(0.3*float64(r) + 0.59*float64(g) + 0.11*float64(b))
}

// grey16 is the grey level of one of the 16 basic colours: black, white and the rest between.
func grey16(c int, bright bool) int {
	switch {
	case c == 0 && !bright:
		return 0
	case c == 7 && bright:
		return 255
	case c == 7, c == 0:
		return 128
	}
	return 100
}

// PictureANSI is Picture for a screen with colours: each cell painted in its own colours, the
// theme's where it has none.
func PictureANSI(screen string, th Theme) *image.Gray {
	lines := strings.Split(screen, "\n")
	rows := make([][]cell, len(lines))
	w := 0
	for i, l := range lines {
		rows[i] = parseANSI(l)
		w = max(w, len(rows[i]))
	}
	img := image.NewGray(image.Rect(0, 0, (w+2*margin)*px, (2*len(lines)+2*margin)*px))
	for i := range img.Pix {
		img.Pix[i] = th.BG
	}
	fill := func(col, half int, v uint8) {
		for y := range px {
			for x := range px {
				img.SetGray((col+margin)*px+x, (half+margin)*px+y, color.Gray{Y: v})
			}
		}
	}
	for row, cs := range rows {
		for col, c := range cs {
			fg, bg := th.FG, th.BG
			if c.fg >= 0 {
				fg = uint8(c.fg)
			}
			if c.bg >= 0 {
				bg = uint8(c.bg)
			}
			top, bottom := bg, bg
			switch c.ch {
			case '█':
				top, bottom = fg, fg
			case '▀':
				top = fg
			case '▄':
				bottom = fg
			}
			fill(col, 2*row, top)
			fill(col, 2*row+1, bottom)
		}
	}
	return img
}

// ScanANSI paints a screen with colours with th for what has none, and decodes it.
func ScanANSI(screen string, th Theme) ([]string, error) { return Decode(PictureANSI(screen, th)) }
