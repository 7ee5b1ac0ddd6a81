package main

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
	"github.com/auvenir/auvenir-onboard/locales"
)

// throwawayCert writes a self-signed code-signing certificate, its key in clear and the same key
// encrypted with a password kept in a file, as a signing run would get them.
func throwawayCert(t *testing.T) (cert, key, encKey, passFile string) {
	t.Helper()
	dir := t.TempDir()
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: "Auvenir test signing (throwaway)", Organization: []string{"Auvenir"}},
		NotBefore:             time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), // before any commit time
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageCodeSigning},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &priv.PublicKey, priv)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, block *pem.Block) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, pem.EncodeToMemory(block), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cert = write("cert.pem", &pem.Block{Type: "CERTIFICATE", Bytes: der})
	keyDER := x509.MarshalPKCS1PrivateKey(priv)
	key = write("key.pem", &pem.Block{Type: "RSA PRIVATE KEY", Bytes: keyDER})
	const pass = "correct horse battery staple"
	// Legacy PEM encryption is weak, but it is what OpenSSL reads and the standard library can
	// write; it only protects a key that lives for this test.
	//lint:ignore SA1019 see above
	block, err := x509.EncryptPEMBlock(rand.Reader, "RSA PRIVATE KEY", keyDER, []byte(pass), x509.PEMCipherAES256)
	if err != nil {
		t.Fatal(err)
	}
	encKey = write("key-encrypted.pem", block)
	passFile = filepath.Join(dir, "pass")
	if err := os.WriteFile(passFile, []byte(pass), 0o600); err != nil {
		t.Fatal(err)
	}
	return cert, key, encKey, passFile
}

// With a certificate and key, the .exe inside the archive carries an Authenticode signature that
// osslsigncode verifies against that certificate; signing keeps the release reproducible.
func TestSignedWindowsRelease(t *testing.T) {
	testtool.RunInStep(t, "Authenticode signing proof", "runs this test, shown")
	testtool.Need(t, "osslsigncode")
	cert, key, encKey, passFile := throwawayCert(t)
	win := target{"windows", "amd64"}
	outPlain, _ := release(t, signer{Cert: cert, Key: key}, win)

	s := headSource(t)
	base := archiveBase(s, win)
	exe := unzip(t, filepath.Join(outPlain, base+".zip"))[base+"/"+program+".exe"]
	path := filepath.Join(t.TempDir(), program+".exe")
	if err := os.WriteFile(path, exe, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("osslsigncode", "verify", "-CAfile", cert, "-in", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Signature verification: ok") {
		t.Fatalf("osslsigncode verify: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "Auvenir test signing") {
		t.Errorf("the signer is not the throwaway certificate:\n%s", out)
	}

	// The same key, encrypted, with its password file, signs the shared release's unsigned .exe
	// (the same commit, built without signing) to the same bytes: signing is reproducible and
	// reads the password. Signing the shared build saves a third build of the program.
	shared, _ := sharedRelease(t)
	encPath := filepath.Join(t.TempDir(), program+".exe")
	if err := os.WriteFile(encPath, unzip(t, filepath.Join(shared, base+".zip"))[base+"/"+program+".exe"], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := (signer{Cert: cert, Key: encKey, PassFile: passFile}).sign(encPath, locales.New(locales.English).T("AppName"), s); err != nil {
		t.Fatal(err)
	}
	if enc, _ := os.ReadFile(encPath); !bytes.Equal(exe, enc) {
		t.Error("signing the same build with the same key, once encrypted, gave different files")
	}

	// A different certificate must not verify: the check above is not vacuous.
	other, _, _, _ := throwawayCert(t)
	if out, err := exec.Command("osslsigncode", "verify", "-CAfile", other, "-in", path).CombinedOutput(); err == nil {
		t.Errorf("verification against an unrelated certificate succeeded:\n%s", out)
	}
}

// An unsigned build does not look signed.
func TestUnsignedByDefault(t *testing.T) {
	testtool.Need(t, "osslsigncode")
	win := target{"windows", "amd64"}
	out, _ := sharedRelease(t)
	base := archiveBase(headSource(t), win)
	path := filepath.Join(t.TempDir(), program+".exe")
	os.WriteFile(path, unzip(t, filepath.Join(out, base+".zip"))[base+"/"+program+".exe"], 0o644)
	if out, err := exec.Command("osslsigncode", "verify", "-in", path).CombinedOutput(); err == nil {
		t.Errorf("an unsigned build verifies:\n%s", out)
	}
}
