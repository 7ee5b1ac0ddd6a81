package otpauth

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/auvenir/auvenir-onboard/internal/qr"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/pquerna/otp"
)

const secret20 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" // 20 bytes

func TestParseAccepts(t *testing.T) {
	cases := []struct {
		in   string
		want Key
	}{
		{"otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30",
			Key{Issuer: "ACME Co", Account: "john.doe@email.com", Secret: "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ", Digits: 6, Period: 30, Algorithm: "SHA1"}},
		// Defaults, lower-case secret, label without issuer.
		{"otpauth://totp/alice@google.com?secret=jbswy3dpehpk3pxp",
			Key{Account: "alice@google.com", Secret: "JBSWY3DPEHPK3PXP", Digits: 6, Period: 30, Algorithm: "SHA1"}},
		// Issuer from the label prefix only; space after the colon; upper-case scheme and type.
		{"OTPAUTH://TOTP/Example:%20alice?secret=JBSWY3DPEHPK3PXP",
			Key{Issuer: "Example", Account: "alice", Secret: "JBSWY3DPEHPK3PXP", Digits: 6, Period: 30, Algorithm: "SHA1"}},
		// The issuer parameter wins; 8 digits, 60 s, SHA512 in lower case.
		{"otpauth://totp/Old:bob?secret=" + secret20 + "&issuer=New&digits=8&period=60&algorithm=sha512",
			Key{Issuer: "New", Account: "bob", Secret: secret20, Digits: 8, Period: 60, Algorithm: "SHA512"}},
		{"otpauth://totp/x?secret=" + secret20 + "&algorithm=SHA256",
			Key{Account: "x", Secret: secret20, Digits: 6, Period: 30, Algorithm: "SHA256"}},
		// Correct padding is accepted and removed: 11 bytes take 18 characters + 6 "=".
		{"otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJA======",
			Key{Account: "x", Secret: "JBSWY3DPEHPK3PXPJA", Digits: 6, Period: 30, Algorithm: "SHA1"}},
		// Unknown parameters (image, counter) are ignored; a French issuer in UTF-8.
		{"otpauth://totp/Soci%C3%A9t%C3%A9:z?secret=" + secret20 + "&image=https%3A%2F%2Fx.ca%2Fa.png&counter=3",
			Key{Issuer: "Société", Account: "z", Secret: secret20, Digits: 6, Period: 30, Algorithm: "SHA1"}},
		// Surrounding white space, as `echo` or a paste leave it.
		{"  otpauth://totp/x?secret=" + secret20 + "\r\n",
			Key{Account: "x", Secret: secret20, Digits: 6, Period: 30, Algorithm: "SHA1"}},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		c.want.Text = strings.TrimSpace(c.in)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q)\n = %#v, %v\nwant %#v", c.in, fmt.Sprintf("%+v", struct{ Key }{got}), err, fmt.Sprintf("%+v", struct{ Key }{c.want}))
		}
	}
}

