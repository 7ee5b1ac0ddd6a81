package netcheck_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// A proxy that offers only Negotiate and NTLM never receives the password of the proxy URL as
// Basic (in clear text to anyone on the path), whether the account is typed CORP\jdoe or
// CORP%5Cjdoe, and whether or not the first CONNECT asked.
func TestBasicNeverSentUnoffered(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	proxy := netchecktest.NewAuthProxy(t, func(int, string) (bool, []string) { return false, []string{"Negotiate", "NTLM"} })
	host := strings.TrimPrefix(proxy.URL, "http://")
	for _, account := range []string{`CORP\jdoe`, `CORP%5Cjdoe`, "jdoe"} {
		r := check(t, viaProxy(t, p, "http://"+account+":S3cret-pw@"+host, noSignIn{}), at("ok.test", netchecktest.Port(srv)))[0]
		wantClass(t, r, netcheck.ProxyAuth)
		for _, a := range proxy.Authorizations() {
			if a != "" {
				t.Errorf("%s: sent %q to a proxy that offered only Negotiate and NTLM", account, a)
			}
		}
	}
}

// accountSSPI answers NTLM with given credentials only (StartAs), and records the order of the
// attempts: the logged-in user's first, as browsers do, then the account of the URL.
type accountSSPI struct{ calls []string }

func (a *accountSSPI) Start(scheme, host string) (netcheck.ProxyAuthSession, []byte, error) {
	a.calls = append(a.calls, "Start "+scheme)
	return nil, nil, netcheck.ErrNoSignIn
}

func (a *accountSSPI) StartAs(scheme, host, domain, user, password string) (netcheck.ProxyAuthSession, []byte, error) {
	a.calls = append(a.calls, fmt.Sprintf("StartAs %s %s\\%s", scheme, domain, user))
	if scheme != "NTLM" || domain != "CORP" || user != "jdoe" || password != "S3cret-pw" {
		return nil, nil, netcheck.ErrNoSignIn
	}
	return fakeSession{}, []byte("hello"), nil
}

func TestDomainAccountSignsInWithNTLM(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	proxy := netchecktest.NewAuthProxy(t, func(conn int, auth string) (bool, []string) {
		switch auth {
		case "NTLM " + b64("hello"):
			return false, []string{"NTLM " + b64("challenge")}
		case "NTLM " + b64("answer"):
			return true, nil
		}
		return false, []string{"Negotiate", "NTLM"}
	})
	host := strings.TrimPrefix(proxy.URL, "http://")
	auth := &accountSSPI{}
	r := check(t, viaProxy(t, p, `http://CORP\jdoe:S3cret-pw@`+host, auth), at("ok.test", netchecktest.Port(srv)))[0]
	wantClass(t, r, netcheck.OK)
	want := []string{"Start Negotiate", "Start NTLM", `StartAs Negotiate CORP\jdoe`, `StartAs NTLM CORP\jdoe`}
	if !reflect.DeepEqual(auth.calls, want) {
		t.Errorf("attempts %q, want %q", auth.calls, want)
	}
	for _, a := range proxy.Authorizations() {
		if strings.HasPrefix(a, "Basic") {
			t.Errorf("sent %q", a)
		}
	}
}

// A 407 listing thousands of schemes is a sign-in request whose list is cut (8 kept, the rest
// counted) in the result and in --json; a 407 whose realm holds a control character, which
// Go's header reader refuses, is still read as a sign-in request.
func TestHostile407s(t *testing.T) {
	p := newPKI(t)
	srv := netchecktest.ServeTLS(t, p.public.Leaf(t, "ok.test"), 0, nil)
	many := make([]string, 9000)
	for i := range many {
		many[i] = fmt.Sprintf("S%d", i)
	}
	for _, c := range []struct {
		name       string
		challenges []string
		schemes    []string
		more       int
	}{
		{"thousands of schemes", []string{"Basic, " + strings.Join(many, ", ")}, append([]string{"Basic"}, many[:7]...), 9001 - 8},
		{"control character in the realm", []string{"Basic realm=\"a\x01b\"", "NTLM"}, []string{"Basic", "NTLM"}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			proxy := netchecktest.NewAuthProxy(t, func(int, string) (bool, []string) { return false, c.challenges })
			r := check(t, viaProxy(t, p, proxy.URL, noSignIn{}), at("ok.test", netchecktest.Port(srv)))[0]
			wantClass(t, r, netcheck.ProxyAuth)
			if !reflect.DeepEqual(r.ProxyAuth, c.schemes) || r.ProxyAuthMore != c.more {
				t.Errorf("schemes %q, %d more", r.ProxyAuth, r.ProxyAuthMore)
			}
			if doc, _ := json.Marshal(r); len(doc) > 4096 {
				t.Errorf("JSON of %d bytes", len(doc))
			}
		})
	}
}
