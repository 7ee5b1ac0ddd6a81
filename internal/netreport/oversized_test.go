package netreport

import (
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/locales"
)

// An answer cut at the header bound is named as such, the server's or the proxy's.
func TestOversizedAnswerRemedy(t *testing.T) {
	r := netcheck.Result{URL: "https://a.example/", Class: netcheck.Error, Phase: netcheck.PhaseHTTP,
		Cause: netcheck.CauseOversizedAnswer, Endpoint: netcheck.Endpoint{Host: "a.example", Port: "443"}}
	p := r
	p.Class, p.Phase, p.Proxy = netcheck.Proxy, netcheck.PhaseProxy, "http://proxy.example:3128"
	want := map[locales.Lang][2]string{
		locales.English: {"a.example answered with more than 100 KB of headers", "The proxy http://proxy.example:3128 answered the request for a.example:443 with more than 100 KB"},
		locales.French:  {"a.example a répondu par plus de 100\u00a0Ko d'en-têtes", "Le mandataire http://proxy.example:3128 a répondu à la demande pour a.example:443 par plus de 100\u00a0Ko"},
	}
	for lang, w := range want {
		z := locales.New(lang)
		if got := Remedy(z, r, 5*time.Second); !strings.Contains(got, w[0]) {
			t.Errorf("%s: %q", lang, got)
		}
		if got := Remedy(z, p, 5*time.Second); !strings.Contains(got, w[1]) {
			t.Errorf("%s proxy: %q", lang, got)
		}
	}
}
