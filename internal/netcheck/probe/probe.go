// Package probe observes one address as a browser would meet it: it resolves the name,
// connects (directly, Happy Eyeballs, or through the proxies package proxy chose, in order),
// shakes hands, verifies the certificate against this computer's roots and the public ones, and
// asks for one page, following redirects. What it records goes to package diagnose.
package probe

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/diagnose"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
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

	cause      Cause
	alert      string // the TLS alert received, RFC 8446 name
	causeURL   string // the AIA address of an incomplete chain
	dnsAnswer  string // the sinkhole answer of a DNS filter
	certSHA256 string // the certificate received
	inspected  bool   // TLS re-signed by a CA this computer trusts: the request still goes
	// dnsAnswered: the DNS server answered that the name does not exist (or has no address),
	// which an offline computer cannot be told.
	dnsAnswered bool

	proxyAuth     []string // the sign-in schemes a proxy offered, for proxy_auth
	signInRefused bool     // the proxy refused the credentials sent

	// What was seen, for diagnose (Result's fields of the same names).
	errKind    string        // how the failed step ended (diagnose.ErrKind*)
	dnsSource  string        // where a sinkhole answer came from: "hosts" or "dns"
	dnsRcode   string        // how the lookup failed (diagnose.DNSRcode*)
	dnsWait    time.Duration // how long the failed lookup took
	proxyError string        // the proxy's own error name (X-Squid-Error)
	ipv6Only   bool          // every address tried was IPv6
	pacFailed  string        // why the PAC gave no answer for this address (it went direct)
}

func (h hop) fail(class Class, phase Phase, detail string) hop {
	h.class, h.phase, h.detail = class, phase, detail
	return h
}

