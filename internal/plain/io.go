package plain

import (
	"bufio"
	"errors"
	"io"
	"os"
	"strings"

	"github.com/auvenir/auvenir-onboard/internal/sanitize"
)

// maxLine bounds what one answer may hold; the rest of a longer line is read and dropped, so a
// stray file piped in cannot make the program hold it all.
const maxLine = 4096

// ErrInterrupted is what Run returns when Config.Interrupt fired: the guide ended as at the end of
// input (a practice key erased, the support line said), and the program should exit as
// interrupted.
var ErrInterrupted = errors.New("plain: interrupted")

type lineReader struct {
	br  *bufio.Reader
	err error // a read error other than the end of input, or ErrInterrupted

	// With an interrupt channel, lines are read by a goroutine, so that a signal can end a
	// read that is waiting for the keyboard. It reads only when asked: nothing typed after the
	// guide ends is taken from the next reader of the console (the Windows "press any key").
	interrupt <-chan os.Signal
	want      chan struct{}
	lines     chan readResult
	done      chan struct{} // closed by stop: the goroutine need not hand over another line
	ended     bool          // the input ended or was interrupted: every read after says so
}

type readResult struct {
	line string
	ok   bool
	err  error
}

func newLineReader(r io.Reader, interrupt <-chan os.Signal) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, maxLine), interrupt: interrupt}
}

// read returns the next line, trimmed, or false at the end of input or on an interrupt.
func (r *lineReader) read() (string, bool) {
	if r.ended {
		return "", false
	}
	res := r.next()
	if res.err != nil && r.err == nil {
		r.err = res.err
	}
	if !res.ok || res.err != nil {
		r.ended = true // after a failed read, a partial last line is the last answer
	}
	return res.line, res.ok
}

func (r *lineReader) next() readResult {
	if r.interrupt == nil {
		return r.readLine()
	}
	select { // an interrupt already there wins over a line not yet asked for
	case <-r.interrupt:
		return readResult{err: ErrInterrupted}
	default:
	}
	if r.lines == nil {
		r.want, r.lines, r.done = make(chan struct{}), make(chan readResult), make(chan struct{})
		go r.feed()
	}
	r.want <- struct{}{} // the goroutine waits for this whenever the input has not ended
	select {
	case <-r.interrupt:
		return readResult{err: ErrInterrupted}
	case res := <-r.lines:
		return res
	}
}

// feed reads a line each time next asks, until the input ends or stop is called. A read
// blocked on a keyboard when an interrupt comes stays blocked; the program is ending by then.
func (r *lineReader) feed() {
	for {
		select {
		case <-r.want:
		case <-r.done:
			return
		}
		res := r.readLine()
		select {
		case r.lines <- res:
		case <-r.done:
			return
		}
		if !res.ok || res.err != nil {
			return
		}
	}
}

// stop lets the reading goroutine, if any, end.
func (r *lineReader) stop() {
	if r.done != nil {
		close(r.done)
	}
}

// readLine returns the next line, trimmed, or false at the end of input. A last line without a
// newline still counts, even when the read after it failed. Carriage returns (input from
// Windows) and a byte order mark go.
func (r *lineReader) readLine() readResult {
	var b []byte
	got := false
	var failed error
	for {
		chunk, more, err := r.br.ReadLine()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				failed = err
			}
			if !got {
				return readResult{err: failed}
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
	return readResult{line: strings.TrimSpace(s), ok: true, err: failed}
}

// printer writes lines and keeps the first error, so the dialogue stops when the output is gone
// (a closed pipe) instead of talking to no one.
type printer struct {
	w   io.Writer
	err error
}

// line writes s without any escape sequence or control character it may hold (typed or pasted
// input said back, a saved address): plain mode writes only the ones raw writes.
func (p *printer) line(s string) { p.raw(sanitize.Lines(s) + "\n") }

func (p *printer) lines(ls []string) {
	for _, l := range ls {
		p.line(l)
	}
}

// raw writes s as it is: the only escape sequence plain mode writes is the one that erases a
// practice key.
func (p *printer) raw(s string) {
	if p.err != nil {
		return
	}
	_, p.err = io.WriteString(p.w, s)
}
