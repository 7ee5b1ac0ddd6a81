//go:build windows

package netcheck

import (
	"bytes"
	"context"
	"encoding/base64"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// The current user's Internet settings can be read; what they hold depends on the machine.
func TestReadIEConfig(t *testing.T) {
	sp, err := readIEConfig()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("auto-detect %v, PAC %q, servers %v, bypass %v", sp.AutoDetect, sp.PACURL, sp.Servers, sp.Bypass)
	if _, err := SystemProxySettings(); err != nil {
		t.Fatal(err)
	}
}

// WinHTTP downloads and evaluates a PAC script served on loopback, and its answer becomes the
// check's choices.
func TestWinHTTPEvaluatesAPAC(t *testing.T) {
	pac := netchecktest.ServePAC(t, `function FindProxyForURL(url, host) {
		if (shExpMatch(host, "*.direct.test")) return "DIRECT";
		return "PROXY 127.0.0.1:3128; DIRECT";
	}`)
	r := &winResolver{pacURL: pac}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	got, err := r.resolve(ctx, &url.URL{Scheme: "https", Host: "login.example.test", Path: "/"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || got[0] == nil || got[0].String() != "http://127.0.0.1:3128" {
		t.Errorf("choices %v", got)
	}
	got, err = r.resolve(ctx, &url.URL{Scheme: "https", Host: "a.direct.test", Path: "/"})
	if err != nil || len(got) != 1 || got[0] != nil {
		t.Errorf("direct: %v, %v", got, err)
	}
}

// SSPI gives the logged-in user's first NTLM and Negotiate tokens.
func TestSSPIFirstTokens(t *testing.T) {
	for _, scheme := range []string{"NTLM", "Negotiate"} {
		sess, token, err := systemProxyAuth().Start(scheme, "proxy.example.test")
		if err != nil {
			t.Fatalf("%s: %v", scheme, err)
		}
		sess.Close()
		if len(token) == 0 || (scheme == "NTLM" && !bytes.HasPrefix(token, []byte("NTLMSSP\x00"))) {
			t.Errorf("%s: token %q", scheme, token)
		}
	}
}

// A proxy that verifies NTLM with SSPI's server side: the check signs in as the logged-in user,
// three legs on one connection, and goes through.
func TestSSPISignsInToAnNTLMProxy(t *testing.T) {
	var mu sync.Mutex
	servers := map[int]*sspiContext{}
	proxy := netchecktest.NewAuthProxy(t, func(conn int, auth string) (bool, []string) {
		mu.Lock()
		defer mu.Unlock()
		tok, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(auth, "NTLM "))
		if !strings.HasPrefix(auth, "NTLM ") || err != nil {
			return false, []string{"NTLM"}
		}
		sc := servers[conn]
		if sc == nil {
			if sc, err = newSSPIContext("NTLM", "", true); err != nil {
				t.Errorf("server side: %v", err)
				return false, []string{"NTLM"}
			}
			servers[conn] = sc
		}
		out, done, err := sc.step(tok)
		if err != nil || done {
			sc.Close()
			delete(servers, conn)
			return err == nil, []string{"NTLM"}
		}
		return false, []string{"NTLM " + base64.StdEncoding.EncodeToString(out)}
	})
	ca := netchecktest.NewCA(t, "Windows Test Root", "Auvenir Tests")
	srv := netchecktest.ServeTLS(t, ca.Leaf(t, "ok.test"), 0, nil)
	setting, err := ProxyFromSettings(proxy.URL, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	c := New(Config{Timeout: 20 * time.Second, Proxy: setting, Resolver: netchecktest.Resolver{},
		SystemRoots: netchecktest.Pool(ca), PublicRoots: netchecktest.Pool(ca)})
	eps, _, _ := FromURLs([]string{"https://ok.test:" + netchecktest.Port(srv) + "/"})
	r := c.Check(context.Background(), eps[0], eps, nil)
	if r.Class != OK || proxy.Connections() != 1 {
		t.Errorf("class %q (%s), %d connections, authorizations %d", r.Class, r.Detail, proxy.Connections(), len(proxy.Authorizations()))
	}
}
