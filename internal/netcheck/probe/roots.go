package probe

import (
	"crypto/x509"
	"errors"
	"sync"

	"golang.org/x/crypto/x509roots/fallback/bundle"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// publicRoots is Mozilla's root store as packaged by the Go team. It is the reference for "the
// public web": a chain this machine trusts but these roots do not was issued by a private CA,
// which on a connection to a public service means a TLS-inspecting device. The package
// golang.org/x/crypto/x509roots/fallback would install these roots as the process's fallback;
// the bundle package only hands them over, so the program's own trust is left alone.
var publicRoots = sync.OnceValue(func() *x509.CertPool {
	p := x509.NewCertPool()
	for r := range bundle.Roots() {
		c, err := x509.ParseCertificate(r.Certificate)
		if err != nil {
			continue // a certificate Go cannot parse cannot anchor a chain either
		}
		if r.Constraint != nil {
			p.AddCertWithConstraint(c, r.Constraint)
		} else {
			p.AddCert(c)
		}
	}
	return p
})

// PublicRoots returns a copy of the public web roots, for callers that add their own.
func PublicRoots() *x509.CertPool { return publicRoots().Clone() }

// ErrNoCertificates is returned by LoadCAFile for a file without any PEM certificate.
var ErrNoCertificates = errors.New("no PEM certificate in the file")

// LoadCAFile reads the PEM certificates of --ca-file. They count as genuine roots: trusted like
// this machine's, and public like the web's (a private deployment, or a test).
func LoadCAFile(path string) ([]*x509.Certificate, error) {
	raw, err := endpoints.ReadBounded(path, endpoints.MaxFileBytes)
	if err != nil {
		return nil, err
	}
	out, err := pemCertificates(raw)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, ErrNoCertificates
	}
	return out, nil
}
