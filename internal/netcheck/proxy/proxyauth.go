package proxy

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// ProxyAuthenticator answers a proxy's Negotiate or NTLM challenge with the credentials of the
// person logged in, as browsers do without asking (SSPI on Windows).
type ProxyAuthenticator interface {
	// Start begins a sign-in with scheme ("Negotiate" or "NTLM") at the proxy host and returns
	// its first token. ErrNoSignIn means the scheme cannot be answered here.
	Start(scheme, proxyHost string) (ProxyAuthSession, []byte, error)
}

// ProxyAuthSession is one sign-in under way: each challenge from the proxy gets a token.
type ProxyAuthSession interface {
	Next(challenge []byte) ([]byte, error)
	Close()
}

// ErrNoSignIn is a sign-in scheme this computer cannot answer.
var ErrNoSignIn = errors.New("no credentials for this sign-in scheme")

// The schemes answered with the logged-in user's credentials, in the order browsers prefer.
var systemSchemes = []string{"Negotiate", "NTLM"}

// maxAuthLegs bounds the round trips of one sign-in (NTLM needs 3, Kerberos 1 or 2).
const maxAuthLegs = 4

// AuthError is a 407 that could not be answered: the schemes the proxy offered, and
// whether the credentials sent were refused.
type AuthError struct {
	Schemes []string
	Refused string // the scheme whose credentials the proxy refused, "" when none was sent
}

func (e *AuthError) Error() string {
	s := "the proxy asks to sign in (407)"
	if len(e.Schemes) > 0 {
		s += "; it offers " + strings.Join(e.Schemes, ", ")
	}
	if e.Refused != "" {
		s += "; it refused the " + e.Refused + " credentials sent"
	}
	return s
}

// AuthSchemes are the sign-in schemes named in Proxy-Authenticate headers, in order, once each.
// A header may hold several challenges separated by commas, each with parameters that may be
// quoted strings holding commas themselves.
func AuthSchemes(headers []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, h := range headers {
		for _, ch := range splitChallenges(h) {
			tok, _, _ := strings.Cut(strings.TrimSpace(ch), " ")
			if tok == "" || strings.ContainsAny(tok, "=\"") || !isToken(tok) {
				continue
			}
			if k := strings.ToLower(tok); !seen[k] {
				seen[k] = true
				out = append(out, canonicalScheme(tok))
			}
		}
	}
	return out
}

// splitChallenges cuts a header at the commas outside quoted strings; parameters ("realm=…")
// come out as pieces of their own, which AuthSchemes skips for their "=".
func splitChallenges(h string) []string {
	var out []string
	quoted, start := false, 0
	for i := 0; i < len(h); i++ {
		switch {
		case h[i] == '\\' && quoted:
			i++
		case h[i] == '"':
			quoted = !quoted
		case h[i] == ',' && !quoted:
			out = append(out, h[start:i])
			start = i + 1
		}
	}
	if start <= len(h) {
		out = append(out, h[start:])
	}
	return out
}

func isToken(s string) bool {
	for _, r := range s {
		if r <= ' ' || r >= 0x7f || strings.ContainsRune("()<>@,;:\\\"/[]?={}", r) {
			return false
		}
	}
	return true
}

func canonicalScheme(s string) string {
	for _, k := range []string{"Basic", "Negotiate", "NTLM", "Digest", "Kerberos", "Bearer"} {
		if strings.EqualFold(s, k) {
			return k
		}
	}
	return s
}

// challengeFor is the token that follows scheme in the Proxy-Authenticate headers, decoded;
// nil when the proxy sent the scheme alone.
func challengeFor(headers []string, scheme string) []byte {
	for _, h := range headers {
		for _, ch := range splitChallenges(h) {
			tok, rest, _ := strings.Cut(strings.TrimSpace(ch), " ")
			if strings.EqualFold(tok, scheme) {
				if b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(rest)); err == nil && len(b) > 0 {
					return b
				}
			}
		}
	}
	return nil
}

