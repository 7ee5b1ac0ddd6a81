// Package sanitize makes text that came from outside the program (a server's certificate or
// status line, a proxy's refusal, a file, an argument, typed or pasted input) safe to write to
// a terminal. A terminal obeys escape sequences wherever they come from: an issuer name holding
// one can retitle the window, clear the screen, colour what follows or set the clipboard
// (OSC 52). Every text output except JSON (whose encoder escapes control characters) passes
// such text through Text or Lines first.
package sanitize

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Text is s on one line, without escape sequences or control characters: an escape sequence
// is removed whole (so no "[31m" is left behind), a tab, carriage return or newline becomes a
// space, other C0 and C1 controls, DEL and the bidirectional overrides, isolates and marks
// (which reorder what is shown) are removed, and invalid UTF-8 becomes U+FFFD.
func Text(s string) string { return clean(s, false) }

// Lines is Text keeping newlines and tabs, for text of several lines.
func Lines(s string) string { return clean(s, true) }

func clean(s string, keepLines bool) string {
	if safe(s, keepLines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == 0x1b:
			i = skipEscape(s, i+1)
			continue
		case r == 0x9b: // CSI as one character
			i = skipCSI(s, i+size)
			continue
		case r == 0x90 || r == 0x9d || r == 0x9e || r == 0x9f || r == 0x98: // DCS OSC PM APC SOS
			i = skipString(s, i+size)
			continue
		case r == '\n' || r == '\t':
			if keepLines {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case r == '\r':
			if !keepLines {
				b.WriteByte(' ')
			}
		case isControl(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// safe reports whether s needs no change: the common case, checked without allocating.
func safe(s string, keepLines bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		if keepLines && (c == '\n' || c == '\t') {
			i++
			continue
		}
		if c < 0x80 {
			return false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isControl(r) {
			return false
		}
		i += size
	}
	return true
}

func isControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi embeddings, overrides, isolates
		return true
	case r == 0x200e, r == 0x200f, r == 0x061c: // bidi marks (LRM, RLM, ALM): invisible, they move what is around them
		return true
	}
	return false
}

// skipEscape returns the index after the escape sequence whose ESC was just before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', '^', '_', 'X': // OSC, DCS, PM, APC, SOS: a string up to ST or BEL
		return skipString(s, i+1)
	}
	// nF sequences: intermediates 0x20–0x2f, then one final byte 0x30–0x7e.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipCSI returns the index after a control sequence's final byte: parameters 0x30–0x3f and
// intermediates 0x20–0x2f, then a final byte 0x40–0x7e. Anything else ends it early.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString returns the index after a control string's terminator: BEL, ESC \ or the C1 ST
// (U+009C). An unterminated string runs to the end of s: the terminal would swallow it too.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}

// Writer passes every write through Lines: for a stream of messages that may quote outside
// text (the command line's error lines), where each message is written in one call.
type Writer struct{ W io.Writer }

func (w Writer) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.W, Lines(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
