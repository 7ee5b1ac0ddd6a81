package netreport

import (
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/locales"
)

// An address whose PAC script gave no answer was tried DIRECT: its row says so, in both
// languages, under the row.
func TestPACFailedLine(t *testing.T) {
	r := failed(netcheck.OK, netcheck.PhaseDone)
	r.Class, r.PACFailed = netcheck.OK, "PAC http://wpad/wpad.dat: FindProxyForURL returned an object, not a string"
	for lang, want := range map[locales.Lang]string{
		locales.English: "↳ the PAC file gave no answer for this address (PAC http://wpad/wpad.dat: FindProxyForURL returned an object, not a string): tried without a proxy, as browsers do",
		locales.French:  "↳ le fichier PAC n'a donné aucune réponse pour cette adresse (PAC http://wpad/wpad.dat: FindProxyForURL returned an object, not a string)\u00a0: essayée sans mandataire, comme le font les navigateurs",
	} {
		var b strings.Builder
		WriteTable(&b, locales.New(lang), netcheck.Report{Endpoints: []netcheck.Result{r}}, netcheck.ProxySetting{}, time.Second, Styles{})
		if !strings.Contains(b.String(), "      "+want+"\n") {
			t.Errorf("%s:\n%s\nwant the line %q", lang, b.String(), want)
		}
	}
	r.PACFailed = ""
	if PACFailedLine(locales.New(locales.English), r) != "" {
		t.Error("a line for a script that answered")
	}
}

// Whatever carries it (a detail, a PAC failure, the proxy setting's reason), a password from
// outside is masked in the table, in both languages, and a value from outside is bounded.
func TestTableMasksPasswords(t *testing.T) {
	r := failed(netcheck.Error, netcheck.PhaseHTTP)
	r.Detail = `Get "http://bob:hunter22@portal.example/": EOF` + strings.Repeat("x", 5000)
	r.PACFailed = `PAC wpad.dat: the PAC script's answer has no usable entry: "PROXY bob:hunter22@p:3128"`
	p := netcheck.ProxySetting{Unusable: &netcheck.UnusableProxy{Origin: netcheck.ProxyFromSystem,
		Setting: "PAC http://wpad/wpad.dat", Reason: "WinHTTP: PROXY bob:hunter22@p:3128 refused"}}
	for _, lang := range []locales.Lang{locales.English, locales.French} {
		var b strings.Builder
		WriteTable(&b, locales.New(lang), netcheck.Report{Endpoints: []netcheck.Result{r}}, p, time.Second, Styles{})
		if strings.Contains(b.String(), "hunter22") || !strings.Contains(b.String(), "bob:***@") || strings.Contains(b.String(), strings.Repeat("x", 1000)) {
			t.Errorf("%s:\n%s", lang, b.String())
		}
	}
}
