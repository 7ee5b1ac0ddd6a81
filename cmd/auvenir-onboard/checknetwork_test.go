package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// loopback is a trusted HTTPS server on 127.0.0.1 and the --ca-file that makes it trusted.
type loopback struct {
	url, caFile string
	ca          *netchecktest.CA
}

func newLoopback(t *testing.T, h http.Handler) loopback {
	t.Helper()
	ca := netchecktest.NewCA(t, "Loopback Test Root", "Auvenir Tests")
	srv := netchecktest.ServeTLS(t, ca.Leaf(t, "127.0.0.1"), 0, h)
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, ca.PEM, 0o600); err != nil {
		t.Fatal(err)
	}
	return loopback{url: "https://127.0.0.1:" + netchecktest.Port(srv) + "/", caFile: caFile, ca: ca}
}

func env(kv ...string) func(string) string {
	m := map[string]string{"LANG": "en_CA.UTF-8"}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func runCheck(t *testing.T, getenv func(string) string, args ...string) (int, string, string) {
	t.Helper()
	s, out, errb := testStreams(t, getenv, false, nil)
	code := run(s, append([]string{"--check-network"}, args...))
	return code, out.String(), errb.String()
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestCheckNetworkJSONSchemaAndExitZero(t *testing.T) {
	t.Parallel()
	lb := newLoopback(t, nil)
	code, out, errs := runCheck(t, env(), "--json", "--ca-file", lb.caFile, "--timeout", "3s", lb.url)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q, stdout %s", code, errs, out)
	}
	var doc map[string]any
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatal("more than one JSON document on stdout")
	}
	if got := keys(doc); !reflect.DeepEqual(got, []string{"endpoints", "summary"}) {
		t.Fatalf("top-level keys %v", got)
	}
	eps := doc["endpoints"].([]any)
	ep := eps[0].(map[string]any)
	want := []string{"cause", "class", "detail", "elapsed_ms", "group", "host", "http_status", "ip", "net_error", "owner", "proxy",
		"reachable", "redirects", "required", "severity", "tls_alert", "tls_issuer", "tls_not_after", "url"}
	if got := keys(ep); !reflect.DeepEqual(got, want) {
		t.Errorf("endpoint keys %v\nwant %v", got, want)
	}
	if ep["url"] != lb.url || ep["class"] != "ok" || ep["reachable"] != true || ep["http_status"] != 200.0 ||
		ep["ip"] != "127.0.0.1" || ep["group"] != "command-line" || ep["proxy"] != "" {
		t.Errorf("endpoint %v", ep)
	}
	if !strings.Contains(ep["tls_issuer"].(string), "Loopback Test Root") || ep["tls_not_after"] == "" {
		t.Errorf("tls fields %v %v", ep["tls_issuer"], ep["tls_not_after"])
	}
	if r, ok := ep["redirects"].([]any); !ok || len(r) != 0 {
		t.Errorf("redirects %#v, want []", ep["redirects"])
	}
	sum := doc["summary"].(map[string]any)
	wantSum := []string{"allow", "captive_portal", "classes", "dns", "elapsed_ms", "exempt_from_inspection", "failed",
		"offline", "ok", "proxy", "proxy_pac", "proxy_source", "proxy_unusable", "severity", "timeout_ms", "total", "unlisted_hosts"}
	if got := keys(sum); !reflect.DeepEqual(got, wantSum) {
		t.Errorf("summary keys %v\nwant %v", got, wantSum)
	}
	classes := keys(sum["classes"].(map[string]any))
	wantClasses := []string{"dns", "error", "http_status", "ok", "proxy", "proxy_auth", "refused", "timeout",
		"tls_expired", "tls_hostname", "tls_intercepted", "tls_untrusted"}
	if !reflect.DeepEqual(classes, wantClasses) {
		t.Errorf("classes %v", classes)
	}
	if sum["total"] != 1.0 || sum["ok"] != 1.0 || sum["failed"] != 0.0 || sum["timeout_ms"] != 3000.0 || sum["proxy_source"] != "none" {
		t.Errorf("summary %v", sum)
	}
	if ep["severity"] != "ok" || ep["cause"] != "" || ep["required"] != true || ep["tls_alert"] != "" {
		t.Errorf("endpoint %v", ep)
	}
	if sev := sum["severity"].(map[string]any); sev["ok"] != 1.0 || sev["warn"] != 0.0 || sev["fail"] != 0.0 {
		t.Errorf("severity %v", sev)
	}
}