func TestParseRefuses(t *testing.T) {
	ok := "otpauth://totp/x?secret=" + secret20
	cases := []struct {
		in   string
		want error
	}{
		{"", ErrEmpty},
		{" \n\t", ErrEmpty},
		{strings.Repeat("a", MaxLen+slack+1), ErrTooLong},
		{ok + "&issuer=" + strings.Repeat("a", MaxLen), ErrTooLong},
		{"https://example.com/?secret=" + secret20, ErrScheme},
		{"JBSWY3DPEHPK3PXP", ErrScheme},
		{"otpauth://hotp/x?secret=" + secret20 + "&counter=1", ErrType},
		{"otpauth://totp:80/x?secret=" + secret20, ErrType},
		{"otpauth:totp/x?secret=" + secret20, ErrSyntax},
		{"otpauth:///x?secret=" + secret20, ErrSyntax},
		{"otpauth://user@totp/x?secret=" + secret20, ErrSyntax},
		{"otpauth://totp/x?secret=" + secret20 + "\x1b[2J", ErrSyntax},
		{"otpauth://totp/x\nsecond?secret=" + secret20, ErrSyntax},
		{"otpauth://totp/x%1B%5B2J?secret=" + secret20, ErrSyntax},      // escape hidden in the label
		{ok + "&issuer=%C2%9B31m", ErrSyntax},                           // C1 control (CSI)
		{ok + "&issuer=Corp%E2%80%AEmoc.lapyap", ErrSyntax},             // RLO: shown reversed
		{"otpauth://totp/x%E2%81%A6jane?secret=" + secret20, ErrSyntax}, // LRI in the label
		{"otpauth://totp/x%FF?secret=" + secret20, ErrSyntax},           // not UTF-8
		{"otpauth://totp/x?secret=" + secret20 + "&digits=6%", ErrSyntax},
		{"otpauth://totp/x", ErrSecretMissing},
		{"otpauth://totp/x?secret=", ErrSecretMissing},
		{"otpauth://totp/x?secret=JBSWY3DPEHPK3PX1", ErrSecret},  // 1 is not base32
		{"otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJ", ErrSecret}, // impossible length
		{"otpauth://totp/x?secret=JBSWY3DP%20EHPK3PXP", ErrSecret},
		{"otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJA==", ErrSecret}, // wrong padding
		{"otpauth://totp/x?secret=JBSWY3DPEHPK3P==", ErrSecret},
		{"otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJBS", ErrSecret},
		{"otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJBSWY3", ErrSecret},
		{"otpauth://totp/x?secret=JBSWY3DPEHPK3PX=", ErrSecretShort}, // right padding, 9 bytes
		{"otpauth://totp/x?secret=JBSWY3DPEHPK3", ErrSecretShort},    // 8 bytes
		{ok + "&secret=" + secret20, ErrDuplicate},
		{ok + "&issuer=a&issuer=b", ErrDuplicate},
		{ok + "&digits=7", ErrDigits},
		{ok + "&digits=", ErrDigits},
		{ok + "&digits=06", ErrDigits},
		{ok + "&period=0", ErrPeriod},
		{ok + "&period=-30", ErrPeriod},
		{ok + "&period=+30", ErrPeriod},
		{ok + "&period=9", ErrPeriod},
		{ok + "&period=301", ErrPeriod},
		{ok + "&period=30s", ErrPeriod},
		{ok + "&period=99999999999999999999999", ErrPeriod},
		{ok + "&algorithm=MD5", ErrAlgorithm},
		{ok + "&algorithm=", ErrAlgorithm},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if !errors.Is(err, c.want) {
			t.Errorf("Parse(%.80q) = %v, want %v", c.in, err, c.want)
		}
		if got != (Key{}) {
			t.Errorf("Parse(%.80q) returned a key with its error", c.in)
		}
	}
	// The limit is exactly MaxLen: a valid URI of that length passes.
	pad := MaxLen - len(ok+"&issuer=")
	if _, err := Parse(ok + "&issuer=" + strings.Repeat("a", pad)); err != nil {
		t.Errorf("a URI of exactly MaxLen bytes: %v", err)
	}
}

func TestMaxLenFitsAQRCode(t *testing.T) {
	if MaxLen != 2331 {
		t.Errorf("MaxLen = %d; want the level-M capacity 2331", MaxLen)
	}
	if _, err := qr.Render(strings.Repeat("a", MaxLen), qr.Options{Level: qr.Medium}); err != nil {
		t.Errorf("a MaxLen text does not render: %v", err)
	}
}

func TestErrorsCarryLocaleMessages(t *testing.T) {
	all := []*Error{ErrEmpty, ErrTooLong, ErrSyntax, ErrScheme, ErrType, ErrDuplicate, ErrSecretMissing,
		ErrSecret, ErrSecretShort, ErrDigits, ErrPeriod, ErrAlgorithm, ErrRead}
	inputs := map[*Error]string{
		ErrTooLong:       strings.Repeat("a", MaxLen+1),
		ErrScheme:        "http://x",
		ErrType:          "otpauth://hotp/x",
		ErrDuplicate:     "otpauth://totp/x?secret=a&secret=b",
		ErrSecretMissing: "otpauth://totp/x",
		ErrSecretShort:   "otpauth://totp/x?secret=AAAA",
		ErrDigits:        "otpauth://totp/x?secret=" + secret20 + "&digits=7",
		ErrPeriod:        "otpauth://totp/x?secret=" + secret20 + "&period=1",
		ErrAlgorithm:     "otpauth://totp/x?secret=" + secret20 + "&algorithm=md5",
	}
	for _, kind := range all {
		var e *Error
		if kind == ErrRead {
			_, err := Read(iotest.ErrReader(io.ErrUnexpectedEOF))
			if !errors.As(err, &e) || !errors.Is(err, ErrRead) {
				t.Fatalf("Read of a failing reader = %v", err)
			}
		} else if in, ok := inputs[kind]; ok {
			_, err := Parse(in)
			if !errors.As(err, &e) || !errors.Is(err, kind) {
				t.Fatalf("Parse(%.40q) = %v, want %s", in, err, kind.ID)
			}
		} else {
			e = kind
		}
		for _, l := range locales.Langs {
			z := locales.New(l)
			if !z.Has(e.ID) {
				t.Errorf("%s: no message %s", l, e.ID)
			}
			msg := e.Message(z)
			if strings.Contains(msg, "<no value>") || strings.Contains(msg, "\n") {
				t.Errorf("%s %s: %q lacks template data or is not one line", l, e.ID, msg)
			}
		}
	}
}

