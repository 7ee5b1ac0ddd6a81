package netreport

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/locales"
)

func failed(class netcheck.Class, phase netcheck.Phase) netcheck.Result {
	ep := netcheck.Endpoint{URL: "https://login.microsoftonline.com/", Host: "login.microsoftonline.com",
		Port: "443", Group: "microsoft", Allow: "*.microsoftonline.com"}
	return netcheck.Result{URL: ep.URL, Group: ep.Group, Host: ep.Host, IP: "20.190.151.7", Class: class,
		Phase: phase, Endpoint: ep, FailedHost: ep.Host, FailedPort: ep.Port, Redirects: []netcheck.Hop{},
		TLSIssuer: "CN=Fortinet CA\\, Inspection,O=Example Corp", CertNames: []string{"portal.example.net"},
		NotAfter: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Proxy: "http://proxy.example:3128",
		Detail: "raw detail", Elapsed: 1500 * time.Millisecond}
}

// Every failure gets a sentence naming the host (or its rule) in both languages, and the
// sentence fits the class: a test per class would catch a remedy wired to the wrong one.
func TestRemedyPerClass(t *testing.T) {
	cases := []struct {
		class  netcheck.Class
		phase  netcheck.Phase
		en, fr string
	}{
		{netcheck.DNS, netcheck.PhaseDNS, "allow *.microsoftonline.com in any DNS filter", "autorisez *.microsoftonline.com dans tout filtre DNS"},
		{netcheck.Refused, netcheck.PhaseConnect, "Allow login.microsoftonline.com:443 in the firewall: connections to 20.190.151.7 are refused.", "Autorisez login.microsoftonline.com:443 dans le pare-feu"},
		{netcheck.Timeout, netcheck.PhaseConnect, "Allow login.microsoftonline.com:443 in the firewall: connection attempts to 20.190.151.7 get no answer", "les paquets sont ignorés"},
		{netcheck.Timeout, netcheck.PhaseDNS, "Looking up login.microsoftonline.com gets no answer within 5 s", "pendant 5\u00a0s"},
		{netcheck.Timeout, netcheck.PhaseTLS, "exempt it from TLS inspection", "exemptez-le de l'inspection TLS"},
		{netcheck.Timeout, netcheck.PhaseHTTP, "try again with a longer limit (--timeout 15s)", "délai plus long (--timeout 15s)"},
		{netcheck.Timeout, netcheck.PhaseProxy, "The proxy http://proxy.example:3128 gets no answer from login.microsoftonline.com:443", "Le mandataire http://proxy.example:3128"},
		{netcheck.TLSUntrusted, netcheck.PhaseTLS, "its certificate was issued by “Fortinet CA, Inspection”", "émis par «\u00a0Fortinet CA, Inspection\u00a0»"},
		{netcheck.TLSIntercepted, netcheck.PhaseTLS, "works in the browser through TLS inspection (its certificate is replaced by one from “Fortinet CA, Inspection”, which this computer trusts), but Microsoft asks to exempt sign-in hosts from inspection", "exemptez login.microsoftonline.com de l'inspection TLS"},
		{netcheck.TLSExpired, netcheck.PhaseTLS, "expired on 2025-03-01", "a expiré le 2025-03-01"},
		{netcheck.TLSHostname, netcheck.PhaseTLS, "is for another name (portal.example.net)", "celui d'un autre nom (portal.example.net)"},
		{netcheck.Proxy, netcheck.PhaseProxy, "The proxy refused or failed to reach login.microsoftonline.com:443", "Le mandataire a refusé"},
		{netcheck.Proxy, netcheck.PhaseProxyReach, "This computer cannot reach the proxy http://proxy.example:3128 itself (raw detail): check the proxy address (--proxy)", "Cet ordinateur ne joint pas le mandataire http://proxy.example:3128 lui-même"},
		{netcheck.Error, netcheck.PhaseTLS, "is cut during the secure (TLS) exchange", "est coupée pendant l'échange sécurisé"},
		{netcheck.Error, netcheck.PhaseHTTP, "(raw detail): send this result to support@auvenir.ca", "envoyez ce résultat à support@auvenir.ca"},
	}
	en, fr := locales.New(locales.English), locales.New(locales.French)
	for _, c := range cases {
		r := failed(c.class, c.phase)
		if got := Remedy(en, r, 5*time.Second); !strings.Contains(got, c.en) {
			t.Errorf("en %s/%s: %q lacks %q", c.class, c.phase, got, c.en)
		}
		if got := Remedy(fr, r, 5*time.Second); !strings.Contains(got, c.fr) {
			t.Errorf("fr %s/%s: %q lacks %q", c.class, c.phase, got, c.fr)
		}
	}
	r := failed(netcheck.HTTPStatus, netcheck.PhaseHTTP)
	r.HTTPStatus = 503
	if got := Remedy(en, r, time.Second); !strings.Contains(got, "server error (503): nothing to change in the network") {
		t.Errorf("http_status: %q", got)
	}
	r.Class = netcheck.OK
	if got := Remedy(en, r, time.Second); got != "" {
		t.Errorf("ok has a remedy: %q", got)
	}
}

