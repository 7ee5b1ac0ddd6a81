package endpoints

import "strconv"

// The TOML decoder's memory grows much faster than its input on some shapes: 10 000 nested
// inline tables (40 KB) take about 3 GB, a 400 KB "[a.a.a…]" header more than 11 GB. The list's
// format needs two levels ([[group.endpoint]]), so checkShape refuses deep nesting before the
// decoder sees the text.
const (
	maxNesting    = 8 // open [ and { at once (the format needs 4 at most: group = [{endpoint = [{…}]}])
	maxDottedKeys = 8 // dots outside strings and comments on one line (a key's parts; the format needs 1)
)

// checkShape scans raw as TOML text, skipping strings and comments, and returns the line (from
// 1) where nesting goes deeper than maxNesting or a line holds more than maxDottedKeys dots; 0
// when neither happens. It reads nothing else: the decoder reports every other mistake.
func checkShape(raw []byte) (line int, detail string) {
	line = 1
	depth, dots := 0, 0
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '\n':
			line++
			dots = 0
		case '#':
			for i < len(raw) && raw[i] != '\n' {
				i++
			}
			i-- // the newline is counted by the loop
		case '"', '\'':
			var skipped int
			i, skipped = skipString(raw, i)
			line += skipped
		case '[', '{':
			depth++
			if depth > maxNesting {
				return line, "nested more than " + strconv.Itoa(maxNesting) + " levels deep"
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		case '.':
			dots++
			if dots > maxDottedKeys {
				return line, "a key of more than " + strconv.Itoa(maxDottedKeys) + " parts"
			}
		}
	}
	return 0, ""
}

// skipString returns the index of the last byte of the string that starts at raw[i] (a quote),
// and the number of newlines inside it. An unterminated string runs to the end.
func skipString(raw []byte, i int) (end, newlines int) {
	q := raw[i]
	multi := i+2 < len(raw) && raw[i+1] == q && raw[i+2] == q
	j := i + 1
	if multi {
		j = i + 3
	}
	for ; j < len(raw); j++ {
		switch raw[j] {
		case '\\':
			if q == '"' {
				if j+1 < len(raw) && raw[j+1] == '\n' {
					newlines++
				}
				j++
			}
		case '\n':
			newlines++
			if !multi {
				return j - 1, newlines - 1 // the decoder reports the unterminated string
			}
		case q:
			if !multi {
				return j, newlines
			}
			if j+2 < len(raw) && raw[j+1] == q && raw[j+2] == q {
				// Up to two more quotes may belong to the string: """a""""" ends after five.
				j += 2
				for j+1 < len(raw) && raw[j+1] == q {
					j++
				}
				return j, newlines
			}
		}
	}
	return len(raw) - 1, newlines
}
