package netreport

import (
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/locales"
)

func TestProxyAuthAndPACRemedies(t *testing.T) {
	en, fr := locales.New(locales.English), locales.New(locales.French)
	r := failed(netcheck.ProxyAuth, netcheck.PhaseProxy)
	r.ProxyAuth = []string{"Basic", "NTLM"}
	for z, want := range map[*locales.Localizer]string{
		en: "The proxy proxy.example:3128 wants you to sign in (Basic, NTLM): run the check as a user the proxy knows, or give --proxy http://user:password@proxy.example:3128.",
		fr: "Le mandataire proxy.example:3128 demande une authentification (Basic, NTLM)\u00a0: lancez la vérification avec un compte que le mandataire connaît, ou donnez --proxy http://utilisateur:motdepasse@proxy.example:3128.",
	} {
		if got := Remedy(z, r, time.Second); got != want {
			t.Errorf("%q\nwant %q", got, want)
		}
		if l := Label(z, netcheck.ProxyAuth); l == string(netcheck.ProxyAuth) || l == "" {
			t.Errorf("label %q", l)
		}
	}
	r.SignInRefused, r.ProxyAuth = true, []string{"Basic"}
	if got := Remedy(en, r, time.Second); !strings.Contains(got, "refused the sign-in sent (offered: Basic): check the user name and password given in --proxy") {
		t.Errorf("refused: %q", got)
	}
	r = failed(netcheck.Proxy, netcheck.PhasePAC)
	r.Detail = "PAC http://wpad/wpad.dat: the PAC script ran longer than its time limit (2s)"
	if got := Remedy(en, r, time.Second); !strings.HasPrefix(got, "The PAC file chose no proxy for login.microsoftonline.com (PAC http://wpad/wpad.dat: the PAC script ran") {
		t.Errorf("pac: %q", got)
	}
}

func TestProxyLines(t *testing.T) {
	en, fr := locales.New(locales.English), locales.New(locales.French)
	cases := []struct {
		s      netcheck.ProxySetting
		en, fr []string
	}{
		{netcheck.ProxySetting{Source: netcheck.ProxyNone}, []string{"Proxy: none (no proxy variable and no proxy in this computer's settings: direct connections)"},
			[]string{"Mandataire\u00a0: aucun (ni variable de mandataire ni mandataire dans les réglages de cet ordinateur\u00a0: connexions directes)"}},
		{netcheck.ProxySetting{Source: netcheck.ProxyFromSystem, Configured: "http://p.corp.example:8080"},
			[]string{"Proxy: http://p.corp.example:8080 (this computer's settings)"}, []string{"Mandataire\u00a0: http://p.corp.example:8080 (réglages de cet ordinateur)"}},
		{netcheck.ProxySetting{Source: netcheck.ProxyFromSystem, PAC: "http://wpad/wpad.dat"},
			[]string{"Proxy: chosen for each address by the PAC file http://wpad/wpad.dat (this computer's settings)"},
			[]string{"Mandataire\u00a0: choisi pour chaque adresse par le fichier PAC http://wpad/wpad.dat (réglages de cet ordinateur)"}},
		{netcheck.ProxySetting{Source: netcheck.ProxyFromSystem, PAC: "WPAD", AutoDetect: true},
			[]string{"Proxy: chosen for each address by automatic proxy detection (WPAD, this computer's settings)"},
			[]string{"Mandataire\u00a0: choisi pour chaque adresse par la détection automatique du mandataire (WPAD, réglages de cet ordinateur)"}},
		{netcheck.ProxySetting{Source: netcheck.ProxyNone, Unusable: &netcheck.UnusableProxy{Origin: netcheck.ProxyFromSystem,
			Setting: "PAC http://wpad/wpad.dat", Reason: "connection refused", Try: "--proxy http://gw.corp.example:8080"}},
			[]string{"This computer's proxy setting (PAC http://wpad/wpad.dat) cannot be used by the check (connection refused): addresses are checked without it.",
				"To check through that proxy: auvenir-onboard --check-network --proxy http://gw.corp.example:8080"},
			[]string{"Le réglage de mandataire de cet ordinateur (PAC http://wpad/wpad.dat) n'est pas utilisable par la vérification (connection refused)\u00a0: les adresses sont vérifiées sans lui.",
				"Pour vérifier en passant par ce mandataire\u00a0: auvenir-onboard --check-network --proxy http://gw.corp.example:8080"}},
		{netcheck.ProxySetting{Source: netcheck.ProxyNone, Unusable: &netcheck.UnusableProxy{Origin: netcheck.ProxyFromSystem, Reason: "exit status 1"}},
			[]string{"This computer's proxy settings could not be read (exit status 1): addresses are checked without a proxy."},
			[]string{"Les réglages de mandataire de cet ordinateur n'ont pas pu être lus (exit status 1)\u00a0: les adresses sont vérifiées sans mandataire."}},
		{netcheck.DirectBecause(&netcheck.ProxyError{Origin: "HTTPS_PROXY", Value: "http://jdoe:***@proxy:3128"}),
			[]string{"The HTTPS_PROXY variable is not a proxy address (“http://jdoe:***@proxy:3128”): addresses are checked without a proxy."},
			[]string{"La variable HTTPS_PROXY n'est pas une adresse de mandataire («\u00a0http://jdoe:***@proxy:3128\u00a0»)\u00a0: les adresses sont vérifiées sans mandataire."}},
	}
	for _, c := range cases {
		if got := ProxyLines(en, c.s); strings.Join(got, "\n") != strings.Join(c.en, "\n") {
			t.Errorf("en %+v:\n%q\nwant %q", c.s, got, c.en)
		}
		if got := ProxyLines(fr, c.s); strings.Join(got, "\n") != strings.Join(c.fr, "\n") {
			t.Errorf("fr %+v:\n%q\nwant %q", c.s, got, c.fr)
		}
	}
}
