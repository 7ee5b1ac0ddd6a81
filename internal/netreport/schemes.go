package netreport

import (
	"strings"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/redact"
	"github.com/auvenir/auvenir-onboard/locales"
)

// SchemeList is the sign-in schemes a proxy offered, as many as the result keeps, then
// "… and 8,994 more" in the person's language when it offered more.
func SchemeList(z *locales.Localizer, r netcheck.Result) string {
	s := strings.Join(r.ProxyAuth, ", ")
	if r.ProxyAuthMore > 0 {
		s += " " + z.T("NetMoreItems", guide.With(Data(), "Count", Count(z, r.ProxyAuthMore)))
	}
	return s
}

// NameList is a list of names from outside (a certificate's names), the first 8 of them, then
// "… and 8,994 more" in the person's language.
func NameList(z *locales.Localizer, names []string) string {
	kept, more := redact.List(names, 8)
	s := strings.Join(kept, ", ")
	if more > 0 {
		s += " " + z.T("NetMoreItems", guide.With(Data(), "Count", Count(z, more)))
	}
	return s
}

// Count writes n with the person's digit grouping: 8,994 in English, 8 994 in French (a
// narrow no-break space, as Canadian French typography has it).
func Count(z *locales.Localizer, n int) string {
	sep := ","
	if z.Lang() == locales.French {
		sep = "\u202f"
	}
	digits := []byte(itoa(n))
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(d)
	}
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// windowsSignInOnly: the proxy offers Negotiate or NTLM and no Basic, so only a Windows sign-in
// answers it.
func windowsSignInOnly(schemes []string) bool {
	basic, windows := false, false
	for _, s := range schemes {
		switch s {
		case "Basic":
			basic = true
		case "Negotiate", "NTLM":
			windows = true
		}
	}
	return windows && !basic
}