// A redirect target that fails is named, not the endpoint that redirected to it.
func TestRemedyNamesTheFailingRedirectTarget(t *testing.T) {
	r := failed(netcheck.Refused, netcheck.PhaseConnect)
	r.FailedHost, r.FailedPort = "logincdn.msftauth.net", "443"
	r.Redirects = []netcheck.Hop{{Host: "logincdn.msftauth.net", IP: "152.199.4.33", Class: netcheck.Refused, Listed: false}}
	z := locales.New(locales.English)
	got := Remedy(z, r, time.Second)
	if !strings.Contains(got, "Allow logincdn.msftauth.net:443") || !strings.Contains(got, "152.199.4.33") {
		t.Errorf("%q", got)
	}
	un := UnlistedRemedies(z, r)
	if len(un) != 1 || un[0] != "login.microsoftonline.com redirects to logincdn.msftauth.net, which is not in the list: allow logincdn.msftauth.net too." {
		t.Errorf("%q", un)
	}
}

func TestDurations(t *testing.T) {
	en, fr := locales.New(locales.English), locales.New(locales.French)
	for _, c := range []struct {
		z    *locales.Localizer
		d    time.Duration
		want string
	}{
		{en, 182 * time.Millisecond, "182 ms"}, {en, 5 * time.Second, "5.0 s"}, {fr, 1500 * time.Millisecond, "1,5\u00a0s"},
		{fr, 40 * time.Millisecond, "40\u00a0ms"},
	} {
		if got := Duration(c.z, c.d); got != c.want {
			t.Errorf("%s %v: %q, want %q", c.z.Lang(), c.d, got, c.want)
		}
	}
	if got := Limit(en, 5*time.Second); got != "5 s" {
		t.Errorf("limit %q", got)
	}
}

