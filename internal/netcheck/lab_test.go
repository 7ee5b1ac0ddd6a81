package netcheck_test

import (
	"crypto/tls"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// Issue 19 item 9: a server that only offers RSA key exchange, or only HTTP/2, is reached as a
// browser reaches it. Before: Go's defaults (no RSA key exchange since 1.22, http/1.1 only)
// ended the handshake with an alert, blamed on a filter ("allow it in that filter").
func TestServersBrowsersReachAreNotAFilter(t *testing.T) {
	p := newPKI(t)
	t.Run("RSA key exchange only", func(t *testing.T) {
		srv := netchecktest.ServeTLSConfig(t, p.public.IssueRSA(t, "rsa.test"), false, func(c *tls.Config) {
			c.MaxVersion = tls.VersionTLS12
			c.CipherSuites = []uint16{tls.TLS_RSA_WITH_AES_128_GCM_SHA256}
		})
		r := check(t, p.config(5*time.Second), at("rsa.test", netchecktest.Port(srv)))[0]
		if r.Class != netcheck.OK || r.Cause != "" {
			t.Errorf("class %q cause %q alert %q (%s)", r.Class, r.Cause, r.TLSAlert, r.Detail)
		}
	})
	t.Run("HTTP/2 only", func(t *testing.T) {
		srv := netchecktest.ServeTLSConfig(t, p.public.Leaf(t, "h2.test"), true, func(c *tls.Config) {
			// Strict, as some servers are: a client that does not offer h2 is refused (Go's own
			// server would fall back to HTTP/1.1).
			c.GetConfigForClient = func(hi *tls.ClientHelloInfo) (*tls.Config, error) {
				if !slices.Contains(hi.SupportedProtos, "h2") {
					return nil, errors.New("HTTP/2 only")
				}
				return nil, nil
			}
		})
		r := check(t, p.config(5*time.Second), at("h2.test", netchecktest.Port(srv)))[0]
		if r.Class != netcheck.OK || r.HTTPStatus != 200 {
			t.Errorf("class %q status %d cause %q alert %q (%s)", r.Class, r.HTTPStatus, r.Cause, r.TLSAlert, r.Detail)
		}
	})
}