func TestRead(t *testing.T) {
	uri := "otpauth://totp/x?secret=" + secret20
	k, err := Read(strings.NewReader(uri + "\n"))
	if err != nil || k.Secret != secret20 {
		t.Fatalf("Read = %v, %v", k, err)
	}
	// An endless input is cut at the limit, not read to the end.
	r := &countingReader{}
	if _, err := Read(io.LimitReader(r, 1<<30)); !errors.Is(err, ErrTooLong) {
		t.Fatalf("Read of 1 GiB = %v, want ErrTooLong", err)
	}
	if r.n > int64(MaxLen+slack+1)+32*1024 {
		t.Errorf("Read consumed %d bytes of an endless input", r.n)
	}
	if _, err := Read(iotest.ErrReader(io.ErrUnexpectedEOF)); !errors.Is(err, ErrRead) {
		t.Errorf("a failing reader gave %v, want ErrRead", err)
	}
	if _, err := Read(strings.NewReader("")); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty input gave %v, want ErrEmpty", err)
	}
}

type countingReader struct{ n int64 }

func (c *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	c.n += int64(len(p))
	return len(p), nil
}

func TestBuildRoundTrips(t *testing.T) {
	cases := [][2]string{
		{"Auvenir (practice)", "jane.doe@example.ca"},
		{"Auvenir (exercice)", "exercice"},
		{"A:B", "c:d"},          // colons must not move the label split
		{"x y", "j+audit@x.ca"}, // "+" must not turn into a space
		{"Société", "名前@例え.jp"},
	}
	for _, c := range cases {
		uri := Build(c[0], c[1], secret20)
		k, err := Parse(uri)
		if err != nil {
			t.Fatalf("Parse(Build(%q, %q)) = %v (%s)", c[0], c[1], err, uri)
		}
		if k.Issuer != c[0] || k.Account != c[1] || k.Secret != secret20 || k.Digits != 6 || k.Period != 30 || k.Algorithm != "SHA1" {
			t.Errorf("Build(%q, %q) = %s reads back as %+v", c[0], c[1], uri, struct{ Key }{k})
		}
		// pquerna/otp, which reads such URIs like the apps do, agrees.
		ok, err := otp.NewKeyFromURL(uri)
		if err != nil || ok.Issuer() != c[0] || ok.Secret() != secret20 || ok.Period() != 30 || ok.Digits() != otp.DigitsSix || ok.Algorithm() != otp.AlgorithmSHA1 {
			t.Errorf("pquerna/otp reads %s as %q %q %v", uri, ok.Issuer(), ok.Secret(), err)
		}
	}
	if got := Build("Auvenir (practice)", "jane@firm.ca", secret20); got != "otpauth://totp/Auvenir%20%28practice%29:jane@firm.ca?secret="+secret20+"&issuer=Auvenir%20%28practice%29" {
		t.Errorf("Build = %s", got)
	}
}

func TestGroup(t *testing.T) {
	cases := map[string]string{
		"":                   "",
		"ABC":                "ABC",
		"ABCD":               "ABCD",
		"ABCDE":              "ABCD E",
		secret20:             "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP",
		"JBSWY3DPEHPK3PXPJA": "JBSW Y3DP EHPK 3PXP JA",
	}
	for in, want := range cases {
		if got := Group(in); got != want {
			t.Errorf("Group(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKeyPrintsNoSecret(t *testing.T) {
	k, err := Parse("otpauth://totp/A:b?secret=" + secret20)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprint(k), fmt.Sprintf("%v %+v %#v %s", k, k, k, k), fmt.Sprint(&k)} {
		if strings.Contains(s, secret20) || strings.Contains(s, "JBSW") {
			t.Errorf("printing a Key shows the secret: %s", s)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"otpauth://totp/ACME%20Co:john@x.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&digits=8&period=60&algorithm=SHA256",
		"otpauth://totp/x?secret=jbswy3dpehpk3pxp====",
		"otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=0",
		"otpauth://totp/%zz?secret=JBSWY3DPEHPK3PXP",
		"otpauth:totp",
		"\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !locales.New(locales.English).Has(e.ID) {
				t.Fatalf("Parse(%q): %v is not a localized error", s, err)
			}
			return
		}
		if len(k.Text) > MaxLen || k.Digits != 6 && k.Digits != 8 || k.Period < MinPeriod || k.Period > MaxPeriod {
			t.Fatalf("Parse(%q) accepted %+v", s, struct{ Key }{k})
		}
		if !printable(k.Issuer) || !printable(k.Account) {
			t.Fatalf("Parse(%q) let a control character through", s)
		}
		// The canonical secret is valid and re-encodes to itself; the text still parses the same.
		raw, err := b32.DecodeString(k.Secret)
		if err != nil || len(raw) < MinSecretBytes || b32.EncodeToString(raw) != k.Secret {
			t.Fatalf("Parse(%q) secret %q not canonical", s, k.Secret)
		}
		if again, err := Parse(k.Text); err != nil || again != k {
			t.Fatalf("Parse is not stable on %q: %v", k.Text, err)
		}
		if _, err := qr.Render(k.Text, qr.Options{}); err != nil {
			t.Fatalf("an accepted URI does not render: %v", err)
		}
	})
}
