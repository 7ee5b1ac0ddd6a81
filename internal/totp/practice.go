// Package totp runs the practice enrolment of step 9: a throw-away TOTP key the person adds to
// Microsoft Authenticator, and a verifier for the codes the app then shows, which also tells
// when the phone's clock is off. Keys live in memory only.
package totp

import (
	"io"
	"strings"

	"github.com/auvenir/auvenir-onboard/internal/guest"
	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// SecretBytes is the key size: 160 bits, what RFC 4226 recommends and Microsoft Authenticator
// accepts for an "other account".
const SecretBytes = 20

// MaxURIBytes is the longest URI a practice key may have: what a version 6 QR code holds at low
// error correction (134 bytes). That code, 41 modules with a 2-module quiet zone, is drawn in
// 45×23 cells, the largest that fits an 80×24 window beside the text; one more version needs 25
// rows. An address that would make the URI longer is left out of it (the neutral account name
// stands in), so giving a long address never makes the practice code too big for the window.
const MaxURIBytes = 134

// Practice is one practice enrolment: a fresh random key, its URI and its verifier. Nothing of
// it is ever written anywhere; printing it shows no secret.
type Practice struct {
	issuer, account string
	secret          string // base32, no padding
	uri             string
	verifier        *Verifier
}

// NewPractice makes a new practice key. The issuer (message TotpIssuer, "Auvenir (practice)")
// tells the person in the app that the entry is an exercise to delete afterwards; the account is
// their address when a valid one is given, else the neutral TotpAccount label.
func NewPractice(z *locales.Localizer, address string) (*Practice, error) {
	return NewPracticeFrom(z, address, nil)
}

// NewPracticeFrom is NewPractice with the key's random bytes read from rand (crypto/rand when
// nil). Only tests pass a reader: a fixed one makes a screen that shows the key and its QR code
// render the same on every run.
func NewPracticeFrom(z *locales.Localizer, address string, rand io.Reader) (*Practice, error) {
	issuer, account := z.T("TotpIssuer"), z.T("TotpAccount")
	if a, err := guest.Parse(address); err == nil && len(otpauth.Build(issuer, a, strings.Repeat("A", base32Len))) <= MaxURIBytes {
		account = a
	}
	return newPractice(issuer, account, rand)
}

// base32Len is the length of the secret as the URI writes it (base32 without padding).
const base32Len = (SecretBytes*8 + 4) / 5

// newPractice draws the secret from rand (crypto/rand when nil) with pquerna/otp.
func newPractice(issuer, account string, rand io.Reader) (*Practice, error) {
	key, err := totp.Generate(totp.GenerateOpts{
		Issuer:      issuer,
		AccountName: account,
		SecretSize:  SecretBytes,
		Digits:      otp.DigitsSix,
		Algorithm:   otp.AlgorithmSHA1,
		Rand:        rand,
	})
	if err != nil {
		return nil, err
	}
	v, err := NewVerifier(key.Secret())
	if err != nil {
		return nil, err
	}
	return &Practice{
		issuer:   issuer,
		account:  account,
		secret:   key.Secret(),
		uri:      otpauth.Build(issuer, account, key.Secret()),
		verifier: v,
	}, nil
}

// Issuer is the name the app shows in large type.
func (p *Practice) Issuer() string { return p.issuer }

// Account is the name the app shows under the issuer.
func (p *Practice) Account() string { return p.account }

// URI is the otpauth:// URI to show as a QR code. It carries the secret.
func (p *Practice) URI() string { return p.uri }

// Secret is the key in base32 (32 characters, no padding), for manual entry.
func (p *Practice) Secret() string { return p.secret }

// GroupedSecret is the key in groups of four ("ABCD EFGH …"), easier to type into the app.
func (p *Practice) GroupedSecret() string { return otpauth.Group(p.secret) }

// Verifier checks the codes the app shows for this key.
func (p *Practice) Verifier() *Verifier { return p.verifier }

// String hides the secret, should a Practice ever be printed or logged by mistake.
func (p Practice) String() string {
	return "totp.Practice{" + p.issuer + ":" + p.account + ", secret hidden}"
}

// GoString hides the secret from %#v too.
func (p Practice) GoString() string { return p.String() }
