// Package netchecktest serves what the network check's tests need on loopback only: certificate
// authorities of their own, TLS servers that behave like a good server, an intercepting device,
// an expired or misnamed certificate, a server that never answers or is slow to, a port that
// drops connection attempts, and a CONNECT proxy. Tests import it; the program does not.
package netchecktest

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"sync/atomic"
	"testing"
	"time"
)

// CA is a certificate authority made for one test.
type CA struct {
	Cert *x509.Certificate
	Key  crypto.Signer
	PEM  []byte // the CA certificate, PEM-encoded, as --ca-file reads it
}

var serial atomic.Int64

func key(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// sign makes the certificate tmpl for key k, signed by parent's key signer (tmpl itself and k
// for a root), and returns it parsed and as DER.
func sign(t testing.TB, tmpl, parent *x509.Certificate, k *ecdsa.PrivateKey, signer crypto.Signer) (*x509.Certificate, []byte) {
	t.Helper()
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, k.Public(), signer)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c, der
}

// NewCA makes a root CA whose subject is CN=name, O=org.
func NewCA(t testing.TB, name, org string) *CA {
	t.Helper()
	k := key(t)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(serial.Add(1)),
		Subject:               pkix.Name{CommonName: name, Organization: []string{org}},
		NotBefore:             time.Now().Add(-24 * time.Hour),
		NotAfter:              time.Now().Add(365 * 24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	c, der := sign(t, tmpl, tmpl, k, k)
	return &CA{Cert: c, Key: k, PEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

// Issue makes a server certificate for names (host names or IP addresses), valid from
// notBefore to notAfter.
func (ca *CA) Issue(t testing.TB, names []string, notBefore, notAfter time.Time) tls.Certificate {
	t.Helper()
	k := key(t)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial.Add(1)),
		Subject:      pkix.Name{CommonName: names[0]},
		NotBefore:    notBefore,
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, n := range names {
		if ip := net.ParseIP(n); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, n)
		}
	}
	leaf, der := sign(t, tmpl, ca.Cert, k, ca.Key)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: k, Leaf: leaf}
}

// Leaf makes a certificate for names valid from yesterday to next month.
func (ca *CA) Leaf(t testing.TB, names ...string) tls.Certificate {
	return ca.Issue(t, names, time.Now().Add(-24*time.Hour), time.Now().Add(30*24*time.Hour))
}

// Pool is a root pool of the given CAs.
func Pool(cas ...*CA) *x509.CertPool {
	p := x509.NewCertPool()
	for _, ca := range cas {
		p.AddCert(ca.Cert)
	}
	return p
}

// Intermediate makes a CA signed by ca, as public and corporate CAs issue from.
func (ca *CA) Intermediate(t testing.TB, name string) *CA {
	t.Helper()
	k := key(t)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(serial.Add(1)),
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             time.Now().Add(-24 * time.Hour),
		NotAfter:              time.Now().Add(180 * 24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	c, der := sign(t, tmpl, ca.Cert, k, ca.Key)
	return &CA{Cert: c, Key: k, PEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}
