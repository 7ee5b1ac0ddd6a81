package netcheck

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// hop is the outcome of one request: the endpoint's own, or a redirect's.
type hop struct {
	class     Class
	phase     Phase
	ip        string
	status    int
	issuer    string
	notAfter  time.Time
	certNames []string
	proxy     string
	detail    string
	next      *url.URL // where a 3xx answer points
}

func (h hop) fail(class Class, phase Phase, detail string) hop {
	h.class, h.phase, h.detail = class, phase, detail
	return h
}

// probe resolves, connects, shakes hands and asks for u once, all within ctx's deadline.
func (c *Checker) probe(ctx context.Context, u *url.URL, stage func(Stage, string)) hop {
	host := lower(u.Hostname())
	port := portOf(u)
	var h hop
	proxyURL, err := c.cfg.Proxy.For(u)
	if err != nil {
		return h.fail(Proxy, PhaseProxy, "proxy setting: "+err.Error())
	}
	var conn net.Conn
	if proxyURL != nil {
		h.proxy = Redact(proxyURL)
		conn, h = c.connectViaProxy(ctx, proxyURL, net.JoinHostPort(host, port), stage, h)
	} else {
		conn, h = c.connectDirect(ctx, host, port, stage, h)
	}
	if conn == nil {
		return h
	}
	defer conn.Close()
	// The deadline bounds every read and write, so a peer that accepts and then stays silent
	// (a firewall that drops after the TCP handshake) ends as a timeout, not a hang. Setting it
	// on the TCP connection also bounds the TLS connection built on it.
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()

	app := conn // what the request goes over: the TLS connection for https
	if u.Scheme == "https" {
		stage(StageTLS, host)
		var tc *tls.Conn
		if tc, h = c.handshake(ctx, conn, host, h); tc == nil {
			return h
		}
		app = tc
	}

	stage(StageHTTP, host)
	return c.request(ctx, app, u, h)
}

