package plain

import (
	"bufio"
	"errors"
	"io"
	"strings"
)

// maxLine bounds what one answer may hold; the rest of a longer line is read and dropped, so a
// stray file piped in cannot make the program hold it all.
const maxLine = 4096

type lineReader struct {
	br  *bufio.Reader
	err error // a read error other than the end of input
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, maxLine)}
}

// read returns the next line, trimmed, or false at the end of input. A last line without a
// newline still counts. Carriage returns (input from Windows) and a byte order mark go.
func (r *lineReader) read() (string, bool) {
	if r.err != nil {
		return "", false
	}
	var b []byte
	got := false
	for {
		chunk, more, err := r.br.ReadLine()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				r.err = err
			}
			if !got {
				return "", false
			}
			break
		}
		got = true
		if len(b) < maxLine {
			b = append(b, chunk[:min(len(chunk), maxLine-len(b))]...)
		}
		if !more {
			break
		}
	}
	s := strings.TrimPrefix(string(b), "\ufeff")
	return strings.TrimSpace(s), true
}

// printer writes lines and keeps the first error, so the dialogue stops when the output is gone
// (a closed pipe) instead of talking to no one.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(s string) {
	if p.err != nil {
		return
	}
	_, p.err = io.WriteString(p.w, s+"\n")
}
