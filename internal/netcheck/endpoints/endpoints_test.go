package endpoints_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
	"github.com/auvenir/auvenir-onboard/steps"
)

func TestDefaultListHasTheGuideAndMicrosoftHosts(t *testing.T) {
	eps := endpoints.Default()
	byHost := map[string]endpoints.Endpoint{}
	seen := map[string]bool{}
	for _, e := range eps {
		if seen[e.URL] {
			t.Errorf("%s listed twice", e.URL)
		}
		seen[e.URL] = true
		byHost[e.Host] = e
		wantPort := map[string]string{"auvenir": "443", "microsoft": "443", "revocation": "80"}[e.Group]
		if (wantPort != "" && e.Port != wantPort) || e.Allow == "" || !endpoints.Covers(e.Allow, e.Host) {
			t.Errorf("%s: port %s, rule %q does not cover it", e.URL, e.Port, e.Allow)
		}
	}
	// The four URLs of the guide, in the guide's order, as the first group.
	for i, u := range steps.FirewallURLs {
		if eps[i].Group != "auvenir" || eps[i].URL != u+"/" {
			t.Errorf("entry %d: %s in %s, want %s in auvenir", i, eps[i].URL, eps[i].Group, u)
		}
	}
	for _, h := range []string{"login.microsoftonline.com", "login.microsoft.com", "login.live.com",
		"account.activedirectory.windowsazure.com", "aadcdn.msftauth.net", "logincdn.msftauth.net",
		"invitations.microsoft.com", "myapps.microsoft.com", "mysignins.microsoft.com", "myaccount.microsoft.com"} {
		e, ok := byHost[h]
		if !ok || e.Group != "microsoft" {
			t.Errorf("%s missing from the microsoft group", h)
		}
	}
	if byHost["aadcdn.msftauth.net"].Allow != "*.msftauth.net" || byHost["login.microsoftonline.com"].Allow != "*.microsoftonline.com" {
		t.Error("the published wildcards are not shown beside their hosts")
	}
	// Issue 13: the hosts Microsoft's lists add, each with its wildcard.
	for host, rule := range map[string]string{"aadcdn.msauth.net": "*.msauth.net", "logincdn.msauth.net": "*.msauth.net",
		"aadcdn.msauthimages.net": "*.msauthimages.net", "aadcdn.msftauthimages.net": "*.msftauthimages.net",
		"mobileappcommunicator.auth.microsoft.com": "*.auth.microsoft.com", "login.windows.net": "login.windows.net"} {
		if e := byHost[host]; e.Group != "microsoft" || e.Allow != rule || e.Optional {
			t.Errorf("%s: group %q, rule %q, optional %v", host, e.Group, e.Allow, e.Optional)
		}
	}
	for _, h := range []string{"login.live.com", "myaccount.microsoft.com"} {
		if !byHost[h].Optional {
			t.Errorf("%s is not optional", h)
		}
	}
	for _, u := range []string{"http://ocsp.digicert.com/", "http://crl3.digicert.com/", "http://ocsp.msocsp.com/",
		"http://crl.microsoft.com/", "http://mscrl.microsoft.com/",
		// Issue 19 item 12: the revocation hosts Microsoft's chains also need.
		"http://crl4.digicert.com/", "http://oneocsp.microsoft.com/", "http://www.microsoft.com/pkiops/",
		"http://ctldl.windowsupdate.com/"} {
		if !seen[u] {
			t.Errorf("revocation address %s missing", u)
		}
	}
	phone := 0
	for _, e := range eps {
		if e.Group == "phone" {
			phone++
			if !strings.HasPrefix(e.URL, "tcp://") || !e.Optional {
				t.Errorf("phone entry %s: not a connect-only optional probe", e.URL)
			}
		}
	}
	if phone != 4 || !seen["tcp://1-courier.push.apple.com:5223"] || !seen["tcp://mtalk.google.com:5228"] {
		t.Errorf("phone push channels: %d entries", phone)
	}
}

