package netcheck_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/steps"
)

func TestDefaultListHasTheGuideAndMicrosoftHosts(t *testing.T) {
	eps := netcheck.Default()
	byHost := map[string]netcheck.Endpoint{}
	for _, e := range eps {
		if _, dup := byHost[e.Host]; dup {
			t.Errorf("%s listed twice", e.Host)
		}
		byHost[e.Host] = e
		if e.Port != "443" || e.Allow == "" || !netcheck.Covers(e.Allow, e.Host) {
			t.Errorf("%s: port %s, rule %q does not cover it", e.Host, e.Port, e.Allow)
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
}

func TestParseFileErrorsNameTheLine(t *testing.T) {
	cases := []struct {
		name, text string
		line       int
		problem    netcheck.Problem
	}{
		{"syntax", "[[group]]\nid = \"a\"\n[[group.endpoint]]\nurl = \"https://a.example\n", 4, netcheck.ProblemSyntax},
		{"not a URL", "[[group]]\nid = \"a\"\n\n[[group.endpoint]]\nurl = \"https://ok.example\"\n\n[[group.endpoint]]\nurl = \"ftp://files.example\"\n", 7, netcheck.ProblemURL},
		{"no url", "[[group]]\nid = \"a\"\n[[group.endpoint]]\nallow = \"x.example\"\n", 3, netcheck.ProblemNoURL},
		{"typo in endpoint", "[[group]]\nid = \"a\"\n[[group.endpoint]]\nurl = \"https://a.example\"\nalow = \"a.example\"\n", 3, netcheck.ProblemUnknownKey},
		{"typo in group", "[[group]]\nid = \"a\"\nnmae = \"A\"\n[[group.endpoint]]\nurl = \"https://a.example\"\n", 3, netcheck.ProblemUnknownKey},
		{"bad rule", "[[group]]\nid = \"a\"\n[[group.endpoint]]\nurl = \"https://a.example\"\nallow = \"*.*\"\n", 3, netcheck.ProblemAllow},
		{"wrong type", "[[group]]\nid = 5\n", 2, netcheck.ProblemSyntax},
		{"empty", "# nothing\n", 0, netcheck.ProblemEmpty},
	}
	for _, c := range cases {
		_, err := netcheck.Parse([]byte(c.text), "list.toml")
		var fe *netcheck.FileError
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
	eps, err := netcheck.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	e := eps[0]
	if e.URL != "https://intranet.example:8443/health" || e.Port != "8443" || e.Group != "office" || e.GroupName != "Our office" || e.Allow != "*.example" {
		t.Errorf("%+v", e)
	}
	_, err = netcheck.LoadFile(filepath.Join(dir, "missing.toml"))
	var fe *netcheck.FileError
	if !errors.As(err, &fe) || fe.Problem != netcheck.ProblemUnreadable {
		t.Errorf("missing file: %v", err)
	}
}

func TestFromURLs(t *testing.T) {
	eps, _, err := netcheck.FromURLs([]string{"ca.auvenir.com", "http://127.0.0.1:8080"})
	if err != nil || eps[0].URL != "https://ca.auvenir.com/" || eps[1].Port != "8080" || eps[1].Host != "127.0.0.1" || eps[0].Group != netcheck.GroupCommandLine {
		t.Fatalf("%+v %v", eps, err)
	}
	for _, bad := range []string{"", "ftp://x.example", "https://", "https://user:pw@x.example", "https://x.example:99999", "two words"} {
		if _, got, err := netcheck.FromURLs([]string{"ok.example", bad}); err == nil || got != bad {
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
		if got := netcheck.Covers(c.rule, c.host); got != c.want {
			t.Errorf("Covers(%q, %q) = %v", c.rule, c.host, got)
		}
	}
}
