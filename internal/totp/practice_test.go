package totp

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/auvenir/auvenir-onboard/internal/qr"
	"github.com/auvenir/auvenir-onboard/internal/testtool"
	"github.com/auvenir/auvenir-onboard/locales"
)

func TestNewPractice(t *testing.T) {
	cases := []struct {
		lang            locales.Lang
		address         string
		issuer, account string
	}{
		{locales.English, "jane.doe@example.ca", "Auvenir (practice)", "jane.doe@example.ca"},
		{locales.French, " Jean@Cabinet.QC.CA ", "Auvenir (exercice)", "Jean@cabinet.qc.ca"},
		{locales.English, "", "Auvenir (practice)", "practice"},
		{locales.French, "", "Auvenir (exercice)", "exercice"},
		{locales.English, "not an address", "Auvenir (practice)", "practice"},
	}
	for _, c := range cases {
		p, err := NewPractice(locales.New(c.lang), c.address)
		if err != nil {
			t.Fatal(err)
		}
		if p.Issuer() != c.issuer || p.Account() != c.account {
			t.Errorf("%s %q: %q / %q, want %q / %q", c.lang, c.address, p.Issuer(), p.Account(), c.issuer, c.account)
		}
		k, err := otpauth.Parse(p.URI())
		if err != nil {
			t.Fatalf("%s: the practice URI %q does not parse: %v", c.lang, p.URI(), err)
		}
		if k.Issuer != c.issuer || k.Account != c.account || k.Secret != p.Secret() || k.Digits != 6 || k.Period != 30 || k.Algorithm != "SHA1" {
			t.Errorf("%s: URI reads back as %+v", c.lang, struct{ otpauth.Key }{k})
		}
		raw, err := b32.DecodeString(p.Secret())
		if err != nil || len(raw) != SecretBytes || len(p.Secret()) != 32 {
			t.Errorf("secret %d characters, %d bytes (%v); want 32 and 20", len(p.Secret()), len(raw), err)
		}
		if g := p.GroupedSecret(); strings.ReplaceAll(g, " ", "") != p.Secret() || len(strings.Fields(g)) != 8 {
			t.Errorf("GroupedSecret %q", g)
		}
	}
}

func TestIssuerAndAccountLabelsAreSafe(t *testing.T) {
	for _, l := range locales.Langs {
		z := locales.New(l)
		for _, id := range []string{"TotpIssuer", "TotpAccount"} {
			s := z.T(id)
			// ASCII only: no accent for an app to mangle; no colon, which splits the label.
			for _, r := range s {
				if r < 0x20 || r > 0x7e || r == ':' {
					t.Errorf("%s %s = %q has %q", l, id, s, r)
				}
			}
		}
		if !strings.Contains(z.T("TotpIssuer"), "Auvenir") {
			t.Errorf("%s: the issuer %q does not name Auvenir", l, z.T("TotpIssuer"))
		}
	}
}

func TestPracticeKeysAreRandomAndFromTheReader(t *testing.T) {
	a, _ := NewPractice(locales.New(locales.English), "")
	b, _ := NewPractice(locales.New(locales.English), "")
	if a.Secret() == b.Secret() {
		t.Fatal("two practice keys are equal")
	}
	seed := bytes.Repeat([]byte{0xA5}, SecretBytes)
	p, err := newPractice("I", "a", bytes.NewReader(seed))
	if err != nil {
		t.Fatal(err)
	}
	if p.Secret() != b32.EncodeToString(seed) {
		t.Errorf("secret %s is not the 160 bits read", p.Secret())
	}
	if _, err := newPractice("I", "a", bytes.NewReader(seed[:10])); err == nil {
		t.Error("a short random source must fail, not give a short key")
	}
	// The exported form, which the TUI's golden tests use, reads the same way and keeps the
	// issuer and account of NewPractice.
	q, err := NewPracticeFrom(locales.New(locales.French), "jean@cabinet.ca", bytes.NewReader(seed))
	if err != nil {
		t.Fatal(err)
	}
	if q.Secret() != p.Secret() || q.Issuer() != "Auvenir (exercice)" || q.Account() != "jean@cabinet.ca" {
		t.Errorf("NewPracticeFrom: %s, secret equal %v", q, q.Secret() == p.Secret())
	}
}

