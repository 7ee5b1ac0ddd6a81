package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// signer holds what Authenticode signing needs. The zero value signs nothing.
type signer struct {
	Cert         string // PEM or DER certificate file, with its chain when there is one
	Key          string // PEM or DER private key file
	PassFile     string // file holding the key's password; never a command-line argument
	TimestampURL string // RFC 3161 time-stamping server; makes the signature outlive the certificate
}

func (s signer) enabled() bool { return s.Cert != "" || s.Key != "" }

func (s signer) check() error {
	if !s.enabled() {
		if s.PassFile != "" || s.TimestampURL != "" {
			return errors.New("signing options given without -sign-cert and -sign-key")
		}
		return nil
	}
	if s.Cert == "" || s.Key == "" {
		return errors.New("signing needs both -sign-cert and -sign-key")
	}
	for _, f := range []string{s.Cert, s.Key, s.PassFile} {
		if f == "" {
			continue
		}
		if _, err := os.Stat(f); err != nil {
			return err
		}
	}
	if _, err := exec.LookPath("osslsigncode"); err != nil {
		return errors.New("signing needs osslsigncode (Debian: apt-get install osslsigncode)")
	}
	return nil
}

// sign signs the PE file exe in place with a SHA-256 Authenticode signature. The signing time is
// the commit time, so that without a time-stamping server the signed file is reproducible too.
func (s signer) sign(exe, description string, src source) error {
	out := exe + ".signed"
	args := []string{"sign", "-certs", s.Cert, "-key", s.Key, "-h", "sha256", "-n", description,
		"-time", strconv.FormatInt(src.Time.Unix(), 10)}
	if s.PassFile != "" {
		args = append(args, "-readpass", s.PassFile)
	}
	if s.TimestampURL != "" {
		args = append(args, "-ts", s.TimestampURL)
	}
	args = append(args, "-in", exe, "-out", out)
	cmd := exec.Command("osslsigncode", args...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil {
		os.Remove(out)
		return fmt.Errorf("osslsigncode sign %s: %v\n%s", exe, err, strings.TrimSpace(buf.String()))
	}
	return os.Rename(out, exe)
}