// probe resolves, connects, shakes hands and asks for u once, all within ctx's deadline. first
// is the endpoint's own address (not a redirect's): only there is IPv4 tried beside IPv6.
func (c *Prober) probe(ctx context.Context, u *url.URL, stage func(Stage, string), first bool) (h hop) {
	au, err := withASCIIHost(u) // a redirect may name an international host
	if err != nil {
		return h.fail(DNS, PhaseDNS, u.Hostname()+": "+err.Error())
	}
	u = au
	host := lower(u.Hostname())
	port := portOf(u)
	proxies, err := c.cfg.Proxy.Choices(ctx, u)
	pacFailed := ""
	if fb, ok := proxy.AsDirectFallback(err); ok {
		pacFailed, err = fb.Reason, nil // DIRECT, as browsers go when the script fails
	}
	if err != nil {
		return h.fail(Proxy, PhasePAC, err.Error())
	}
	var conn net.Conn
	var v4 <-chan bool
	// The next choice of a PAC script is tried when a proxy cannot be reached, as browsers do.
	for i, proxyURL := range proxies {
		h = hop{pacFailed: pacFailed}
		if proxyURL != nil && u.Scheme == "http" {
			// Plain http goes to the proxy as a forwarded GET, as browsers send it.
			h.proxy = proxy.Redact(proxyURL)
			if h = c.probeForwarded(ctx, proxyURL, u, len(proxies)-i, stage, h); h.phase == PhaseProxyReach && ctx.Err() == nil {
				continue
			}
			return h
		}
		if proxyURL != nil {
			h.proxy = proxy.Redact(proxyURL)
			conn, h = c.connectViaProxy(ctx, proxyURL, net.JoinHostPort(host, port), len(proxies)-i, stage, h)
		} else {
			conn, h, v4 = c.connectDirect(ctx, host, port, u.Scheme, stage, h, first)
		}
		if conn != nil || h.phase != PhaseProxyReach || ctx.Err() != nil {
			break
		}
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

	if u.Scheme == "tcp" {
		// A connect-only probe (the phones' push channels): the connection is the answer.
		h.class, h.phase = OK, PhaseDone
		return h
	}
	counted := &countingConn{Conn: conn}
	app := net.Conn(counted) // what the request goes over: the TLS connection for https
	if u.Scheme == "https" {
		stage(StageTLS, host)
		var tc *tls.Conn
		if tc, h = c.handshake(ctx, counted, host, h); tc == nil {
			if h.class == Timeout && h.cause == "" && counted.n.Load() > 0 {
				// The server's hello came, the rest (its certificate, the larger packets) did
				// not: what a link that loses packets above its MTU looks like.
				h.cause = CauseTLSStall
				h.detail = "the server's hello arrived (" + itoa(int(counted.n.Load())) + " bytes), then nothing: " + h.detail
			}
			return ipv6Verdict(h, v4)
		}
		app = tc
	}

	stage(StageHTTP, host)
	if tc, ok := app.(*tls.Conn); ok && tc.ConnectionState().NegotiatedProtocol == "h2" {
		return ipv6Verdict(c.requestH2(ctx, tc, u, h), v4)
	}
	return ipv6Verdict(c.request(ctx, app, u, h), v4)
}

// countingConn counts the bytes received, to tell a handshake that never got an answer from
// one that stalled after the server's first answer.
type countingConn struct {
	net.Conn
	n atomic.Int64
}

func (c *countingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// connectDirect resolves host and connects to its addresses in Happy Eyeballs order (RFC 8305):
// those of the family the resolver puts first, the other family 300 ms later or as soon as the
// first fails; the first connection wins. When the first family is IPv6 and the name has IPv4
// too, v4 reports whether IPv4 completes the exchange, to tell a broken IPv6 path.
func (c *Prober) connectDirect(ctx context.Context, host, port, scheme string, stage func(Stage, string), h hop, first bool) (net.Conn, hop, <-chan bool) {
	var ips []net.IPAddr
	if ip := net.ParseIP(host); ip != nil {
		ips = []net.IPAddr{{IP: ip}}
	} else {
		stage(StageResolving, host)
		var err error
		began := time.Now()
		ips, err = c.cfg.Resolver.LookupIPAddr(ctx, host)
		if err != nil || len(ips) == 0 {
			if err == nil {
				err = errors.New("no address for " + host)
			}
			h.dnsWait = time.Since(began)
			h.dnsRcode = dnsRcode(ctx, err, len(ips) == 0 && err.Error() == "no address for "+host)
			if isTimeout(ctx, err) {
				return nil, h.fail(Timeout, PhaseDNS, err.Error()+" (after "+h.dnsWait.Round(100*time.Millisecond).String()+")"), nil
			}
			if ctx.Err() != nil {
				return nil, h.fail(Error, PhaseDNS, ctx.Err().Error()), nil
			}
			// SERVFAIL is an answer too, but the one a forwarder gives when it cannot reach
			// anyone: not proof of being online.
			h.dnsAnswered = h.dnsRcode == diagnose.DNSRcodeNXDomain || h.dnsRcode == diagnose.DNSRcodeNoAddr
			return nil, h.fail(DNS, PhaseDNS, err.Error()), nil
		}
		if ans := c.sinkholed(host, ips); ans != "" {
			// Observed, not judged: a browser connects to what the name resolved to, and so
			// does the check. Only a connection that then fails is the filter's doing.
			h.dnsAnswer, h.dnsSource = ans, c.hostsSource(host, ips)
		} else {
			ips = withoutSinkholes(ips, c.sinkholed)
		}
	}
	primary, fallback := byFamily(ips)
	stage(StageConnecting, host)
	h.ip = primary[0].IP.String()
	var v4 <-chan bool
	if first && len(fallback) > 0 && primary[0].IP.To4() == nil && (scheme == "https" || scheme == "tcp" || scheme == "http") {
		v4 = c.familyCheck(ctx, host, port, scheme, fallback[0])
	}
	h.ipv6Only = primary[0].IP.To4() == nil && len(fallback) == 0
	conn, ip, err := c.dialHappy(ctx, primary, fallback, port)
	if ip != "" {
		h.ip = ip
	}
	if err == nil {
		return conn, h, v4
	}
	h.errKind = errKind(ctx, err)
	return nil, h.fail(connectFailClass(ctx, runtime.GOOS, err), PhaseConnect, err.Error()), v4
}

// withoutSinkholes drops the sinkhole addresses of a name that has real ones too (a filter
// that blocks only its IPv6, say).
func withoutSinkholes(ips []net.IPAddr, sinkholed func(string, []net.IPAddr) string) []net.IPAddr {
	out := ips[:0:0]
	for _, ip := range ips {
		if sinkholed("x", []net.IPAddr{ip}) == "" {
			out = append(out, ip)
		}
	}
	if len(out) == 0 {
		return ips
	}
	return out
}

// byFamily splits ips into the resolver's preferred family, in its order, and the other.
func byFamily(ips []net.IPAddr) (primary, fallback []net.IPAddr) {
	v4first := ips[0].IP.To4() != nil
	for _, ip := range ips {
		if (ip.IP.To4() != nil) == v4first {
			primary = append(primary, ip)
		} else {
			fallback = append(fallback, ip)
		}
	}
	return primary, fallback
}

// fallbackDelay is the head start of the preferred family, as Go's dialer gives it (RFC 8305
// suggests 250 ms).
const fallbackDelay = 300 * time.Millisecond

// dialHappy races the two families: the primary alone for fallbackDelay (or until it fails),
// then both. It returns the first connection, or the primary family's error.
func (c *Prober) dialHappy(ctx context.Context, primary, fallback []net.IPAddr, port string) (net.Conn, string, error) {
	if len(fallback) == 0 {
		return c.dialSerial(ctx, primary, port)
	}
	type result struct {
		conn    net.Conn
		ip      string
		err     error
		primary bool
	}
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make(chan result, 2)
	start := func(ips []net.IPAddr, primary bool) {
		go func() {
			conn, ip, err := c.dialSerial(rctx, ips, port)
			results <- result{conn, ip, err, primary}
		}()
	}
	start(primary, true)
	timer := time.NewTimer(fallbackDelay)
	defer timer.Stop()
	pending, fellBack := 1, false
	var firstErr *result
	for {
		select {
		case <-timer.C:
			if !fellBack {
				start(fallback, false)
				fellBack, pending = true, pending+1
			}
		case r := <-results:
			pending--
			if r.err == nil {
				// The loser may still connect: close what it returns.
				go func(n int) {
					for range n {
						if l := <-results; l.conn != nil {
							l.conn.Close()
						}
					}
				}(pending)
				return r.conn, r.ip, nil
			}
			if firstErr == nil || r.primary {
				firstErr = &r
			}
			if !fellBack {
				start(fallback, false)
				fellBack, pending = true, pending+1
			} else if pending == 0 {
				return nil, firstErr.ip, firstErr.err
			}
		}
	}
}

// dialSerial tries ips in order, sharing the time left among them.
func (c *Prober) dialSerial(ctx context.Context, ips []net.IPAddr, port string) (net.Conn, string, error) {
	var first error
	var firstIP string
	for i, ip := range ips {
		dctx, cancel := partialDeadline(ctx, len(ips)-i)
		conn, err := c.cfg.Dialer.DialContext(dctx, "tcp", net.JoinHostPort(ip.IP.String(), port))
		cancel()
		if err == nil {
			return conn, ip.IP.String(), nil
		}
		if first == nil {
			first, firstIP = err, ip.IP.String()
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, firstIP, first
}

// familyCheck connects to ip alone and, for https, completes the TLS handshake: whether that
// family works, reported once.
func (c *Prober) familyCheck(ctx context.Context, host, port, scheme string, ip net.IPAddr) <-chan bool {
	ch := make(chan bool, 1)
	go func() {
		conn, err := c.cfg.Dialer.DialContext(ctx, "tcp", net.JoinHostPort(ip.IP.String(), port))
		if err != nil {
			ch <- false
			return
		}
		defer conn.Close()
		if dl, ok := ctx.Deadline(); ok {
			conn.SetDeadline(dl)
		}
		stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
		defer stop()
		if scheme == "https" {
			tc, _ := c.handshake(ctx, conn, host, hop{})
			ch <- tc != nil
			return
		}
		ch <- true
	}()
	return ch
}

// ipv6Verdict names a broken IPv6 path: the exchange went over IPv6, connected, then failed or
// stalled, while IPv4 completed it.
func ipv6Verdict(h hop, v4 <-chan bool) hop {
	if v4 == nil || h.passes() || h.cause != "" {
		return h
	}
	if ip := net.ParseIP(h.ip); ip == nil || ip.To4() != nil || (h.phase != PhaseTLS && h.phase != PhaseHTTP) {
		return h
	}
	if <-v4 {
		h.cause = CauseIPv6Broken
		h.detail = "over IPv6 (" + h.ip + "): " + h.detail + "; over IPv4 the same exchange works"
	}
	return h
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

// connectViaProxy opens a tunnel to addr through an HTTP(S) proxy with CONNECT, signing in
// when the proxy asks (407) and the sign-in can be answered.
func (c *Prober) connectViaProxy(ctx context.Context, p *url.URL, addr string, left int, stage func(Stage, string), h hop) (net.Conn, hop) {
	req := &http.Request{Method: http.MethodConnect, URL: &url.URL{Opaque: addr}, Host: addr,
		Header: http.Header{"User-Agent": {c.cfg.UserAgent}}}
	resp, x, h := c.askProxy(ctx, p, req, false, left, func() { stage(StageProxy, hostOf(addr)) }, stage, h)
	if x == nil {
		return nil, h
	}
	conn, br := x.conn, x.br
	if resp.StatusCode != http.StatusOK {
		conn.Close()
		h.status = 0
		return nil, h.fail(Proxy, PhaseProxy, "proxy "+x.paddr+" answered "+resp.Status+" to CONNECT "+addr)
	}
	if br.Buffered() > 0 {
		return &bufferedConn{Conn: conn, r: br}, h
	}
	return conn, h
}

// dialProxy connects to the proxy (and shakes hands for an https:// proxy), with ctx's
// deadline on the connection and a past deadline set when ctx ends.
func (c *Prober) dialProxy(ctx context.Context, left int, p *url.URL, paddr string) (net.Conn, error) {
	// With other proxies still to try (PAC "PROXY a; PROXY b; DIRECT"), this one gets its share
	// of the time to connect, as Go's dialer shares it among addresses: a proxy that drops
	// packets leaves the next one time, as browsers fall over to it after the connect timeout.
	dctx, cancel := partialDeadline(ctx, left)
	raw, err := c.cfg.Dialer.DialContext(dctx, "tcp", paddr)
	cancel()
	if err != nil {
		return nil, err
	}
	if dl, ok := ctx.Deadline(); ok {
		raw.SetDeadline(dl)
	}
	// Left to fire when ctx ends, which it does at the endpoint's deadline at the latest.
	context.AfterFunc(ctx, func() { raw.SetDeadline(time.Unix(1, 0)) })
	if p.Scheme != "https" {
		return raw, nil
	}
	tc := tls.Client(raw, &tls.Config{ServerName: p.Hostname(), RootCAs: c.system, MinVersion: tls.VersionTLS12})
	if err := tc.HandshakeContext(ctx); err != nil {
		raw.Close()
		return nil, errors.New("TLS: " + err.Error())
	}
	return tc, nil
}

// bufferedConn reads what the proxy sent after its answer before reading the connection.
type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (b *bufferedConn) Read(p []byte) (int, error) { return b.r.Read(p) }

// handshake runs TLS and classifies the certificate inside the handshake, so a connection whose
// certificate is not acceptable never carries a request. A certificate re-signed by a CA this
// computer trusts (TLS inspection) is acceptable: a browser here sends its request too, and
// the answer tells an allowed, inspected connection from a block page.
func (c *Prober) handshake(ctx context.Context, conn net.Conn, host string, h hop) (*tls.Conn, hop) {
	var verdict certVerdict
	cfg := &tls.Config{
		ServerName: host,
		// As a browser offers them: a server that speaks only HTTP/2 is reached too.
		NextProtos:   []string{"h2", "http/1.1"},
		MinVersion:   tls.VersionTLS12,
		CipherSuites: chromiumSuites,
		// Verification is done by VerifyConnection below, against two root stores instead of
		// one, so that an interception can be told from an untrusted server. It rejects every
		// certificate the standard verification would reject.
		InsecureSkipVerify: true,
		VerifyConnection: func(cs tls.ConnectionState) error {
			verdict = c.verify(ctx, host, cs.PeerCertificates)
			if verdict.class != OK && verdict.class != TLSIntercepted {
				return errCertificate
			}
			return nil
		},
	}
	tc := tls.Client(conn, cfg)
	err := tc.HandshakeContext(ctx)
	h.issuer, h.notAfter, h.certNames, h.certSHA256 = verdict.issuer, verdict.notAfter, verdict.names, verdict.sha256
	h.cause, h.causeURL = verdict.cause, verdict.causeURL
	switch {
	case err == nil:
		if verdict.detail != "" {
			h.detail = verdict.detail
		}
		h.inspected = verdict.class == TLSIntercepted
		return tc, h
	case verdict.class != "" && verdict.class != OK && verdict.class != TLSIntercepted:
		return nil, h.fail(verdict.class, PhaseTLS, verdict.detail)
	case isTimeout(ctx, err):
		return nil, h.fail(Timeout, PhaseTLS, "TLS handshake: "+err.Error())
	}
	if a := remoteAlert(err); a != "" {
		h.cause, h.alert = CauseTLSAlert, a
		return nil, h.fail(Error, PhaseTLS, "the TLS handshake was ended by the alert "+a+": "+err.Error())
	}
	if errors.Is(err, io.EOF) || isReset(err) {
		return nil, h.fail(Error, PhaseTLS, "connection closed during the TLS handshake: "+err.Error())
	}
	return nil, h.fail(Error, PhaseTLS, "TLS handshake: "+err.Error())
}

var errCertificate = errors.New("certificate not accepted")

// request sends one GET and reads the status line and headers of the answer.
func (c *Prober) request(ctx context.Context, conn net.Conn, u *url.URL, h hop) hop {
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
	// The body is never read: the status and the headers are the answer the check needs, and
	// the connection is closed after them (reading an endless body would hold the check until
	// its deadline).
	a, aerr := readAnswer(ctx, conn, req)
	if aerr != nil {
		h.cause = aerr.cause
		return h.fail(aerr.class, PhaseHTTP, "reading the answer: "+aerr.detail)
	}
	return answerHop(a.resp, u, h)
}

// answerHop is the hop of an answer to u: its status, where a redirect points, and a block page
// behind TLS inspection.
func answerHop(resp *http.Response, u *url.URL, h hop) hop {
	h.status = resp.StatusCode
	h.proxyError = proxyErrorOf(resp)
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
	if h.inspected {
		h.class = TLSIntercepted
		if blockStatus(resp.StatusCode) {
			h.cause, h.phase = CauseBlockPage, PhaseHTTP
			h.detail = "HTTP " + resp.Status + " from behind the TLS inspection: a block page; " + h.detail
		}
	}
	return h
}

// proxyErrorOf is the error a proxy names for itself in an answer it made (Squid's
// X-Squid-Error: "ERR_CONNECT_FAIL 111", "ERR_ACCESS_DENIED 0"), or, for an error status that
// came through a proxy (Via), "via" and the proxy's name; "" for a server's own answer.
func proxyErrorOf(resp *http.Response) string {
	if e := resp.Header.Get("X-Squid-Error"); e != "" {
		return clip(e, 80)
	}
	if via := resp.Header.Get("Via"); via != "" && resp.StatusCode >= 400 {
		return clip("via "+via, 80)
	}
	return ""
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// blockStatus is an answer a filter gives in place of the page: forbidden, unavailable for
// legal reasons, network sign-in required.
func blockStatus(code int) bool {
	return code == http.StatusForbidden || code == http.StatusUnavailableForLegalReasons ||
		code == http.StatusNetworkAuthenticationRequired || code == http.StatusProxyAuthRequired
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

func hostOf(addr string) string {
	h, _, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	return h
}

func itoa(n int) string { return strconv.Itoa(n) }