func TestPracticeVerifiesTheAppsCodes(t *testing.T) {
	p, err := NewPractice(locales.New(locales.English), "jane@example.ca")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	code, err := totp.GenerateCodeCustom(p.Secret(), now, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		t.Fatal(err)
	}
	if r := p.Verifier().Check(code, now); r.Outcome != Verified {
		t.Errorf("pquerna's code: %+v", r)
	}
}

// oathtool is an independent implementation, the one the end-to-end test types codes from.
func TestPracticeAgreesWithOathtool(t *testing.T) {
	testtool.Need(t, "oathtool")
	p, _ := NewPractice(locales.New(locales.French), "")
	now := time.Unix(1767225600, 0) // fixed: 2026-01-01 00:00:00 UTC
	for _, skew := range []int{0, 2, -3} {
		at := now.Add(time.Duration(skew) * time.Minute)
		// The secret goes through the argument list of a short-lived local process only.
		out, err := exec.Command("oathtool", "--totp", "-b", "-N", at.UTC().Format("2006-01-02 15:04:05 UTC"), p.Secret()).Output()
		if err != nil {
			t.Fatal(err)
		}
		v, _ := NewVerifier(p.Secret())
		r := v.Check(strings.TrimSpace(string(out)), now)
		want := map[int]Result{
			0:  {Outcome: Verified},
			2:  {Outcome: ClockAhead, Steps: 4, Minutes: 2},
			-3: {Outcome: ClockBehind, Steps: -6, Minutes: 3},
		}[skew]
		if r != want {
			t.Errorf("oathtool code at %+d min: %+v, want %+v", skew, r, want)
		}
	}
}

func TestPracticeURIFitsSmallTerminals(t *testing.T) {
	p, _ := NewPractice(locales.New(locales.English), "jane.doe@example.ca")
	r, err := qr.Render(p.URI(), qr.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 131 bytes: version 8 at level M (49 modules), 29 rows × 57 columns.
	if len(p.URI()) > 140 || r.Height > 29 {
		t.Errorf("URI of %d bytes needs %d×%d cells", len(p.URI()), r.Width, r.Height)
	}
	if f, err := qr.Fit(p.URI(), qr.Options{}, 80, 24); err != nil {
		t.Errorf("the practice code does not fit 80×24 even with fallbacks: %v (%d×%d)", err, f.Width, f.Height)
	}
}

func TestNothingPrintsTheSecret(t *testing.T) {
	p, _ := NewPractice(locales.New(locales.English), "jane@example.ca")
	v := p.Verifier()
	for _, s := range []string{
		fmt.Sprint(p), fmt.Sprintf("%v|%+v|%#v|%s", p, p, p, p), fmt.Sprintf("%v|%+v|%#v", *p, *p, *p),
		fmt.Sprint(v), fmt.Sprintf("%+v|%#v", v, v),
	} {
		if strings.Contains(s, p.Secret()) || strings.Contains(s, p.Secret()[:8]) {
			t.Errorf("printed the secret: %s", s)
		}
	}
}

// A long address is left out of the URI rather than making the code too big for 80×24; a short
// one is the account.
func TestPracticeURIStaysSmall(t *testing.T) {
	z := locales.New(locales.French)
	for addr, inURI := range map[string]bool{"jane@firm.ca": true,
		"jane.tremblay@cabinet-exemple.ca": false, "a.very.long.address.indeed@some-firm.example.ca": false} {
		p, err := NewPractice(z, addr)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.URI()) > MaxURIBytes {
			t.Errorf("%s: URI of %d bytes", addr, len(p.URI()))
		}
		if got := p.Account() == addr; got != inURI {
			t.Errorf("%s: account %q", addr, p.Account())
		}
	}
}
