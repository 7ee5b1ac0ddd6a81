package proxy_test

import (
	"net/url"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

// CORP\jdoe in a proxy URL is a domain account, typed raw or escaped.
func TestDomainUserInProxyURL(t *testing.T) {
	for _, s := range []string{`http://CORP\jdoe:pw@proxy.test:3128`, `http://CORP%5Cjdoe:pw@proxy.test:3128`, `CORP\jdoe:pw@proxy.test:3128`} {
		u, err := proxy.ParseProxyURL("--proxy", s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if d, user, pw := proxy.DomainUser(u.User); d != "CORP" || user != "jdoe" || pw != "pw" || u.Host != "proxy.test:3128" {
			t.Errorf("%s: %q %q %q %q", s, d, user, pw, u.Host)
		}
	}
	if d, user, _ := proxy.DomainUser(url.UserPassword("jdoe@corp.example", "pw")); d != "" || user != "jdoe@corp.example" {
		t.Errorf("UPN: %q %q", d, user)
	}
}