func TestCheckNetworkFailureExitsOne(t *testing.T) {
	t.Parallel()
	lb := newLoopback(t, nil)
	refused := "https://" + netchecktest.Refused(t) + "/"
	code, out, _ := runCheck(t, env(), "--json", "--ca-file", lb.caFile, lb.url, refused)
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	var rep struct {
		Endpoints []struct{ Class string } `json:"endpoints"`
		Summary   struct{ Failed int }     `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Endpoints[0].Class != "ok" || rep.Endpoints[1].Class != "refused" || rep.Summary.Failed != 1 {
		t.Errorf("%+v", rep)
	}
}

// Without --ca-file the loopback CA is nobody's: the check says so and names the issuer.
func TestCheckNetworkPlainTableNamesTheProblem(t *testing.T) {
	t.Parallel()
	lb := newLoopback(t, nil)
	code, out, _ := runCheck(t, env(), lb.url)
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Result", "IP address", lb.url, "certificate not trusted",
		"Exempt 127.0.0.1 from TLS inspection", "Loopback Test Root", "Reachable: 0 of 1", "Proxy: none"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("escape sequences in the plain table")
	}
}

func TestCheckNetworkSpeaksFrench(t *testing.T) {
	t.Parallel()
	refused := netchecktest.Refused(t)
	code, out, _ := runCheck(t, env("LANG", "fr_CA.UTF-8"), "https://"+refused)
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "Autorisez "+refused+" dans le pare-feu") || !strings.Contains(out, "refusée") {
		t.Errorf("French remedy missing:\n%s", out)
	}
}

func TestCheckNetworkThroughProxyFlag(t *testing.T) {
	t.Parallel()
	lb := newLoopback(t, nil)
	proxy := netchecktest.NewProxy(t, false)
	// The environment names a dead proxy; --proxy wins.
	getenv := env("HTTPS_PROXY", "http://"+netchecktest.Refused(t))
	code, out, errs := runCheck(t, getenv, "--json", "--ca-file", lb.caFile, "--proxy", proxy.URL, lb.url)
	if code != 0 {
		t.Fatalf("exit %d %s %s", code, errs, out)
	}
	if !strings.Contains(out, `"proxy": "`+proxy.URL+`"`) || !strings.Contains(out, `"proxy_source": "flag"`) {
		t.Errorf("proxy not reported:\n%s", out)
	}
	if len(proxy.Connects()) != 1 {
		t.Errorf("proxy asked %v", proxy.Connects())
	}

	refusing := netchecktest.NewProxy(t, true)
	code, out, _ = runCheck(t, env(), "--json", "--ca-file", lb.caFile, "--proxy", refusing.URL, lb.url)
	if code != 1 || !strings.Contains(out, `"class": "proxy"`) {
		t.Errorf("refusing proxy: exit %d\n%s", code, out)
	}

	code, out, _ = runCheck(t, getenv, "--json", "--proxy", "none", "--ca-file", lb.caFile, lb.url)
	if code != 0 || !strings.Contains(out, `"proxy_source": "none"`) {
		t.Errorf("--proxy none: exit %d\n%s", code, out)
	}
}

func TestCheckNetworkEndpointsFile(t *testing.T) {
	t.Parallel()
	lb := newLoopback(t, nil)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	os.WriteFile(good, []byte("[[group]]\nid = \"office\"\nname = \"Our office\"\n\n[[group.endpoint]]\nurl = \""+lb.url+"\"\n"), 0o600)
	code, out, errs := runCheck(t, env(), "--endpoints", good, "--ca-file", lb.caFile)
	if code != 0 || !strings.Contains(out, "Our office") {
		t.Errorf("exit %d %s\n%s", code, errs, out)
	}
}

func TestCheckNetworkUsageErrorsExitTwo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("[[group]]\nid = \"x\"\n\n[[group.endpoint]]\nurl = \"https://ok.example\"\n\n[[group.endpoint]]\nurl = \"gopher://old.example\"\n"), 0o600)
	noPEM := filepath.Join(dir, "empty.pem")
	os.WriteFile(noPEM, []byte("not a certificate\n"), 0o600)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--endpoints", filepath.Join(dir, "missing.toml")}, "missing.toml: cannot read the list of addresses"},
		{[]string{"--endpoints", bad}, "bad.toml, line 7: “gopher://old.example” is not an https address"},
		{[]string{"ftp://files.example"}, "“ftp://files.example” is not an https address"},
		{[]string{"--timeout", "soon"}, "invalid value for --timeout"},
		{[]string{"--timeout", "0s"}, "invalid value for --timeout"},
		{[]string{"--proxy", "socks5://p:1080"}, "“socks5://p:1080” is a SOCKS proxy"},
		{[]string{"--ca-file", filepath.Join(dir, "nope.pem")}, "cannot read the certificates"},
		{[]string{"--ca-file", noPEM}, "no PEM certificate found"},
	}
	for _, c := range cases {
		code, out, errs := runCheck(t, env(), c.args...)
		if code != 2 || !strings.Contains(errs, c.want) || out != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want 2 and %q", c.args, code, errs, out, c.want)
		}
		if strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%v: more than one line: %q", c.args, errs)
		}
	}
}

// The wizard's key c uses the network options too, so a mistake in one ends the program before
// the full screen opens, as it would with --check-network.
func TestWizardRefusesABadNetworkOption(t *testing.T) {
	t.Parallel()
	cases := [][]string{
		{"--proxy", "ftp://proxy.example:21"},
		{"--endpoints", filepath.Join(t.TempDir(), "missing.toml")},
		{"--ca-file", filepath.Join(t.TempDir(), "missing.pem")},
	}
	for _, args := range cases {
		s, out, errb := testStreams(t, env(), true, nil)
		code := run(s, append([]string{"--lang", "fr"}, args...))
		msg := errb.String()
		if code != 2 || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, args[1]) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line naming %q", args, code, msg, args[1])
		}
		if out.Len() != 0 {
			t.Errorf("%v: the wizard started: %q", args, out.String())
		}
	}
}
