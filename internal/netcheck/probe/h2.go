//lint:file-ignore SA1019 x/net/http2.Transport is deprecated for net/http's Transport.NewClientConn, which dials its own connection; this file speaks HTTP/2 over the TLS connection the probe already made and observed (its chain, its alert), so it keeps the x/net client.

package probe

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/url"

	"golang.org/x/net/http2"
)

// chromiumSuites are the TLS 1.2 cipher suites Chromium offers (TLS 1.3's are not
// configurable), RSA key exchange included: Go left those out of its defaults in 1.22, and a
// server that offers nothing else then ended the handshake with handshake_failure, which the
// check blamed on a filter while browsers connect.
var chromiumSuites = []uint16{
	tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
	tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
	tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
	tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, tls.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
	tls.TLS_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_RSA_WITH_AES_256_GCM_SHA384,
	tls.TLS_RSA_WITH_AES_128_CBC_SHA, tls.TLS_RSA_WITH_AES_256_CBC_SHA,
}

// requestH2 asks for u over a connection whose server chose HTTP/2, as a browser would, and
// reads the answer's status and headers within MaxHeaderBytes; the body is never read.
func (c *Prober) requestH2(ctx context.Context, tc *tls.Conn, u *url.URL, h hop) hop {
	t := &http2.Transport{MaxHeaderListSize: MaxHeaderBytes, DisableCompression: true}
	cc, err := t.NewClientConn(tc)
	if err != nil {
		return h.fail(httpErrClass(ctx, err), PhaseHTTP, "HTTP/2: "+err.Error())
	}
	defer cc.Close()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return h.fail(Error, PhaseHTTP, err.Error())
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "*/*")
	resp, err := cc.RoundTrip(req)
	if err != nil {
		h.errKind = errKind(ctx, err)
		return h.fail(httpErrClass(ctx, err), PhaseHTTP, "HTTP/2: "+err.Error())
	}
	resp.Body.Close()
	return answerHop(resp, u, h)
}