func TestRequiredAndTCPInTheListFormat(t *testing.T) {
	eps, err := endpoints.Parse([]byte(`[[group]]
id = "x"
  [[group.endpoint]]
  url = "tcp://push.example:5223"
  required = false
  [[group.endpoint]]
  url = "https://a.example"
  required = true
`), "list.toml")
	if err != nil {
		t.Fatal(err)
	}
	if eps[0].URL != "tcp://push.example:5223" || eps[0].Port != "5223" || !eps[0].Optional || eps[1].Optional {
		t.Errorf("%+v", eps)
	}
	for _, bad := range []string{"required = \"no\"", "url = \"tcp://push.example\"", "url = \"tcp://push.example:1/path\""} {
		src := "[[group]]\nid = \"x\"\n  [[group.endpoint]]\n  url = \"https://a.example\"\n  " + bad + "\n"
		if strings.HasPrefix(bad, "url") {
			src = "[[group]]\nid = \"x\"\n  [[group.endpoint]]\n  " + bad + "\n"
		}
		var fe *endpoints.FileError
		if _, err := endpoints.Parse([]byte(src), "list.toml"); !errors.As(err, &fe) || fe.Line != 3 {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

func TestParseFileErrorsNameTheLine(t *testing.T) {
	cases := []struct {
		name, text string
		line       int
		problem    endpoints.Problem
	}{
		{"syntax", "[[group]]\nid = \"a\"\n[[group.endpoint]]\nurl = \"https://a.example\n", 4, endpoints.ProblemSyntax},
		{"not a URL", "[[group]]\nid = \"a\"\n\n[[group.endpoint]]\nurl = \"https://ok.example\"\n\n[[group.endpoint]]\nurl = \"ftp://files.example\"\n", 7, endpoints.ProblemURL},
		{"no url", "[[group]]\nid = \"a\"\n[[group.endpoint]]\nallow = \"x.example\"\n", 3, endpoints.ProblemNoURL},
		{"typo in endpoint", "[[group]]\nid = \"a\"\n[[group.endpoint]]\nurl = \"https://a.example\"\nalow = \"a.example\"\n", 3, endpoints.ProblemUnknownKey},
		{"typo in group", "[[group]]\nid = \"a\"\nnmae = \"A\"\n[[group.endpoint]]\nurl = \"https://a.example\"\n", 3, endpoints.ProblemUnknownKey},
		{"bad rule", "[[group]]\nid = \"a\"\n[[group.endpoint]]\nurl = \"https://a.example\"\nallow = \"*.*\"\n", 3, endpoints.ProblemAllow},
		{"wrong type", "[[group]]\nid = 5\n", 2, endpoints.ProblemSyntax},
		{"empty", "# nothing\n", 0, endpoints.ProblemEmpty},
	}
	for _, c := range cases {
		_, err := endpoints.Parse([]byte(c.text), "list.toml")
		var fe *endpoints.FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: error %v", c.name, err)
			continue
		}
		if fe.Line != c.line || fe.Problem != c.problem || fe.File != "list.toml" {
			t.Errorf("%s: line %d problem %d (%q), want line %d problem %d", c.name, fe.Line, fe.Problem, fe.Detail, c.line, c.problem)
		}
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.toml")
	text := "[[group]]\nid = \"office\"\nname = \"Our office\"\n[[group.endpoint]]\nurl = \"intranet.example:8443/health\"\nallow = \"*.example\"\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	eps, err := endpoints.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	e := eps[0]
	if e.URL != "https://intranet.example:8443/health" || e.Port != "8443" || e.Group != "office" || e.GroupName != "Our office" || e.Allow != "*.example" {
		t.Errorf("%+v", e)
	}
	_, err = endpoints.LoadFile(filepath.Join(dir, "missing.toml"))
	var fe *endpoints.FileError
	if !errors.As(err, &fe) || fe.Problem != endpoints.ProblemUnreadable {
		t.Errorf("missing file: %v", err)
	}
}

func TestFromURLs(t *testing.T) {
	eps, _, err := endpoints.FromURLs([]string{"ca.auvenir.com", "http://127.0.0.1:8080"})
	if err != nil || eps[0].URL != "https://ca.auvenir.com/" || eps[1].Port != "8080" || eps[1].Host != "127.0.0.1" || eps[0].Group != endpoints.GroupCommandLine {
		t.Fatalf("%+v %v", eps, err)
	}
	for _, bad := range []string{"", "ftp://x.example", "https://", "https://user:pw@x.example", "https://x.example:99999", "two words"} {
		if _, got, err := endpoints.FromURLs([]string{"ok.example", bad}); err == nil || got != bad {
			t.Errorf("%q: accepted (%q, %v)", bad, got, err)
		}
	}
}

func TestCovers(t *testing.T) {
	for _, c := range []struct {
		rule, host string
		want       bool
	}{
		{"*.msftauth.net", "aadcdn.msftauth.net", true},
		{"*.msftauth.net", "msftauth.net", false},
		{"*.msftauth.net", "evilmsftauth.net", false},
		{"login.live.com", "LOGIN.live.com.", true},
		{"login.live.com", "x.login.live.com", false},
	} {
		if got := endpoints.Covers(c.rule, c.host); got != c.want {
			t.Errorf("Covers(%q, %q) = %v", c.rule, c.host, got)
		}
	}
}
