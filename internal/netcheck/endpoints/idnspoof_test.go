package endpoints_test

import (
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// A host name whose letters imitate Latin ones (all Cyrillic "аррӏе") or mix scripts is shown
// in its xn-- form in an --endpoints list and on the command line, as Chromium shows it, so the
// table and --json (which print Endpoint.URL) do not show a look-alike of another name
// (issue 22 item 5). A name in one script keeps its Unicode.
func TestLookalikeHostShownInPunycode(t *testing.T) {
	eps, err := endpoints.Parse([]byte("[[group]]\nid = \"a\"\n"+
		"[[group.endpoint]]\nurl = \"https://аррӏе.com/\"\n"+
		"[[group.endpoint]]\nurl = \"https://раураl.com/login\"\n"+
		"[[group.endpoint]]\nurl = \"https://bücher.example/\"\n"), "l.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://xn--80ak6aa92e.com/", "https://xn--l-7sba6dbr.com/login", "https://bücher.example/"}
	for i, ep := range eps {
		if ep.URL != want[i] {
			t.Errorf("endpoint %d shown as %q, want %q", i, ep.URL, want[i])
		}
	}
	got, _, err := endpoints.FromURLs([]string{"https://xn--80ak6aa92e.com/"})
	if err != nil || got[0].URL != "https://xn--80ak6aa92e.com/" {
		t.Errorf("command line: %+v, %v", got, err)
	}
	if h := endpoints.DisplayHost("xn--80ak6aa92e.com"); h != "xn--80ak6aa92e.com" {
		t.Errorf("DisplayHost = %q", h)
	}
}
