// Package guest checks the email address a client types and derives the identity the DMC Hosting
// tenant gives that address as a Microsoft Entra B2B guest.
package guest

import (
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/auvenir/auvenir-onboard/internal/idn"
	"github.com/auvenir/auvenir-onboard/locales"
)

// MaxLen is the longest address SMTP allows (RFC 5321 path limit less the brackets).
const MaxLen = 254

// TenantDomain is the tenant's initial domain, as guest user names show it.
const TenantDomain = "DMCHosting.onmicrosoft.com"

// Error is a reason an address was refused; see locales.Error.
type Error = locales.Error

var (
	ErrSyntax   = &Error{ID: "AddressErrSyntax"}
	ErrMultiple = &Error{ID: "AddressErrMultiple"} // two addresses or more
	ErrName     = &Error{ID: "AddressErrName"}     // "Jane <jane@firm.ca>": a name, or brackets
	ErrDomain   = &Error{ID: "AddressErrDomain"}   // no dot, or an empty label
	ErrTooLong  = &Error{ID: "AddressErrTooLong"}
)

// Parse checks one typed address and returns it trimmed, with the domain in lower case and in
// ASCII: an international domain (bücher.ca) in its xn-- form, the one the DNS and Microsoft's
// directory know, which the guide shows with the Unicode beside it (guide.AddressLines).
// What is returned is what the screen shows, the progress file saves and y copies, so a
// character that is not seen is refused rather than kept: see invisible.
func Parse(typed string) (string, error) {
	s := strings.TrimSpace(typed)
	if len(s) > MaxLen {
		return "", ErrTooLong
	}
	if !utf8.ValidString(s) || strings.IndexFunc(s, invisible) >= 0 {
		return "", ErrSyntax
	}
	if list, err := mail.ParseAddressList(s); err == nil && len(list) > 1 {
		return "", ErrMultiple
	}
	a, err := mail.ParseAddress(s)
	if err != nil {
		if strings.ContainsAny(s, ",;") {
			return "", ErrMultiple
		}
		return "", ErrSyntax
	}
	if a.Name != "" || strings.ContainsAny(s, "<>") {
		return "", ErrName
	}
	at := strings.LastIndexByte(a.Address, '@')
	local, domain := a.Address[:at], strings.ToLower(a.Address[at+1:])
	domain, err = idn.ASCII(domain)
	if err != nil || !validDomain(domain) {
		return "", ErrDomain
	}
	addr := local + "@" + domain
	if len(addr) > MaxLen { // the xn-- form is longer than the Unicode typed
		return "", ErrTooLong
	}
	// net/mail unquotes a quoted local part ("john doe"@firm.ca gives john doe@firm.ca): what
	// comes out must itself be an address, or the guide would quote one Microsoft never shows.
	if again, err := mail.ParseAddress(addr); err != nil || again.Address != addr {
		return "", ErrSyntax
	}
	return addr, nil
}

// invisible reports whether r is a character a person cannot see or that changes how what is
// around it is shown: controls (C0, DEL, C1 such as U+009B CSI), format characters (bidi
// overrides, isolates and marks such as U+202E RLO, zero-width spaces and joiners, the BOM
// U+FEFF, soft hyphens), spaces other than U+0020 and line separators, private-use, surrogate
// and unassigned code points (not graphic), U+FFFD (what invalid bytes became), variation
// selectors and the other default-ignorable code points (U+115F, U+3164 Hangul fillers).
func invisible(r rune) bool {
	return !unicode.IsGraphic(r) || (unicode.Is(unicode.Zs, r) && r != ' ') || r == utf8.RuneError ||
		unicode.Is(unicode.Variation_Selector, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// validDomain wants at least two non-empty labels: "example.ca", not "localhost" or "x..ca".
// Literal IP domains ("[192.0.2.1]") are valid in RFC 5322 but never an invitation address.
func validDomain(d string) bool {
	labels := strings.Split(d, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return false
		}
		for _, r := range l {
			if r == '[' || r == ']' || r == ' ' {
				return false
			}
		}
	}
	return true
}

// Identity is the user name an Entra tenant gives an invited guest: the address with "@" turned
// into "_", then "#EXT#@" and the tenant's domain. addr must have passed Parse.
func Identity(addr string) string {
	return strings.Replace(addr, "@", "_", 1) + "#EXT#@" + TenantDomain
}
