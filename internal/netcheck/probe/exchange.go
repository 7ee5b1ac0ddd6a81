package probe

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
)

// proxyExchange is one CONNECT conversation with a proxy: the connection, what was read of
// it, and a way to open a new one when the proxy closes it between legs.
type proxyExchange struct {
	ctx  context.Context
	conn net.Conn
	r    io.Reader     // what the next answer is read from: the connection, or the last answer's reader
	br   *bufio.Reader // the last answer's reader, holding what followed it
	dial func() (net.Conn, error)
	req  *http.Request
	// forward: req is a forwarded request, written in absolute form ("GET http://host/…").
	forward bool
	paddr   string // the proxy's host:port, for details
}

// Send writes the CONNECT with auth ("" for none) and reads the answer.
func (x *proxyExchange) Send(auth string) (*http.Response, error) {
	if auth == "" {
		x.req.Header.Del("Proxy-Authorization")
	} else {
		x.req.Header.Set("Proxy-Authorization", auth)
	}
	write := x.req.Write
	if x.forward {
		write = x.req.WriteProxy
	}
	if err := write(x.conn); err != nil {
		return nil, err
	}
	a, aerr := readAnswer(x.ctx, x.r, x.req)
	if aerr != nil {
		return nil, aerr
	}
	x.br, x.r = a.br, a.br
	return a.resp, nil
}

// Reuse makes the connection ready for the next leg after a 407: its body read (bounded), or
// a new connection when the proxy closes it. NTLM's legs must share one connection; a proxy
// that closes it cannot be answered, and the next 407 says so.
func (x *proxyExchange) Reuse(resp *http.Response) error {
	_, err := io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if err == nil && !resp.Close && resp.ContentLength >= 0 {
		return nil
	}
	x.conn.Close()
	c, err := x.dial()
	if err != nil {
		return err
	}
	x.conn, x.r = c, c
	return nil
}

// Sent is the Proxy-Authorization the request carries, "" for none.
func (x *proxyExchange) Sent() string { return x.req.Header.Get("Proxy-Authorization") }
