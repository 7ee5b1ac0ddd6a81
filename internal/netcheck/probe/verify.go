package probe

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"time"
)

// certVerdict is what the certificate chain a server presented says about the connection.
type certVerdict struct {
	class    Class
	issuer   string
	notAfter time.Time
	names    []string
	detail   string
	sha256   string
	cause    Cause
	causeURL string
	// unknownPublic: the public roots do not know the issuer, which a missing intermediate
	// also causes.
	unknownPublic bool
}

// verify classifies the chain, and when the public roots cannot place its issuer and the leaf
// names its issuer's address (AIA), fetches the missing intermediate as browsers do and
// classifies again: a server that forgets its intermediate is misconfigured, not intercepted.
func (c *Prober) verify(ctx context.Context, host string, certs []*x509.Certificate) certVerdict {
	v := c.classify(host, certs)
	if v.class == OK || !v.unknownPublic || len(certs) == 0 || len(certs[0].IssuingCertificateURL) == 0 {
		return v
	}
	fetched, from, err := c.fetchIssuer(ctx, certs[0])
	if err != nil {
		if v.class == TLSUntrusted {
			v.cause, v.causeURL = CauseIncompleteChain, from
			v.detail += "; the issuer's certificate could not be fetched from " + from + ": " + err.Error()
		}
		return v
	}
	v2 := c.classify(host, append(append([]*x509.Certificate{}, certs...), fetched...))
	if v2.class != OK {
		return v
	}
	v2.cause, v2.causeURL = CauseIncompleteChain, from
	v2.detail = "the server does not send its intermediate certificate (" + fetched[0].Subject.CommonName +
		"); fetched from " + from + " and verified, as browsers do"
	return v2
}

// classify classifies the chain presented for host. It checks, in the order Go's own verification
// does: the validity dates, the name, then the chain, which it builds twice: to this machine's
// roots (what a browser here accepts) and to the public web roots (what the real server would
// present). Trusted here but not publicly means a device in between re-signs the traffic.
func (c *Prober) classify(host string, certs []*x509.Certificate) certVerdict {
	if len(certs) == 0 {
		return certVerdict{class: TLSUntrusted, detail: "the server sent no certificate"}
	}
	leaf := certs[0]
	sum := sha256.Sum256(leaf.Raw)
	v := certVerdict{issuer: leaf.Issuer.String(), notAfter: leaf.NotAfter, names: leaf.DNSNames,
		sha256: hex.EncodeToString(sum[:])}
	for _, ip := range leaf.IPAddresses {
		v.names = append(v.names, ip.String())
	}
	now := c.cfg.Now()
	switch {
	case now.After(leaf.NotAfter):
		v.class, v.detail = TLSExpired, "certificate expired on "+leaf.NotAfter.UTC().Format(time.RFC3339)
		return v
	case now.Before(leaf.NotBefore):
		v.class, v.detail = TLSExpired, "certificate not valid before "+leaf.NotBefore.UTC().Format(time.RFC3339)
		return v
	}
	if err := leaf.VerifyHostname(host); err != nil {
		v.class, v.detail = TLSHostname, err.Error()
		return v
	}
	inter := x509.NewCertPool()
	for _, ic := range certs[1:] {
		inter.AddCert(ic)
	}
	opts := x509.VerifyOptions{DNSName: host, Intermediates: inter, CurrentTime: now,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	opts.Roots = c.system
	_, sysErr := leaf.Verify(opts)
	opts.Roots = c.public
	_, pubErr := leaf.Verify(opts)
	var unknown x509.UnknownAuthorityError
	v.unknownPublic = errors.As(pubErr, &unknown)
	switch {
	case sysErr == nil && pubErr == nil:
		v.class = OK
	case sysErr == nil:
		var ua x509.UnknownAuthorityError
		if errors.As(pubErr, &ua) {
			v.class, v.detail = TLSIntercepted, "trusted by this computer but not by the public web roots: "+pubErr.Error()
		} else {
			// Publicly rejected for another reason (a distrusted root's date limit, say): the
			// server is genuine, this machine is just more lenient.
			v.class, v.detail = OK, "public roots: "+pubErr.Error()
		}
	case pubErr == nil:
		// This computer lacks the root (no CA bundle installed, say) but the chain is the
		// public one: nothing on the network interferes.
		v.class, v.detail = OK, "not trusted by this computer's root store, trusted by the public web roots"
		if c.systemErr != nil {
			v.detail += " (" + c.systemErr.Error() + ")"
		}
	default:
		v.class, v.detail = TLSUntrusted, sysErr.Error()
		var ci x509.CertificateInvalidError
		if errors.As(sysErr, &ci) && ci.Reason == x509.Expired {
			// An intermediate is expired: the leaf's own dates were fine.
			v.class = TLSExpired
		}
	}
	return v
}
