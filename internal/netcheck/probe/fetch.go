package probe

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"time"
)

// get asks for a plain-http URL the way the endpoints are checked (through the proxy when one
// applies, within ctx), without following redirects, and reads at most limit bytes of the body.
// The AIA fetch and the captive-portal probe use it.
func (c *Prober) get(ctx context.Context, raw string, limit int64) (status int, location string, body []byte, err error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" || u.Hostname() == "" {
		return 0, "", nil, errors.New("not a plain-http address: " + raw)
	}
	host, port := lower(u.Hostname()), portOf(u)
	nostage := func(Stage, string) {}
	proxyURL, err := c.cfg.Proxy.For(u)
	if err != nil {
		return 0, "", nil, err
	}
	if proxyURL != nil {
		// A forwarded GET, as browsers send plain http to a proxy (many refuse CONNECT to :80).
		resp, conn, h := c.forward(ctx, proxyURL, u, 1, nostage, hop{})
		if conn == nil {
			return 0, "", nil, errors.New(h.detail)
		}
		defer conn.Close()
		if proxyRefusal(resp.StatusCode) {
			return 0, "", nil, errors.New("the proxy answered " + resp.Status + " to GET " + u.String())
		}
		return readBody(resp, limit)
	}
	conn, h, _ := c.connectDirect(ctx, host, port, "http", nostage, hop{}, false)
	if conn == nil {
		return 0, "", nil, errors.New(h.detail)
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return 0, "", nil, err
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Close = true
	if err := req.Write(conn); err != nil {
		return 0, "", nil, err
	}
	// Within MaxHeaderBytes, as every answer; the body is read up to limit and the connection
	// then closed, never drained (Body.Close would read an endless body to the deadline).
	a, aerr := readAnswer(ctx, conn, req)
	if aerr != nil {
		return 0, "", nil, errors.New(aerr.detail)
	}
	return readBody(a.resp, limit)
}

// readBody reads an answer's body up to limit; the caller then closes the connection.
func readBody(resp *http.Response, limit int64) (status int, location string, body []byte, err error) {
	body, err = io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return resp.StatusCode, resp.Header.Get("Location"), nil, err
	}
	if int64(len(body)) > limit {
		return resp.StatusCode, resp.Header.Get("Location"), body[:limit], errTooLarge
	}
	return resp.StatusCode, resp.Header.Get("Location"), body, nil
}

var errTooLarge = errors.New("answer larger than expected")
