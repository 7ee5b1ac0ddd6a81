package plain

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is written by Run's goroutine and read by the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	pos int // how far waitFor has read
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// waitFor waits until want appears after what earlier calls consumed, then consumes up to it.
func waitFor(t *testing.T, b *syncBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		b.mu.Lock()
		s := b.buf.String()[b.pos:]
		if i := strings.Index(s, want); i >= 0 {
			b.pos += i + len(want)
			b.mu.Unlock()
			return
		}
		b.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	t.Fatalf("%q never came; output after the last match:\n%s", want, b.buf.String()[b.pos:])
}
