package netcheck_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// A script that fails for an address (throws, answers something else than a string, answers
// garbage, spins inside a built-in) sends it DIRECT, as Chromium does, and the row says the PAC
// failed, with its reason and never a password the answer held.
func TestPACFailureGoesDirect(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	for _, c := range []struct{ name, body, reason string }{
		{"throws", `throw new Error("no rule");`, "no rule"},
		{"an object whose toString loops", `return { toString: function () { for (;;) {} } };`, "not a string"},
		{"a password in its answer", `return "PROXY alice:s3cret@host:3128";`, `"PROXY alice:***@host:3128"`},
		{"a built-in that runs long", `return new Array(1e9).join("x");`, "limit"},
		{"deep recursion", `function f() { return f(); } return f();`, "recursed too deeply"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := p.config(10 * time.Second)
			pac := newPAC(t, `function FindProxyForURL(u, h) { `+c.body+` }`, cfg.Resolver)
			defer pac.Close()
			cfg.Proxy = netcheck.PACSetting(netcheck.ProxyFromPAC, pac)
			r := check(t, cfg, at("ok.test", netchecktest.Port(srv)))[0]
			wantClass(t, r, netcheck.OK)
			if r.Proxy != "" || !strings.Contains(r.PACFailed, "PAC test.pac: ") || !strings.Contains(r.PACFailed, c.reason) {
				t.Errorf("proxy %q, pac_failed %q", r.Proxy, r.PACFailed)
			}
			doc, _ := json.Marshal(r)
			if strings.Contains(string(doc), "s3cret") || !strings.Contains(string(doc), `"pac_failed":`) {
				t.Errorf("JSON %s", doc)
			}
		})
	}
}