func hasScheme(schemes []string, s string) bool {
	for _, x := range schemes {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// Exchange is one conversation with a proxy (a CONNECT, or a forwarded request) that a
// sign-in goes on with: package probe holds the connection.
type Exchange interface {
	// Send writes the request again with auth as its Proxy-Authorization ("" for none) and
	// reads the answer.
	Send(auth string) (*http.Response, error)
	// Reuse makes the connection ready for the next leg after a 407.
	Reuse(resp *http.Response) error
	// Sent is the Proxy-Authorization the request carries, "" for none.
	Sent() string
}

// SignIn answers a 407 as browsers do: first with the logged-in user's credentials through
// auth (SSPI on Windows: nothing typed), then with the user and password of the proxy URL in
// a scheme the proxy offered: Negotiate or NTLM through auth when it can use given
// credentials (a DOMAIN\user), Basic only when the proxy offered Basic. It returns the proxy's
// last answer, or an *AuthError when the sign-in cannot be made or is refused.
func SignIn(ctx context.Context, x Exchange, resp *http.Response, p *url.URL, auth ProxyAuthenticator) (*http.Response, error) {
	offered := AuthSchemes(resp.Header.Values("Proxy-Authenticate"))
	refused := ""
	try := func(scheme string, start func() (ProxyAuthSession, []byte, error)) (*http.Response, bool, error) {
		sess, token, err := start()
		if err != nil {
			return nil, false, nil
		}
		next, err := legs(x, resp, scheme, sess, token)
		sess.Close()
		if err != nil || next.StatusCode != http.StatusProxyAuthRequired {
			return next, true, err
		}
		resp, refused = next, scheme
		return nil, false, nil
	}
	for _, scheme := range systemSchemes {
		if auth == nil || ctx.Err() != nil || !hasScheme(offered, scheme) {
			continue
		}
		if next, done, err := try(scheme, func() (ProxyAuthSession, []byte, error) { return auth.Start(scheme, p.Hostname()) }); done {
			return next, err
		}
	}
	if p.User == nil || ctx.Err() != nil {
		return nil, &AuthError{Schemes: offered, Refused: refused}
	}
	if as, ok := auth.(CredentialAuthenticator); ok {
		domain, user, password := DomainUser(p.User)
		for _, scheme := range systemSchemes {
			if !hasScheme(offered, scheme) {
				continue
			}
			if next, done, err := try(scheme, func() (ProxyAuthSession, []byte, error) {
				return as.StartAs(scheme, p.Hostname(), domain, user, password)
			}); done {
				return next, err
			}
		}
	}
	if hasScheme(offered, "Basic") {
		if err := x.Reuse(resp); err != nil {
			return nil, err
		}
		next, err := x.Send(BasicAuth(p.User))
		if err != nil || next.StatusCode != http.StatusProxyAuthRequired {
			return next, err
		}
		refused = "Basic"
	}
	return nil, &AuthError{Schemes: offered, Refused: refused}
}

// legs sends token, then answers each challenge of the same scheme, until the proxy stops
// asking or refuses.
func legs(x Exchange, resp *http.Response, scheme string, sess ProxyAuthSession, token []byte) (*http.Response, error) {
	for range maxAuthLegs {
		if err := x.Reuse(resp); err != nil {
			return nil, err
		}
		next, err := x.Send(scheme + " " + base64.StdEncoding.EncodeToString(token))
		if err != nil || next.StatusCode != http.StatusProxyAuthRequired {
			return next, err
		}
		resp = next
		challenge := challengeFor(resp.Header.Values("Proxy-Authenticate"), scheme)
		if challenge == nil {
			return resp, nil // refused: the scheme offered again without a challenge
		}
		if token, err = sess.Next(challenge); err != nil {
			return resp, nil
		}
	}
	return resp, nil
}

// BasicAuth is the Proxy-Authorization value of Basic sign-in with u.
func BasicAuth(u *url.Userinfo) string {
	pw, _ := u.Password()
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(u.Username()+":"+pw))
}
