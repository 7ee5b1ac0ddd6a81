package probe

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"
)

// aiaLimit bounds an intermediate certificate fetched from an AIA address: a few kilobytes in
// practice (DER), 64 KiB leaves room for a PEM bundle.
const aiaLimit = 64 << 10

// aiaEntry is one AIA address's fetch, shared by the endpoints whose servers all forget the
// same intermediate: done closes when certs or err is set.
type aiaEntry struct {
	done  chan struct{}
	certs []*x509.Certificate
	err   error
	// ownDeadline: err came from the deadline of the address that fetched, not from the AIA
	// address; the entry has left the cache.
	ownDeadline bool
}

// fetchIssuer fetches the issuer of leaf from its AIA addresses (plain http, as CAs publish
// them), the first that answers with a certificate. from is the address used, or the first
// one tried when none answered.
func (c *Prober) fetchIssuer(ctx context.Context, leaf *x509.Certificate) (certs []*x509.Certificate, from string, err error) {
	for _, u := range leaf.IssuingCertificateURL {
		if !strings.HasPrefix(strings.ToLower(u), "http://") {
			continue
		}
		if from == "" {
			from = u
		}
		certs, err = c.fetchAIA(ctx, u)
		if err == nil {
			return certs, u, nil
		}
	}
	if from == "" {
		return nil, leaf.IssuingCertificateURL[0], errors.New("no plain-http AIA address")
	}
	return nil, from, err
}

func (c *Prober) fetchAIA(ctx context.Context, u string) ([]*x509.Certificate, error) {
	c.aiaMu.Lock()
	if c.aia == nil {
		c.aia = map[string]*aiaEntry{}
	}
	e, ok := c.aia[u]
	if !ok {
		e = &aiaEntry{done: make(chan struct{})}
		c.aia[u] = e
	}
	c.aiaMu.Unlock()
	if ok {
		select {
		case <-e.done:
			if e.ownDeadline && ctx.Err() == nil {
				// The fetch ended with the first address's own time, not with an answer:
				// this address still has time to try (the entry is gone from the cache).
				return c.fetchAIA(ctx, u)
			}
			return e.certs, e.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	e.certs, e.err = c.downloadCertificates(ctx, u)
	if e.err != nil && deadlinePassed(ctx) {
		// A failure caused by this address's deadline says nothing about the AIA address, as
		// for the PAC cache: not kept.
		e.ownDeadline = true
		c.aiaMu.Lock()
		delete(c.aia, u)
		c.aiaMu.Unlock()
	}
	close(e.done)
	return e.certs, e.err
}

// deadlinePassed: ctx has ended, or its deadline is behind us. The connection's own deadline is
// ctx's, and its "i/o timeout" can come a moment before ctx's timer marks ctx done: read alone,
// ctx.Err() then said nothing, and the cache kept a failure that was only this address's time.
func deadlinePassed(ctx context.Context) bool {
	if ctx.Err() != nil {
		return true
	}
	d, ok := ctx.Deadline()
	return ok && !time.Now().Before(d)
}

func (c *Prober) downloadCertificates(ctx context.Context, u string) ([]*x509.Certificate, error) {
	status, _, body, err := c.get(ctx, u, aiaLimit)
	if err != nil {
		return nil, err
	}
	if status != 200 {
		return nil, errors.New("HTTP " + strconv.Itoa(status))
	}
	return parseCertificates(body)
}

// parseCertificates reads DER (one or several certificates, as AIA serves them) or PEM.
func parseCertificates(raw []byte) ([]*x509.Certificate, error) {
	if certs, err := x509.ParseCertificates(raw); err == nil && len(certs) > 0 {
		return certs, nil
	}
	out, err := pemCertificates(raw)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("not a DER or PEM certificate")
	}
	return out, nil
}

// pemCertificates is every CERTIFICATE block of PEM text, other blocks skipped; none is no error.
func pemCertificates(raw []byte) ([]*x509.Certificate, error) {
	var out []*x509.Certificate
	for {
		var b *pem.Block
		b, raw = pem.Decode(raw)
		if b == nil {
			return out, nil
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		cert, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, err
		}
		out = append(out, cert)
	}
}

// aiaCache is the Checker's part of the AIA fetches.
type aiaCache struct {
	aiaMu sync.Mutex
	aia   map[string]*aiaEntry
}
