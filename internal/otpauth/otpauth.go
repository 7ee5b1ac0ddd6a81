// Package otpauth reads, checks and writes otpauth:// key URIs (the text inside authenticator
// QR codes), in the format of https://github.com/google/google-authenticator/wiki/Key-Uri-Format.
// pquerna/otp's NewKeyFromURL checks nothing, so --show-qr validates here before drawing.
package otpauth

import (
	"encoding/base32"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/auvenir/auvenir-onboard/internal/qr"
	"github.com/auvenir/auvenir-onboard/internal/sanitize"
	"github.com/auvenir/auvenir-onboard/internal/textin"
)

// MaxLen is the longest URI accepted, in bytes: what a level-M QR code can hold (qrterminal
// panics beyond it). It is checked before any parsing.
var MaxLen = qr.MaxBytes(qr.Medium)

// MinSecretBytes is the shortest secret accepted: 80 bits (16 base32 characters), what
// Microsoft and most services issue at least. RFC 4226 asks for 128 and recommends 160.
const MinSecretBytes = 10

// Period bounds, in seconds. Authenticator apps use 30 (sometimes 60); a code that changes every
// few seconds or lasts for hours is a mistake.
const (
	MinPeriod = 10
	MaxPeriod = 300
)

// Key is a checked TOTP key URI.
type Key struct {
	// Text is the URI as given (without surrounding white space): what the QR code shows.
	Text string
	// Issuer and Account are the labels the authenticator app shows.
	Issuer, Account string
	// Secret is in canonical base32: upper case, no padding.
	Secret    string
	Digits    int    // 6 or 8
	Period    int    // seconds
	Algorithm string // "SHA1", "SHA256" or "SHA512"
}

// String hides the secret so a Key printed by mistake leaks nothing.
func (k Key) String() string {
	return "otpauth.Key{" + k.Issuer + ":" + k.Account + ", secret hidden}"
}

// GoString hides the secret from %#v too.
func (k Key) GoString() string { return k.String() }

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// Parse checks s, an otpauth://totp/ URI, and returns its key. Surrounding white space (the
// newline of `echo`) is ignored; a text longer than MaxLen is refused before any parsing.
func Parse(s string) (Key, error) {
	if len(s) > MaxLen+slack {
		return Key{}, fail(ErrTooLong, map[string]any{"Max": MaxLen})
	}
	s = strings.TrimSpace(s)
	if len(s) > MaxLen {
		return Key{}, fail(ErrTooLong, map[string]any{"Max": MaxLen})
	}
	if s == "" {
		return Key{}, ErrEmpty
	}
	if !printable(s) {
		return Key{}, ErrSyntax
	}
	u, err := url.Parse(s)
	if err != nil {
		return Key{}, ErrSyntax
	}
	if !strings.EqualFold(u.Scheme, "otpauth") {
		return Key{}, fail(ErrScheme, map[string]any{"Scheme": "otpauth://"})
	}
	if u.Opaque != "" || u.User != nil || u.Host == "" {
		return Key{}, ErrSyntax
	}
	if !strings.EqualFold(u.Host, "totp") {
		return Key{}, fail(ErrType, map[string]any{"Want": "otpauth://totp/"})
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return Key{}, ErrSyntax
	}
	for _, p := range []string{"secret", "issuer", "digits", "period", "algorithm"} {
		if len(q[p]) > 1 {
			return Key{}, fail(ErrDuplicate, map[string]any{"Param": p})
		}
	}
	k := Key{Text: s, Digits: 6, Period: 30, Algorithm: "SHA1"}
	if k.Secret, err = Secret(q.Get("secret")); err != nil {
		return Key{}, err
	}
	if d, ok := q["digits"]; ok {
		switch d[0] {
		case "6", "8":
			k.Digits = int(d[0][0] - '0')
		default:
			return Key{}, fail(ErrDigits, map[string]any{"Param": "digits"})
		}
	}
	if p, ok := q["period"]; ok {
		n, err := strconv.Atoi(p[0])
		if err != nil || strings.Trim(p[0], "0123456789") != "" || n < MinPeriod || n > MaxPeriod {
			return Key{}, fail(ErrPeriod, map[string]any{"Param": "period", "Min": MinPeriod, "Max": MaxPeriod})
		}
		k.Period = n
	}
	if a, ok := q["algorithm"]; ok {
		switch strings.ToUpper(a[0]) {
		case "SHA1", "SHA256", "SHA512":
			k.Algorithm = strings.ToUpper(a[0])
		default:
			return Key{}, fail(ErrAlgorithm, map[string]any{"Param": "algorithm", "Algorithms": "SHA1, SHA256, SHA512"})
		}
	}
	// The label is "Issuer:Account" or just "Account"; the issuer parameter wins over the prefix.
	// Split before unescaping: an escaped colon (%3A) belongs to the name it is in.
	label := strings.TrimPrefix(u.EscapedPath(), "/")
	account := label
	if i := strings.IndexByte(label, ':'); i >= 0 {
		if k.Issuer, err = url.PathUnescape(label[:i]); err != nil {
			return Key{}, ErrSyntax
		}
		account = label[i+1:]
	}
	if account, err = url.PathUnescape(account); err != nil {
		return Key{}, ErrSyntax
	}
	k.Account = strings.TrimLeft(account, " ")
	if iss, ok := q["issuer"]; ok {
		k.Issuer = iss[0]
	}
	// The labels are shown on screen: percent-encoded escape sequences must not reach the terminal.
	if !printable(k.Issuer) || !printable(k.Account) {
		return Key{}, ErrSyntax
	}
	return k, nil
}

