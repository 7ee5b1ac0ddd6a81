package netcheck_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// noSignIn answers nothing, so that a test behaves the same on Windows, where the default
// would be the logged-in user's SSPI credentials.
type noSignIn struct{}

func (noSignIn) Start(string, string) (netcheck.ProxyAuthSession, []byte, error) {
	return nil, nil, netcheck.ErrNoSignIn
}

func viaProxy(t *testing.T, p pki, proxyURL string, auth netcheck.ProxyAuthenticator) netcheck.Config {
	cfg := p.config(5 * time.Second)
	cfg.Proxy = mustProxy(nil, proxyURL)
	cfg.ProxyAuth = auth
	return cfg
}

func TestBasicProxySignIn(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	proxy := netchecktest.BasicProxy(t, "jdoe", "S3cret-pw")
	host := strings.TrimPrefix(proxy.URL, "http://")

	r := check(t, viaProxy(t, p, "http://jdoe:S3cret-pw@"+host, noSignIn{}), at("ok.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.OK)

	for _, tc := range []struct{ url, refused string }{
		{"http://" + host, ""},                      // no credentials given
		{"http://jdoe:wrong-pw@" + host, "refused"}, // credentials refused
	} {
		r := check(t, viaProxy(t, p, tc.url, noSignIn{}), at("ok.test", netchecktest.Port(srv)))[0]
		wantClass(t, r, netcheck.ProxyAuth)
		if !reflect.DeepEqual(r.ProxyAuth, []string{"Basic"}) || r.Phase != netcheck.PhaseProxy {
			t.Errorf("%s: schemes %v, phase %q", tc.url, r.ProxyAuth, r.Phase)
		}
		if strings.Contains(r.Detail, "refused") != (tc.refused != "") {
			t.Errorf("%s: detail %q", tc.url, r.Detail)
		}
		js, _ := json.Marshal(r)
		if strings.Contains(string(js), "wrong-pw") || strings.Contains(string(js), "jdoe") {
			t.Errorf("credentials in the JSON: %s", js)
		}
	}
}

// A proxy that offers only Negotiate and NTLM and answers 407 to everything: its own class,
// naming both schemes, never "allow it on the proxy".
func TestNegotiateOnlyProxyIsProxyAuth(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	proxy := netchecktest.NegotiateOnlyProxy(t)
	cfg := viaProxy(t, p, proxy.URL, noSignIn{})
	r := check(t, cfg, at("ok.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.ProxyAuth)
	if !reflect.DeepEqual(r.ProxyAuth, []string{"Negotiate", "NTLM"}) {
		t.Errorf("schemes %v", r.ProxyAuth)
	}
	if !strings.Contains(r.Detail, "Negotiate, NTLM") {
		t.Errorf("detail %q", r.Detail)
	}
	rep := netcheck.New(cfg).NewReport([]netcheck.Result{r}, time.Second)
	if rep.Summary.Classes[netcheck.ProxyAuth] != 1 {
		t.Errorf("classes %v", rep.Summary.Classes)
	}
}

// fakeSSPI plays the client side of a two-leg sign-in: a first token, then the answer to the
// proxy's challenge.
type fakeSSPI struct{ scheme string }

type fakeSession struct{}

func (f fakeSSPI) Start(scheme, host string) (netcheck.ProxyAuthSession, []byte, error) {
	if scheme != f.scheme || host != "127.0.0.1" {
		return nil, nil, netcheck.ErrNoSignIn
	}
	return fakeSession{}, []byte("hello"), nil
}

func (fakeSession) Next(ch []byte) ([]byte, error) {
	if string(ch) != "challenge" {
		return nil, errors.New("unexpected challenge")
	}
	return []byte("answer"), nil
}

func (fakeSession) Close() {}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// The logged-in user's sign-in (SSPI on Windows) is answered leg by leg on one connection,
// as NTLM requires; the scheme the proxy prefers among those offered is used.
func TestSystemSignInLegsShareOneConnection(t *testing.T) {
	for _, scheme := range []string{"Negotiate", "NTLM"} {
		t.Run(scheme, func(t *testing.T) {
			p := newPKI(t)
			srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
			proxy := netchecktest.NewAuthProxy(t, func(conn int, auth string) (bool, []string) {
				switch auth {
				case scheme + " " + b64("hello"):
					return false, []string{scheme + " " + b64("challenge")}
				case scheme + " " + b64("answer"):
					return conn == 1, []string{scheme}
				}
				return false, []string{`Basic realm="x"`, scheme}
			})
			r := check(t, viaProxy(t, p, proxy.URL, fakeSSPI{scheme}), at("ok.test", netchecktest.Port(srv)))[0]
			wantClass(t, r, netcheck.OK)
			want := []string{"", scheme + " " + b64("hello"), scheme + " " + b64("answer")}
			if got := proxy.Authorizations(); !reflect.DeepEqual(got, want) || proxy.Connections() != 1 {
				t.Errorf("authorizations %q over %d connections", got, proxy.Connections())
			}
		})
	}
}

func TestAuthSchemes(t *testing.T) {
	for _, tc := range []struct {
		headers []string
		want    []string
	}{
		{[]string{"Negotiate", "NTLM"}, []string{"Negotiate", "NTLM"}},
		{[]string{`Basic realm="a, b", negotiate abc==`}, []string{"Basic", "Negotiate"}},
		{[]string{`Digest realm="x", qop="auth,auth-int", nonce="n"`, "ntlm"}, []string{"Digest", "NTLM"}},
		{[]string{"", " , ", `"Basic"`}, nil},
	} {
		if got := netcheck.AuthSchemes(tc.headers); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.headers, got, tc.want)
		}
	}
}

func FuzzAuthSchemes(f *testing.F) {
	f.Add(`Basic realm="a, b", Negotiate`)
	f.Add(`Digest realm="x\", y", qop="auth,auth-int"`)
	f.Fuzz(func(t *testing.T, h string) {
		for _, s := range netcheck.AuthSchemes([]string{h}) {
			if s == "" || strings.ContainsAny(s, " ,=\"") {
				t.Fatalf("%q gave scheme %q", h, s)
			}
		}
	})
}
