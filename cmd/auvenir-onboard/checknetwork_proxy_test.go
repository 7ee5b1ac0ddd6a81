package main

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// --pac: the address cannot be reached directly (its port is closed here); the PAC file, read
// from a file or over http, sends it through a proxy that reaches the server.
func TestCheckNetworkPAC(t *testing.T) {
	lb := newLoopback(t, nil)
	_, srvPort, _ := strings.Cut(strings.TrimPrefix(strings.TrimSuffix(lb.url, "/"), "https://"), ":")
	proxy := netchecktest.NewAuthProxy(t, func(int, string) (bool, []string) { return true, nil })
	proxy.RouteTo(srvPort)
	target := "https://" + netchecktest.Refused(t) + "/"
	script := `function FindProxyForURL(url, host) {
		return isInNet(host, "127.0.0.0", "255.0.0.0") ? "PROXY ` + strings.TrimPrefix(proxy.URL, "http://") + `" : "DIRECT";
	}`
	if code, out, errs := runCheck(t, env(), "--ca-file", lb.caFile, "--timeout", "3s", target); code != 1 {
		t.Fatalf("direct: exit %d, %s %s", code, out, errs)
	}
	for _, pac := range []string{netchecktest.WritePAC(t, script), netchecktest.ServePAC(t, script)} {
		code, out, errs := runCheck(t, env("HTTPS_PROXY", "http://ignored.example:1"), "--json", "--pac", pac,
			"--ca-file", lb.caFile, "--timeout", "3s", target)
		var rep netcheck.Report
		if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 {
			t.Fatalf("%s: exit %d, %v, %s %s", pac, code, err, out, errs)
		}
		s := rep.Summary
		if s.ProxySource != "pac" || s.ProxyPAC != pac || s.Proxy != "" || rep.Endpoints[0].Proxy != proxy.URL {
			t.Errorf("%s: summary %+v, endpoint proxy %q", pac, s, rep.Endpoints[0].Proxy)
		}
		for _, lang := range []string{"en", "fr"} {
			_, table, _ := runCheck(t, env(), "--lang", lang, "--pac", pac, "--ca-file", lb.caFile, target)
			want := map[string]string{"en": "Proxy: chosen for each address by the PAC file " + pac + " (given with --pac)",
				"fr": "Mandataire\u00a0: choisi pour chaque adresse par le fichier PAC " + pac + " (donné avec --pac)"}[lang]
			if !strings.Contains(table, want) {
				t.Errorf("%s: header missing %q:\n%s", lang, want, table)
			}
		}
	}
	for _, bad := range []string{netchecktest.WritePAC(t, "function ("), netchecktest.WritePAC(t, "var x;"), t.TempDir() + "/none.pac"} {
		code, out, errs := runCheck(t, env(), "--pac", bad, target)
		if code != 2 || out != "" || !strings.Contains(errs, "the PAC file "+bad+" cannot be used: ") || strings.Count(errs, "\n") != 1 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", bad, code, out, errs)
		}
	}
}

// A proxy that wants Negotiate or NTLM, which cannot be answered here: the class, the schemes
// and the remedy, in both languages, which never suggests a password in the proxy URL (it
// would only ever go as Basic, which this proxy does not take); the JSON names the schemes.
func TestCheckNetworkProxyAuth(t *testing.T) {
	lb := newLoopback(t, nil)
	proxy := netchecktest.NegotiateOnlyProxy(t)
	host := strings.TrimPrefix(proxy.URL, "http://")
	code, out, _ := runCheck(t, env(), "--json", "--proxy", proxy.URL, "--ca-file", lb.caFile, lb.url)
	var rep netcheck.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 1 {
		t.Fatalf("exit %d, %v", code, err)
	}
	if e := rep.Endpoints[0]; e.Class != "proxy_auth" || strings.Join(e.ProxyAuth, ",") != "Negotiate,NTLM" || rep.Summary.Classes["proxy_auth"] != 1 {
		t.Errorf("endpoint %+v", e)
	}
	// Windows answers with the logged-in user's SSPI tokens, which this proxy refuses; where SSPI
	// has no NTLM (wine), or elsewhere, nothing is sent.
	for lang, wants := range map[string][]string{
		"en": {"The proxy " + host + " accepts only a Windows sign-in (Negotiate, NTLM): run the check on a Windows computer of your organization, logged in as a user the proxy knows (a DOMAIN\\user account).",
			"The proxy " + host + " refused the sign-in sent (Negotiate, NTLM offered)"},
		"fr": {"Le mandataire " + host + " n'accepte que l'authentification Windows (Negotiate, NTLM)\u00a0: lancez la vérification sur un ordinateur Windows de votre organisation, avec un compte que le mandataire connaît (un compte DOMAINE\\utilisateur).",
			"Le mandataire " + host + " a refusé l'authentification envoyée (Negotiate, NTLM proposés)"},
	} {
		_, table, _ := runCheck(t, env(), "--lang", lang, "--proxy", proxy.URL, "--ca-file", lb.caFile, lb.url)
		label := map[string]string{"en": "proxy sign-in", "fr": "authentification au mandataire"}[lang]
		if !(strings.Contains(table, wants[0]) || (runtime.GOOS == "windows" && strings.Contains(table, wants[1]))) || !strings.Contains(table, label) {
			t.Errorf("%s:\n%s", lang, table)
		}
	}
}
