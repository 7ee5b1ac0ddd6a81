package probe

import (
	"bufio"
	"context"
	"errors"
	"io"
	"math"
	"net/http"
	"strconv"
)

// MaxHeaderBytes bounds what is read of an answer (a server's, or a proxy's to CONNECT): its
// status line and headers, interim 1xx answers included. The check needs only the status and
// the Location header; curl gives up at 100 KB of headers too. Without a bound, a server that
// sends an endless header line drives the process out of memory.
const MaxHeaderBytes = 100 << 10

// max1xx is how many interim (1xx) answers are skipped before the real one; Go's HTTP client
// allows as many.
const max1xx = 5

// headReader reads at most MaxHeaderBytes from the connection while the answer's head is read,
// and remembers the connection's own first error: when http.ReadResponse reports a
// "malformed" line, the line was cut short by that error (the deadline, the peer closing), and
// the error is what classes the failure.
type headReader struct {
	r    io.Reader
	left int64
	over bool   // the limit was reached
	err  error  // the connection's first error
	head []byte // what was read, for a 407 Go's parser refuses (answer407.go)
	read bool   // the head is read: what follows (a body, a tunnel) is not kept
}

var errHeadTooLarge = errors.New("answer headers too large")

func (h *headReader) Read(p []byte) (int, error) {
	if h.left <= 0 {
		h.over = true
		return 0, errHeadTooLarge
	}
	if int64(len(p)) > h.left {
		p = p[:h.left]
	}
	n, err := h.r.Read(p)
	h.left -= int64(n)
	if !h.read {
		h.head = append(h.head, p[:n]...)
	}
	if err != nil && h.err == nil {
		h.err = err
	}
	return n, err
}

// answer is a final answer and the reader holding what followed it (a tunnel's first bytes).
type answer struct {
	resp *http.Response
	br   *bufio.Reader
}

// answerError is why no final answer could be read.
type answerError struct {
	class  Class
	detail string
	cause  Cause
}

// readAnswer reads the final answer to req from r: interim 1xx answers are skipped (an interim
// answer followed by silence is no answer), and all of it within MaxHeaderBytes. The body is
// left unread; the caller closes the connection.
func readAnswer(ctx context.Context, r io.Reader, req *http.Request) (answer, *answerError) {
	hr := &headReader{r: r, left: MaxHeaderBytes}
	br := bufio.NewReader(hr)
	for interim := 0; ; interim++ {
		resp, err := http.ReadResponse(br, req)
		if err != nil {
			if resp := lenient407(hr.head); resp != nil {
				return answer{resp: resp, br: bufio.NewReader(http.NoBody)}, nil
			}
			return answer{}, classifyAnswerError(ctx, hr, err)
		}
		switch {
		case resp.StatusCode == http.StatusSwitchingProtocols:
			return answer{}, &answerError{class: Error, detail: "answered " + resp.Status + ", which was not asked for"}
		case resp.StatusCode >= 100 && resp.StatusCode < 200:
			if interim == max1xx {
				return answer{}, &answerError{class: Error, detail: "more than " + strconv.Itoa(max1xx) + " interim (1xx) answers"}
			}
			continue
		}
		hr.left = math.MaxInt64 // the head is read; what follows is not bounded here
		hr.read, hr.head = true, nil
		return answer{resp: resp, br: br}, nil
	}
}

// classifyAnswerError classes a failed read of an answer's head. The same event always gets
// the same class: a head still arriving when the deadline passes is a timeout whether the
// deadline cut it between two lines or inside one.
func classifyAnswerError(ctx context.Context, hr *headReader, err error) *answerError {
	switch {
	case hr.over:
		return &answerError{class: Error, cause: CauseOversizedAnswer,
			detail: "the answer's status line and headers exceed " + strconv.Itoa(MaxHeaderBytes>>10) + " KB"}
	case isTimeout(ctx, hr.err), isTimeout(ctx, err):
		return &answerError{class: Timeout, detail: "no complete answer: " + errText(hr.err, err)}
	case errors.Is(hr.err, io.EOF), isReset(hr.err):
		return &answerError{class: Error, detail: "connection closed before a complete answer: " + err.Error()}
	}
	return &answerError{class: Error, detail: err.Error()}
}

// errText is the connection's error when there is one (the parser's "malformed" says less).
func errText(connErr, err error) string {
	if connErr != nil {
		return connErr.Error()
	}
	return err.Error()
}

func (e *answerError) Error() string { return e.detail }
