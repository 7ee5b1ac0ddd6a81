package netcheck_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// A redirect to an address holding a user name and password: the credentials are not sent
// (Go's client drops them on a redirect to another host), and --json never holds the password
// either: the hop's url is masked as every other value shown.
func TestRedirectPasswordIsMasked(t *testing.T) {
	p := newPKI(t)
	target := netchecktest.ServeTLS(t, p.public.Leaf(t, "login.test"), 0, nil)
	withPassword := strings.Replace(at("login.test", netchecktest.Port(target)), "https://", "https://alice:s3cret@", 1) + "signin"
	start := netchecktest.ServeTLS(t, p.public.Leaf(t, "app.test"), 0, redirectTo(withPassword))
	r := check(t, p.config(5*time.Second), at("app.test", netchecktest.Port(start)))[0]
	if len(r.Redirects) != 1 {
		t.Fatalf("redirects %#v", r.Redirects)
	}
	doc, _ := json.Marshal(r)
	if strings.Contains(string(doc), "s3cret") || !strings.HasPrefix(r.Redirects[0].URL, "https://alice:***@login.test:") {
		t.Errorf("hop url %q; JSON %s", r.Redirects[0].URL, doc)
	}
}