func TestPlainTable(t *testing.T) {
	ok := failed(netcheck.OK, netcheck.PhaseDone)
	ok.Redirects = []netcheck.Hop{{Host: "login.live.com", Class: netcheck.OK, Listed: true}}
	bad := failed(netcheck.Timeout, netcheck.PhaseConnect)
	bad.URL, bad.Group = "https://ap.auvenir.com/", "auvenir"
	bad.Endpoint = netcheck.Endpoint{URL: bad.URL, Host: "ap.auvenir.com", Port: "443", Group: "auvenir", Allow: "ap.auvenir.com"}
	bad.Host, bad.FailedHost, bad.IP = "ap.auvenir.com", "ap.auvenir.com", "52.60.1.2"
	bad.Elapsed, bad.Proxy = 5*time.Second, ""
	rep := netcheck.Report{Endpoints: []netcheck.Result{bad, ok}, Summary: netcheck.Summary{Total: 2, OK: 1, Failed: 1,
		Severities: map[netcheck.Severity]int{netcheck.SeverityOK: 1, netcheck.SeverityFail: 1},
		Allow:      []string{"ap.auvenir.com"}, ExemptFromInspection: []string{}, Unlisted: []string{}, ElapsedMS: 5003}}
	proxy, _ := netcheck.ProxyFromSettings("none", func(string) string { return "" })
	var b bytes.Buffer
	WriteTable(&b, locales.New(locales.English), rep, proxy, 5*time.Second, Styles{})
	want := `Network check · addresses to check: 2 · time limit per address: 5 s
Proxy: none (--proxy none: direct connections)

    Result    Time  IP address   Address
Auvenir
  ✗ no answer 5.0 s 52.60.1.2    https://ap.auvenir.com/
Microsoft sign-in and MFA
  ✓ reachable 1.5 s 20.190.151.7 https://login.microsoftonline.com/  (*.microsoftonline.com)
      ↳ redirects to login.live.com: reachable

What to change
  • Firewall and network team (Chrome, Edge: ERR_CONNECTION_TIMED_OUT): Allow ap.auvenir.com:443 in the firewall: connection attempts to 52.60.1.2 get no answer (the packets are dropped).

Reachable: 1 of 2. The changes needed are listed above.
Allow in the firewall: ap.auvenir.com
Checked in 5.0 s.
`
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestBulletWrapsUnderItsText(t *testing.T) {
	got := bullet("Allow ap.auvenir.com:443 in the firewall: connection attempts to 52.60.1.2 get no answer.", 40)
	for i, l := range strings.Split(got, "\n") {
		if len([]rune(l)) > 40 || (i > 0 && !strings.HasPrefix(l, "    ")) {
			t.Errorf("line %d: %q", i, l)
		}
	}
}

// In a terminal narrower than the table (80 columns and Microsoft's longest host with its
// wildcard), every line fits: each address on a line of its own with its result under it, the
// rule beside the address when it fits and under it otherwise, the header and verdict wrapped
// at words. A proxy that cannot be reached at all gets one remedy, not one per address.
func TestNarrowTerminalTable(t *testing.T) {
	long := netcheck.Endpoint{URL: "https://account.activedirectory.windowsazure.com/", Host: "account.activedirectory.windowsazure.com",
		Port: "443", Group: "microsoft", Allow: "*.activedirectory.windowsazure.com"}
	var eps []netcheck.Result
	for _, ep := range []netcheck.Endpoint{failed("", "").Endpoint, long} {
		r := failed(netcheck.Proxy, netcheck.PhaseProxyReach)
		r.URL, r.Host, r.Endpoint, r.FailedHost, r.IP, r.Proxy = ep.URL, ep.Host, ep, ep.Host, "", "http://127.0.0.1:1"
		r.Detail = "proxy 127.0.0.1:1: dial tcp 127.0.0.1:1: connect: connection refused"
		eps = append(eps, r)
	}
	rep := netcheck.Report{Endpoints: eps, Summary: netcheck.Summary{Total: 2, Failed: 2, ElapsedMS: 3,
		Severities: map[netcheck.Severity]int{netcheck.SeverityFail: 2},
		Allow:      []string{}, ExemptFromInspection: []string{}, Unlisted: []string{}}}
	proxy, _ := netcheck.ProxyFromSettings("http://127.0.0.1:1", func(string) string { return "" })
	for _, lang := range []locales.Lang{locales.English, locales.French} {
		for _, width := range []int{60, 80} {
			var b bytes.Buffer
			WriteTable(&b, locales.New(lang), rep, proxy, 5*time.Second, Styles{Width: width})
			out := b.String()
			for _, l := range strings.Split(out, "\n") {
				if n := len([]rune(l)); n > width {
					t.Errorf("%s at %d columns: a line of %d: %q", lang, width, n, l)
				}
			}
			wants := []string{"  ✗ https://login.microsoftonline.com/", "(*.microsoftonline.com)\n",
				"  ✗ https://account.activedirectory.windowsazure.com/\n", "(*.activedirectory.windowsazure.com)\n"}
			if width == 80 {
				wants = append(wants, "  ✗ https://login.microsoftonline.com/  (*.microsoftonline.com)\n")
			}
			for _, want := range wants {
				if !strings.Contains(out, want) {
					t.Errorf("%s at %d columns: no %q in\n%s", lang, width, want, out)
				}
			}
			flat := strings.Join(strings.Fields(out), " ") // a sentence wrapped anywhere
			if n := strings.Count(flat, "cannot reach the proxy") + strings.Count(flat, "ne joint pas le mandataire"); n != 1 {
				t.Errorf("%s at %d columns: the proxy remedy is given %d times:\n%s", lang, width, n, out)
			}
		}
	}
	// A file or a pipe keeps the table and each sentence on one line, for grep.
	var b bytes.Buffer
	WriteTable(&b, locales.New(locales.English), rep, proxy, 5*time.Second, Styles{})
	if !strings.Contains(b.String(), "    Result") || !strings.Contains(b.String(), "https://account.activedirectory.windowsazure.com/  (*.activedirectory.windowsazure.com)") {
		t.Errorf("the unwrapped table changed:\n%s", b.String())
	}
}

// With the classic console's glyphs the table marks pass and fail with √ and ×.
func TestWriteTableClassicMarks(t *testing.T) {
	rep := netcheck.Report{Endpoints: []netcheck.Result{
		{URL: "https://a.example/", Class: netcheck.OK},
		{URL: "https://b.example/", Class: netcheck.Refused},
	}}
	var b strings.Builder
	WriteTable(&b, locales.New(locales.English), rep, netcheck.ProxySetting{}, 5*time.Second, Styles{Glyphs: glyphs.Classic})
	s := b.String()
	if !strings.Contains(s, "  √ ") || !strings.Contains(s, "  × ") || strings.ContainsAny(s, "✓✗") {
		t.Errorf("table:\n%s", s)
	}
}

// Each severity keeps its own mark in the classic console's set: √ ok, ! warn, × fail.
func TestMarkInClassic(t *testing.T) {
	for sev, want := range map[netcheck.Severity]string{netcheck.SeverityOK: "√", netcheck.SeverityWarn: "!", netcheck.SeverityFail: "×"} {
		if got := MarkIn(netcheck.Result{Severity: sev}, glyphs.Classic); got != want {
			t.Errorf("%s: %q, want %q", sev, got, want)
		}
	}
}
