// Command hostileserver serves one hostile behaviour on 127.0.0.1 for measuring the network
// check against it from outside the tests (peak memory and wall time with /usr/bin/time -v; see
// scripts/measure-hostile.sh). It prints "addr ca-file" and serves until killed. With -tls it
// speaks TLS with a certificate for 127.0.0.1 whose root it writes to the printed file.
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"flag"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

func main() {
	kind := flag.String("b", "endless-header", "endless-status | endless-header | endless-headers | 1xx | trickle | ok")
	useTLS := flag.Bool("tls", false, "serve TLS (certificate for 127.0.0.1)")
	flag.Parse()
	behaviours := map[string]netchecktest.Behaviour{
		"endless-status":  netchecktest.EndlessStatusLine,
		"endless-header":  netchecktest.EndlessHeaderLine,
		"endless-headers": netchecktest.EndlessHeaders,
		"1xx":             netchecktest.InformationalThenSilence,
		"trickle":         netchecktest.Trickle(50 * time.Millisecond),
		"ok":              netchecktest.Answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
	}
	b, ok := behaviours[*kind]
	if !ok {
		fmt.Fprintln(os.Stderr, "unknown behaviour", *kind)
		os.Exit(2)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	caFile := "-"
	if *useTLS {
		cert, pemFile, err := selfSigned()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		caFile = pemFile
		l = tls.NewListener(l, &tls.Config{Certificates: []tls.Certificate{cert}, NextProtos: []string{"http/1.1"}})
	}
	netchecktest.Serve(l, b)
	fmt.Println(l.Addr().String(), caFile)
	select {}
}

// selfSigned makes a certificate for 127.0.0.1 that is its own root, and writes it as PEM.
func selfSigned() (tls.Certificate, string, error) {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "hostile test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	f := filepath.Join(os.TempDir(), fmt.Sprintf("hostile-ca-%d.pem", os.Getpid()))
	if err := os.WriteFile(f, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		return tls.Certificate{}, "", err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: k}, f, nil
}
