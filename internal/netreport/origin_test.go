package netreport

import (
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/locales"
)

// Issue 19 item 8: the remedy for a proxy that cannot be reached, or that refuses the
// credentials, names where the proxy came from. Before: "--proxy or the HTTPS_PROXY variable"
// whatever chose it, and credentials from HTTPS_PROXY "given with --proxy".
func TestProxyRemedyNamesWhereTheProxyCameFrom(t *testing.T) {
	en, fr := locales.New(locales.English), locales.New(locales.French)
	for origin, want := range map[string][2]string{
		"flag":        {"(--proxy)", "(--proxy)"},
		"HTTPS_PROXY": {"(the HTTPS_PROXY variable)", "(la variable HTTPS_PROXY)"},
		"all_proxy":   {"(the all_proxy variable)", "(la variable all_proxy)"},
		"pac":         {"(the PAC file that chose it)", "(le fichier PAC qui l'a choisi)"},
		"system_pac":  {"(the PAC file that chose it)", "(le fichier PAC qui l'a choisi)"},
		"system":      {"(Windows' proxy settings)", "(les paramètres de mandataire de Windows)"},
	} {
		r := failed(netcheck.Proxy, netcheck.PhaseProxyReach)
		r.ProxyOrigin = origin
		if got := Remedy(en, r, 5*time.Second); !strings.Contains(got, want[0]) {
			t.Errorf("%s: %q lacks %q", origin, got, want[0])
		}
		if got := Remedy(fr, r, 5*time.Second); !strings.Contains(got, want[1]) {
			t.Errorf("%s: %q lacks %q", origin, got, want[1])
		}
	}
	r := failed(netcheck.ProxyAuth, netcheck.PhaseProxy)
	r.SignInRefused, r.ProxyAuth, r.ProxyOrigin = true, []string{"Basic"}, "HTTPS_PROXY"
	if got := Remedy(en, r, time.Second); !strings.Contains(got, "(offered: Basic): check the user name and password given in the HTTPS_PROXY variable") {
		t.Errorf("%q", got)
	}
	// « Basic proposés » was one scheme in the plural.
	if got := Remedy(fr, r, time.Second); !strings.Contains(got, "(méthodes proposées\u00a0: Basic)") || strings.Contains(got, "Basic proposés") {
		t.Errorf("%q", got)
	}
}

// HTTP_PROXY alone: the header says the https:// addresses go direct.
func TestHeaderOfAnHTTPOnlyProxy(t *testing.T) {
	p, err := netcheck.ProxyFromSettings("", func(k string) string {
		return map[string]string{"HTTP_PROXY": "http://web.corp:8080"}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(ProxyLines(locales.New(locales.English), p), " ")
	if got != "Proxy: none for https:// addresses; http://web.corp:8080 for http:// addresses only (the HTTP_PROXY variable)" {
		t.Errorf("%q", got)
	}
}

// Issue 19 item 11: the French table carried the system's English messages. The kind of
// failure is said in French; a message with no known kind is marked as English.
func TestFrenchDetailsAreFrench(t *testing.T) {
	fr := locales.New(locales.French)
	r := failed(netcheck.Proxy, netcheck.PhaseProxyReach)
	r.Detail, r.ErrKind = "proxy 127.0.0.1:1: dial tcp 127.0.0.1:1: connect: connection refused", netcheck.ErrKindRefused
	got := Remedy(fr, r, time.Second)
	if !strings.Contains(got, "(connexion refusée)") || strings.Contains(got, "connection refused") {
		t.Errorf("%q", got)
	}
	r = failed(netcheck.Error, netcheck.PhaseHTTP)
	r.Detail = "unexpected EOF"
	if got := Remedy(fr, r, time.Second); !strings.Contains(got, "détail technique en anglais\u00a0: unexpected EOF") {
		t.Errorf("%q", got)
	}
	if got := Remedy(locales.New(locales.English), r, time.Second); !strings.Contains(got, "(unexpected EOF)") {
		t.Errorf("%q", got)
	}
}

// Issue 19 item 7: the remedy gives how long the resolver really waited, not the check's limit
// (before: "5 s" when the resolver gave up at 2 s).
func TestDNSRemedyGivesTheRealWait(t *testing.T) {
	r := failed(netcheck.Timeout, netcheck.PhaseDNS)
	r.Cause, r.DNSWait, r.DNSRcode = netcheck.CauseDNSUnanswered, 2*time.Second, "timeout"
	got := Remedy(locales.New(locales.English), r, 5*time.Second)
	if !strings.Contains(got, "gave up after 2.0 s") || strings.Contains(got, "5 s") {
		t.Errorf("%q", got)
	}
	r.Cause = "" // judged without the cause: the class's sentence, with the real wait too
	if got := Remedy(locales.New(locales.English), r, 5*time.Second); strings.Contains(got, "5 s") {
		t.Errorf("%q", got)
	}
}
