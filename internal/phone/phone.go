// Package phone checks the mobile number a client means to register with Microsoft for text
// messages or calls, with Google's libphonenumber rules (github.com/nyaruka/phonenumbers).
package phone

import (
	"errors"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// DefaultRegion is assumed for numbers typed without "+" and a country code: Auvenir's clients
// are in Canada, and Microsoft's form opens on "Canada (+1)".
const DefaultRegion = "CA"

// MaxInput bounds the typed text: a number with spaces and punctuation is well under it.
// (The library's own limit is 250.)
const MaxInput = 40

// Number is a checked mobile number.
type Number struct {
	// E164 is "+16475550123": unambiguous, for storage and comparison.
	E164 string
	// International is "+1 647-555-0123": what the wizard shows back.
	International string
	// National is what to type in Microsoft's number field once the country is chosen in its
	// list: "647-555-0123" for Canada.
	National string
	// CountryCode is the calling code (1) and Region the country it belongs to ("CA"), to choose
	// "Canada (+1)" in Microsoft's list.
	CountryCode int
	Region      string
	// SurelyMobile is false when the numbering plan cannot tell a mobile from a landline, as in
	// Canada and the United States: the person must make sure it receives text messages.
	SurelyMobile bool
}

// Parse checks a typed number, with DefaultRegion for numbers without a country code.
func Parse(typed string) (Number, error) { return ParseIn(typed, DefaultRegion) }

// ParseIn checks a typed number; region (ISO 3166 code, "CA") applies to numbers without "+".
func ParseIn(typed, region string) (Number, error) {
	s := strings.TrimSpace(typed)
	if s == "" {
		return Number{}, ErrEmpty
	}
	if len(s) > MaxInput {
		return Number{}, ErrTooLong
	}
	n, err := phonenumbers.Parse(s, region)
	switch {
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		return Number{}, ErrCountryCode
	case errors.Is(err, phonenumbers.ErrTooShortNSN), errors.Is(err, phonenumbers.ErrTooShortAfterIDD):
		return Number{}, ErrTooShort
	case errors.Is(err, phonenumbers.ErrNumTooLong):
		return Number{}, ErrTooLong
	case err != nil:
		return Number{}, ErrSyntax
	}
	if n.GetExtension() != "" {
		return Number{}, ErrExtension
	}
	if !phonenumbers.IsValidNumber(n) {
		switch phonenumbers.IsPossibleNumberWithReason(n) {
		case phonenumbers.TOO_SHORT:
			return Number{}, ErrTooShort
		case phonenumbers.TOO_LONG:
			return Number{}, ErrTooLong
		case phonenumbers.INVALID_COUNTRY_CODE:
			return Number{}, ErrCountryCode
		case phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
			// "555-1234": dialled locally once, but Microsoft needs the area code.
			return Number{}, ErrNoAreaCode
		}
		return Number{}, ErrInvalid
	}
	t := phonenumbers.GetNumberType(n)
	if t != phonenumbers.MOBILE && t != phonenumbers.FIXED_LINE_OR_MOBILE {
		return Number{}, ErrNotMobile
	}
	return Number{
		E164:          phonenumbers.Format(n, phonenumbers.E164),
		International: phonenumbers.Format(n, phonenumbers.INTERNATIONAL),
		National:      national(n),
		CountryCode:   int(n.GetCountryCode()),
		Region:        phonenumbers.GetRegionCodeForNumber(n),
		SurelyMobile:  t == phonenumbers.MOBILE,
	}, nil
}

// national is the international form without its "+CC " prefix: the digits grouped as at home,
// without the trunk prefix ("0" in France) that must not be dialled after the country code.
func national(n *phonenumbers.PhoneNumber) string {
	intl := phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
	return strings.TrimPrefix(intl, "+"+strconv.Itoa(int(n.GetCountryCode()))+" ")
}
