//go:build windows

package proxy_test

import (
	"context"
	"encoding/base64"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/diagnose"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/probe"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

// A proxy that verifies NTLM with SSPI's server side: the check signs in as the logged-in user,
// three legs on one connection, and goes through.
func TestSSPISignsInToAnNTLMProxy(t *testing.T) {
	var mu sync.Mutex
	servers := map[int]*proxy.SSPIContextForTest{}
	px := netchecktest.NewAuthProxy(t, func(conn int, auth string) (bool, []string) {
		mu.Lock()
		defer mu.Unlock()
		tok, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(auth, "NTLM "))
		if !strings.HasPrefix(auth, "NTLM ") || err != nil {
			return false, []string{"NTLM"}
		}
		sc := servers[conn]
		if sc == nil {
			if sc, err = proxy.NewSSPIContextForTest("NTLM", "", true); err != nil {
				t.Errorf("server side: %v", err)
				return false, []string{"NTLM"}
			}
			servers[conn] = sc
		}
		out, done, err := sc.Step(tok)
		if err != nil || done {
			sc.Close()
			delete(servers, conn)
			return err == nil, []string{"NTLM"}
		}
		return false, []string{"NTLM " + base64.StdEncoding.EncodeToString(out)}
	})
	ca := netchecktest.NewCA(t, "Windows Test Root", "Auvenir Tests")
	srv := netchecktest.ServeTLS(t, ca.Leaf(t, "ok.test"), 0, nil)
	setting, err := proxy.ProxyFromSettings(px.URL, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	c := probe.New(probe.Config{Timeout: 20 * time.Second, Proxy: setting, Resolver: netchecktest.Resolver{},
		SystemRoots: netchecktest.Pool(ca), PublicRoots: netchecktest.Pool(ca)})
	eps, _, _ := endpoints.FromURLs([]string{"https://ok.test:" + netchecktest.Port(srv) + "/"})
	r := c.Check(context.Background(), eps[0], eps, nil)
	if r.Class != diagnose.OK || px.Connections() != 1 {
		t.Errorf("class %q (%s), %d connections, authorizations %d", r.Class, r.Detail, px.Connections(), len(px.Authorizations()))
	}
}