// connectDirect resolves host and connects to the first address that answers.
func (c *Checker) connectDirect(ctx context.Context, host, port string, stage func(Stage, string), h hop) (net.Conn, hop) {
	var ips []net.IPAddr
	if ip := net.ParseIP(host); ip != nil {
		ips = []net.IPAddr{{IP: ip}}
	} else {
		stage(StageResolving, host)
		var err error
		ips, err = c.cfg.Resolver.LookupIPAddr(ctx, host)
		if err != nil || len(ips) == 0 {
			if err == nil {
				err = errors.New("no address for " + host)
			}
			if isTimeout(ctx, err) {
				return nil, h.fail(Timeout, PhaseDNS, err.Error())
			}
			if ctx.Err() != nil {
				return nil, h.fail(Error, PhaseDNS, ctx.Err().Error())
			}
			return nil, h.fail(DNS, PhaseDNS, err.Error())
		}
	}
	ips = preferIPv4(ips)
	stage(StageConnecting, host)
	h.ip = ips[0].IP.String()
	var first error
	for i, ip := range ips {
		dctx, cancel := partialDeadline(ctx, len(ips)-i)
		conn, err := c.cfg.Dialer.DialContext(dctx, "tcp", net.JoinHostPort(ip.IP.String(), port))
		cancel()
		if err == nil {
			h.ip = ip.IP.String()
			return conn, h
		}
		if first == nil {
			first = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, h.fail(connectFailClass(ctx, runtime.GOOS, first), PhaseConnect, first.Error())
}

// preferIPv4 puts IPv4 addresses first: a network with broken IPv6 is common, and a browser
// falls back to IPv4 by itself, so IPv4 is what decides whether onboarding works.
func preferIPv4(ips []net.IPAddr) []net.IPAddr {
	out := make([]net.IPAddr, 0, len(ips))
	for _, ip := range ips {
		if ip.IP.To4() != nil {
			out = append(out, ip)
		}
	}
	for _, ip := range ips {
		if ip.IP.To4() == nil {
			out = append(out, ip)
		}
	}
	return out
}

// partialDeadline shares what is left of ctx's time among the addresses still to try, as Go's
// own dialer does, so one address that drops packets does not use up the others' time.
func partialDeadline(ctx context.Context, left int) (context.Context, context.CancelFunc) {
	dl, ok := ctx.Deadline()
	if !ok || left <= 1 {
		return context.WithCancel(ctx)
	}
	remaining := time.Until(dl)
	part := remaining / time.Duration(left)
	if part < 2*time.Second {
		part = min(2*time.Second, remaining)
	}
	return context.WithTimeout(ctx, part)
}

// connectViaProxy opens a tunnel to addr through an HTTP(S) proxy with CONNECT.
func (c *Checker) connectViaProxy(ctx context.Context, p *url.URL, addr string, stage func(Stage, string), h hop) (net.Conn, hop) {
	if p.Scheme != "http" && p.Scheme != "https" {
		return nil, h.fail(Proxy, PhaseProxyReach, "unsupported proxy scheme "+p.Scheme)
	}
	pport := p.Port()
	if pport == "" {
		pport = map[string]string{"http": "80", "https": "443"}[p.Scheme]
	}
	paddr := net.JoinHostPort(p.Hostname(), pport)
	stage(StageConnecting, p.Hostname())
	raw, err := c.cfg.Dialer.DialContext(ctx, "tcp", paddr)
	if err != nil {
		return nil, h.fail(Proxy, PhaseProxyReach, "proxy "+paddr+": "+err.Error())
	}
	if ra, ok := raw.RemoteAddr().(*net.TCPAddr); ok {
		h.ip = ra.IP.String()
	}
	if dl, ok := ctx.Deadline(); ok {
		raw.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { raw.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	conn := raw // the TLS connection to the proxy, for an https:// proxy
	if p.Scheme == "https" {
		tc := tls.Client(conn, &tls.Config{ServerName: p.Hostname(), RootCAs: c.system, MinVersion: tls.VersionTLS12})
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return nil, h.fail(Proxy, PhaseProxyReach, "proxy "+paddr+": TLS: "+err.Error())
		}
		conn = tc
	}
	stage(StageProxy, hostOf(addr))
	req := &http.Request{Method: http.MethodConnect, URL: &url.URL{Opaque: addr}, Host: addr,
		Header: http.Header{"User-Agent": {c.cfg.UserAgent}}}
	if p.User != nil {
		pw, _ := p.User.Password()
		req.Header.Set("Proxy-Authorization", "Basic "+
			base64.StdEncoding.EncodeToString([]byte(p.User.Username()+":"+pw)))
	}
	if err := req.Write(conn); err != nil {
		conn.Close()
		if isTimeout(ctx, err) {
			return nil, h.fail(Timeout, PhaseProxy, "proxy "+paddr+": "+err.Error())
		}
		return nil, h.fail(Proxy, PhaseProxy, "proxy "+paddr+": "+err.Error())
	}
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, req)
	if err != nil {
		conn.Close()
		// A proxy that accepted CONNECT but has not answered yet is usually waiting on a server
		// whose packets are dropped further on: that is the endpoint's timeout, not the proxy's.
		if isTimeout(ctx, err) {
			return nil, h.fail(Timeout, PhaseProxy, "proxy "+paddr+": no answer to CONNECT "+addr)
		}
		return nil, h.fail(Proxy, PhaseProxy, "proxy "+paddr+": "+err.Error())
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		conn.Close()
		h.status = 0
		return nil, h.fail(Proxy, PhaseProxy, "proxy "+paddr+" answered "+resp.Status+" to CONNECT "+addr)
	}
	if br.Buffered() > 0 {
		return &bufferedConn{Conn: conn, r: br}, h
	}
	return conn, h
}

// bufferedConn reads what the proxy sent after its answer before reading the connection.
type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (b *bufferedConn) Read(p []byte) (int, error) { return b.r.Read(p) }

// handshake runs TLS and classifies the certificate inside the handshake, so a connection whose
// certificate is not acceptable never carries a request.
func (c *Checker) handshake(ctx context.Context, conn net.Conn, host string, h hop) (*tls.Conn, hop) {
	var verdict certVerdict
	cfg := &tls.Config{
		ServerName: host,
		NextProtos: []string{"http/1.1"},
		MinVersion: tls.VersionTLS12,
		// Verification is done by VerifyConnection below, against two root stores instead of
		// one, so that an interception can be told from an untrusted server. It rejects every
		// certificate the standard verification would reject.
		InsecureSkipVerify: true,
		VerifyConnection: func(cs tls.ConnectionState) error {
			verdict = c.verify(host, cs.PeerCertificates)
			if verdict.class != OK {
				return errCertificate
			}
			return nil
		},
	}
	tc := tls.Client(conn, cfg)
	err := tc.HandshakeContext(ctx)
	h.issuer, h.notAfter, h.certNames = verdict.issuer, verdict.notAfter, verdict.names
	switch {
	case err == nil:
		if verdict.detail != "" {
			h.detail = verdict.detail
		}
		return tc, h
	case verdict.class != "" && verdict.class != OK:
		return nil, h.fail(verdict.class, PhaseTLS, verdict.detail)
	case isTimeout(ctx, err):
		return nil, h.fail(Timeout, PhaseTLS, "TLS handshake: "+err.Error())
	case errors.Is(err, io.EOF), closedByPeer(sysErrOf(err)):
		return nil, h.fail(Error, PhaseTLS, "connection closed during the TLS handshake: "+err.Error())
	}
	return nil, h.fail(Error, PhaseTLS, "TLS handshake: "+err.Error())
}

var errCertificate = errors.New("certificate not accepted")

// request sends one GET and reads the status line and headers of the answer.
func (c *Checker) request(ctx context.Context, conn net.Conn, u *url.URL, h hop) hop {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return h.fail(Error, PhaseHTTP, err.Error())
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "*/*")
	req.Close = true
	if err := req.Write(conn); err != nil {
		return h.fail(httpErrClass(ctx, err), PhaseHTTP, "sending the request: "+err.Error())
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), req)
	if err != nil {
		return h.fail(httpErrClass(ctx, err), PhaseHTTP, "reading the answer: "+err.Error())
	}
	resp.Body.Close()
	h.status = resp.StatusCode
	switch {
	case resp.StatusCode >= 500:
		return h.fail(HTTPStatus, PhaseHTTP, "HTTP "+resp.Status)
	case resp.StatusCode >= 300 && resp.StatusCode < 400:
		if loc := resp.Header.Get("Location"); loc != "" {
			if next, err := u.Parse(loc); err == nil && (next.Scheme == "https" || next.Scheme == "http") && next.Hostname() != "" {
				next.Fragment = ""
				h.next = next
			}
		}
	}
	h.class, h.phase = OK, PhaseDone
	return h
}

func httpErrClass(ctx context.Context, err error) Class {
	if isTimeout(ctx, err) {
		return Timeout
	}
	return Error
}

// isTimeout reports whether err comes from the deadline rather than from the peer.
// ctx.Err() is read once: the connection's deadline and ctx's timer fire at the same instant,
// so a second read can see the context expire after the first saw it alive.
func isTimeout(ctx context.Context, err error) bool {
	if err == nil {
		return false
	}
	ctxErr := ctx.Err()
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctxErr, context.DeadlineExceeded) {
		return true
	}
	if ctxErr != nil {
		// Cancelled: the past deadline set on cancellation reads as a timeout, but is not one.
		return false
	}
	var ne net.Error
	return (errors.As(err, &ne) && ne.Timeout()) || sysErrOf(err) == sysTimedOut
}

func lower(s string) string { return strings.ToLower(strings.TrimSuffix(s, ".")) }

func hostOf(addr string) string {
	h, _, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	return h
}

func itoa(n int) string { return strconv.Itoa(n) }