// printable refuses invalid UTF-8, control characters (C0, DEL, C1) and the bidi controls
// that would reorder the issuer or account on the screen: what sanitize would change.
func printable(s string) bool { return sanitize.Text(s) == s }

// Secret checks a base32 secret — case-insensitive, padding optional (but right when present), at
// least MinSecretBytes — and returns it in canonical form: upper case, no padding.
func Secret(s string) (string, error) {
	if s == "" {
		return "", fail(ErrSecretMissing, map[string]any{"Param": "secret"})
	}
	s = strings.ToUpper(s)
	var raw []byte
	var err error
	switch {
	case strings.HasSuffix(s, "="):
		raw, err = base32.StdEncoding.DecodeString(s)
	case len(s)%8 == 1 || len(s)%8 == 3 || len(s)%8 == 6:
		// No number of bytes encodes to this many characters; Go's unpadded decoder would
		// silently drop the extra ones.
		return "", ErrSecret
	default:
		raw, err = b32.DecodeString(s)
	}
	if err != nil {
		return "", ErrSecret
	}
	if len(raw) < MinSecretBytes {
		return "", fail(ErrSecretShort, map[string]any{"Min": (MinSecretBytes*8 + 4) / 5})
	}
	return b32.EncodeToString(raw), nil
}

// slack is the white space tolerated around a URI of MaxLen bytes (line ending, stray spaces).
const slack = 64

// Read reads one URI from r (standard input for --show-qr: never the command line, where it
// would stay in the shell history) and parses it. It reads at most MaxLen bytes plus a little
// slack, so a huge or endless input is refused quickly instead of filling memory.
func Read(r io.Reader) (Key, error) {
	buf, err := io.ReadAll(io.LimitReader(textin.NewReader(r), int64(MaxLen+slack+1)))
	if err != nil {
		return Key{}, fail(ErrRead, map[string]any{"Err": err.Error()})
	}
	return Parse(string(buf))
}

// Build writes the shortest standard URI for a 6-digit, 30-second SHA1 key: those are the
// defaults of the format, so digits, period and algorithm are left out, which keeps the QR code
// small enough for an 80×24 terminal. issuer and account may hold any text; a colon in them is
// escaped so the label still splits in the right place.
func Build(issuer, account, secret string) string {
	var b strings.Builder
	b.WriteString("otpauth://totp/")
	b.WriteString(escape(issuer))
	b.WriteString(":")
	b.WriteString(escape(account))
	b.WriteString("?secret=")
	b.WriteString(secret)
	b.WriteString("&issuer=")
	b.WriteString(escape(issuer))
	return b.String()
}

// escape percent-encodes everything but unreserved characters and "@" (kept so an address reads
// as usual in the URI). Spaces become %20, never "+", which some apps would show as a plus.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~@", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte("0123456789ABCDEF"[c>>4])
		b.WriteByte("0123456789ABCDEF"[c&15])
	}
	return b.String()
}

// Group splits a base32 secret into groups of four for typing by hand ("ABCD EFGH IJKL").
func Group(secret string) string {
	var b strings.Builder
	for i := 0; i < len(secret); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(secret[i:min(i+4, len(secret))])
	}
	return b.String()
}
