// Package guest checks the email address a client types and derives the identity the DMC Hosting
// tenant gives that address as a Microsoft Entra B2B guest.
package guest

import (
	"net/mail"
	"strings"

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

// Parse checks one typed address and returns it trimmed, with the domain in lower case.
func Parse(typed string) (string, error) {
	s := strings.TrimSpace(typed)
	if len(s) > MaxLen {
		return "", ErrTooLong
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
	if !validDomain(domain) {
		return "", ErrDomain
	}
	addr := local + "@" + domain
	// net/mail unquotes a quoted local part ("john doe"@firm.ca gives john doe@firm.ca): what
	// comes out must itself be an address, or the guide would quote one Microsoft never shows.
	if again, err := mail.ParseAddress(addr); err != nil || again.Address != addr {
		return "", ErrSyntax
	}
	return addr, nil
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
