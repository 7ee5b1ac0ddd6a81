//go:build windows

package proxy

import (
	"bytes"
	"context"
	"net/url"
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
