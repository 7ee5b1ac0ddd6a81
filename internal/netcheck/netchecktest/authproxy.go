package netchecktest

import (
	"bufio"
	"encoding/base64"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// AuthProxy is a CONNECT proxy on loopback that asks to sign in (407) as decide says, and
// tunnels to 127.0.0.1 once it is satisfied. It keeps a connection open across 407 answers,
// as NTLM needs.
type AuthProxy struct {
	URL string // http://127.0.0.1:port

	mu    sync.Mutex
	seen  []string // Proxy-Authorization values received, "" for none, in order
	conns int
	route string // the port every tunnel goes to, "" for the port asked
}

// RouteTo sends every tunnel to 127.0.0.1:port whatever the target: the proxy reaches a server
// this computer cannot reach directly.
func (p *AuthProxy) RouteTo(port string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.route = port
}

// Decide is a proxy's answer to one CONNECT: ok tunnels, else a 407 with these challenges
// (each the value of one Proxy-Authenticate header). conn numbers the connections from 1.
type Decide func(conn int, authorization string) (ok bool, challenges []string)

// NewAuthProxy starts a proxy that answers every CONNECT as decide says.
func NewAuthProxy(t testing.TB, decide Decide) *AuthProxy {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &AuthProxy{URL: "http://" + l.Addr().String()}
	var wg sync.WaitGroup
	var open sync.Map
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			p.mu.Lock()
			p.conns++
			id := p.conns
			p.mu.Unlock()
			open.Store(c, true)
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer open.Delete(c)
				p.serve(c, id, decide)
			}()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		open.Range(func(k, _ any) bool { k.(net.Conn).Close(); return true })
		wg.Wait()
	})
	return p
}

// Authorizations are the Proxy-Authorization values received ("" for a CONNECT without one).
func (p *AuthProxy) Authorizations() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.seen...)
}

// Connections is how many connections the proxy accepted.
func (p *AuthProxy) Connections() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.conns
}

func (p *AuthProxy) serve(c net.Conn, id int, decide Decide) {
	defer c.Close()
	br := bufio.NewReader(c)
	for {
		req, err := http.ReadRequest(br)
		if err != nil {
			return
		}
		io.Copy(io.Discard, req.Body)
		if req.Method != http.MethodConnect {
			io.WriteString(c, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
			return
		}
		auth := req.Header.Get("Proxy-Authorization")
		p.mu.Lock()
		p.seen = append(p.seen, auth)
		p.mu.Unlock()
		ok, challenges := decide(id, auth)
		if !ok {
			var b strings.Builder
			b.WriteString("HTTP/1.1 407 Proxy Authentication Required\r\n")
			for _, ch := range challenges {
				b.WriteString("Proxy-Authenticate: " + ch + "\r\n")
			}
			b.WriteString("Content-Type: text/plain\r\nContent-Length: 14\r\n\r\nsign in first\n")
			if _, err := io.WriteString(c, b.String()); err != nil {
				return
			}
			continue
		}
		_, port, err := net.SplitHostPort(req.Host)
		if err != nil {
			return
		}
		p.mu.Lock()
		if p.route != "" {
			port = p.route
		}
		p.mu.Unlock()
		up, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", port), 5*time.Second)
		if err != nil {
			io.WriteString(c, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
			return
		}
		io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n")
		go func() {
			io.Copy(up, br)
			up.Close()
		}()
		io.Copy(c, up)
		return
	}
}

// BasicProxy asks for Basic with user and password, and tunnels once they are sent.
func BasicProxy(t testing.TB, user, password string) *AuthProxy {
	want := "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password))
	return NewAuthProxy(t, func(_ int, auth string) (bool, []string) {
		return auth == want, []string{`Basic realm="corp proxy"`}
	})
}

// NegotiateOnlyProxy answers 407 to everything, offering only Negotiate and NTLM: a corporate
// proxy that knows only the domain's users.
func NegotiateOnlyProxy(t testing.TB) *AuthProxy {
	return NewAuthProxy(t, func(int, string) (bool, []string) {
		return false, []string{"Negotiate", "NTLM"}
	})
}
