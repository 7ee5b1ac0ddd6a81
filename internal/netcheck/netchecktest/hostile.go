package netchecktest

import (
	"crypto/tls"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// Hostile servers: what a broken or malicious server (or proxy) may send instead of an HTTP
// answer. Each behaviour is a func(net.Conn) run on every accepted connection, after the
// request's headers were read, so the same behaviour serves as a web server and as a proxy
// answering CONNECT.

// Behaviour is what a hostile server does with one connection.
type Behaviour func(net.Conn)

// chunk is what endless writers send at a time.
var chunk = strings.Repeat("a", 32<<10)

// EndlessStatusLine sends a status line that never ends.
func EndlessStatusLine(c net.Conn) {
	io.WriteString(c, "HTTP/1.1 200 OK")
	writeForever(c, chunk)
}

// EndlessHeaderLine sends a status line, then one header whose value never ends.
func EndlessHeaderLine(c net.Conn) {
	io.WriteString(c, "HTTP/1.1 200 OK\r\nX-Endless: ")
	writeForever(c, chunk)
}

// EndlessHeaders sends a status line, then header after header, never the blank line that ends
// them.
func EndlessHeaders(c net.Conn) {
	io.WriteString(c, "HTTP/1.1 200 OK\r\n")
	writeForever(c, strings.Repeat("X-More: "+strings.Repeat("a", 100)+"\r\n", 256))
}

// InformationalThenSilence sends "100 Continue", then nothing more: an interim answer is not an
// answer.
func InformationalThenSilence(c net.Conn) {
	io.WriteString(c, "HTTP/1.1 100 Continue\r\n\r\n")
	waitClosed(c)
}

// Trickle sends a valid answer one byte every interval, so that it is still arriving when the
// client's time limit ends.
func Trickle(interval time.Duration) Behaviour {
	return func(c net.Conn) {
		answer := "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
		for i := 0; ; i = (i + 1) % len(answer) {
			if _, err := io.WriteString(c, answer[i:i+1]); err != nil {
				return
			}
			time.Sleep(interval)
		}
	}
}

// Answer sends a fixed, complete answer and closes (headers under test: escapes in a
// proxy's refusal, say).
func Answer(raw string) Behaviour {
	return func(c net.Conn) { io.WriteString(c, raw) }
}

func writeForever(c net.Conn, s string) {
	for {
		if _, err := io.WriteString(c, s); err != nil {
			return
		}
	}
}

func waitClosed(c net.Conn) {
	buf := make([]byte, 512)
	for {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}

// Serve accepts connections on l until it is closed, reads each request's headers, then hands
// the connection to b. It returns a function that closes l and every connection.
func Serve(l net.Listener, b Behaviour) (stop func()) {
	var mu sync.Mutex
	conns := map[net.Conn]bool{}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns[c] = true
			mu.Unlock()
			go func() {
				defer func() {
					c.Close()
					mu.Lock()
					delete(conns, c)
					mu.Unlock()
				}()
				readHead(c)
				b(c)
			}()
		}
	}()
	return func() {
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for c := range conns {
			c.Close()
		}
	}
}

// readHead reads up to the blank line after the request's headers (at most 64 KB), byte by byte
// so that nothing after it (a TLS handshake through a tunnel) is consumed.
func readHead(c net.Conn) {
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	defer c.SetReadDeadline(time.Time{})
	var last []byte
	one := make([]byte, 1)
	for n := 0; n < 64<<10; n++ {
		if _, err := c.Read(one); err != nil {
			return
		}
		last = append(last, one[0])
		if len(last) > 4 {
			last = last[1:]
		}
		if string(last) == "\r\n\r\n" {
			return
		}
	}
}

// Hostile starts a plain-TCP hostile server on 127.0.0.1 and returns "127.0.0.1:port". Through
// --proxy http://127.0.0.1:port it is a hostile proxy.
func Hostile(t testing.TB, b Behaviour) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(Serve(l, b))
	return l.Addr().String()
}

// HostileTLS is Hostile behind TLS with cert, for https:// addresses.
func HostileTLS(t testing.TB, cert tls.Certificate, b Behaviour) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	tl := tls.NewListener(l, &tls.Config{Certificates: []tls.Certificate{cert}, NextProtos: []string{"http/1.1"}})
	t.Cleanup(Serve(tl, b))
	return l.Addr().String()
}
