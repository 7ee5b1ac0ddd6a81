package netreport

import (
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/locales"
)

// A proxy that offers only Windows sign-in (Negotiate, NTLM): the remedy never suggests a
// user:password in the proxy URL, which would only ever be sent as Basic.
func TestWindowsOnlyProxyRemedy(t *testing.T) {
	r := failed(netcheck.ProxyAuth, netcheck.PhaseProxy)
	r.ProxyAuth = []string{"Negotiate", "NTLM"}
	for lang, want := range map[locales.Lang]string{
		locales.English: "The proxy proxy.example:3128 accepts only a Windows sign-in (Negotiate, NTLM): run the check on a Windows computer of your organization, logged in as a user the proxy knows (a DOMAIN\\user account).",
		locales.French:  "Le mandataire proxy.example:3128 n'accepte que l'authentification Windows (Negotiate, NTLM)\u00a0: lancez la vérification sur un ordinateur Windows de votre organisation, avec un compte que le mandataire connaît (un compte DOMAINE\\utilisateur).",
	} {
		got := Remedy(locales.New(lang), r, time.Second)
		if got != want || strings.Contains(got, "password@") || strings.Contains(got, "motdepasse@") {
			t.Errorf("%s: %q\nwant %q", lang, got, want)
		}
	}
}

// A 407 listing thousands of schemes: the remedy names the first ones and how many more, in the
// person's language and digit grouping.
func TestManySchemesAreCut(t *testing.T) {
	r := failed(netcheck.ProxyAuth, netcheck.PhaseProxy)
	r.ProxyAuth, r.ProxyAuthMore = []string{"Basic", "X1", "X2"}, 8994
	for lang, want := range map[locales.Lang]string{
		locales.English: "(Basic, X1, X2 … and 8,994 more)",
		locales.French:  "(Basic, X1, X2 … et 8\u202f994 autres)",
	} {
		if got := Remedy(locales.New(lang), r, time.Second); !strings.Contains(got, want) || len(got) > 400 {
			t.Errorf("%s: %q, want %q in it", lang, got, want)
		}
	}
	if Count(locales.New(locales.English), 1234567) != "1,234,567" || Count(locales.New(locales.English), 12) != "12" {
		t.Error(Count(locales.New(locales.English), 1234567))
	}
}

// A certificate for thousands of names: the remedy names 8 and counts the rest.
func TestManyCertificateNamesAreCut(t *testing.T) {
	r := failed(netcheck.TLSHostname, netcheck.PhaseTLS)
	r.CertNames = make([]string, 5000)
	for i := range r.CertNames {
		r.CertNames[i] = "n" + Count(locales.New(locales.English), i) + ".example"
	}
	got := Remedy(locales.New(locales.French), r, time.Second)
	if !strings.Contains(got, "n7.example … et 4\u202f992 autres") || strings.Contains(got, "n8.example") {
		t.Errorf("%q", got)
	}
}
