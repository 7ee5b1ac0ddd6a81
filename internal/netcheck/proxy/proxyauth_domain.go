package proxy

import (
	"net/url"
	"strings"
)

// CredentialAuthenticator is a ProxyAuthenticator that can also answer Negotiate and NTLM with
// credentials given in the proxy URL rather than the logged-in user's (SSPI on Windows).
type CredentialAuthenticator interface {
	StartAs(scheme, proxyHost, domain, user, password string) (ProxyAuthSession, []byte, error)
}

// DomainUser splits the user info of a proxy URL the way Windows names accounts:
// "CORP\jdoe" (typed so, or "CORP%5Cjdoe") is the user jdoe of the domain CORP; a user
// principal name "jdoe@corp.example" or a plain "jdoe" has no separate domain.
func DomainUser(u *url.Userinfo) (domain, user, password string) {
	password, _ = u.Password()
	user = u.Username()
	if d, rest, ok := strings.Cut(user, `\`); ok {
		domain, user = d, rest
	}
	return domain, user, password
}

// escapeDomainUser writes the "\" of a "DOMAIN\user" typed in a proxy URL as "%5C", which
// is how a URL spells it (Go's parser refuses a raw "\" in user info). Only the user info,
// from the scheme to the last "@", is touched.
func escapeDomainUser(s string) string {
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return s
	}
	start := 0
	if i := strings.Index(s, "://"); i >= 0 && i < at {
		start = i + 3
	}
	return s[:start] + strings.ReplaceAll(s[start:at], `\`, "%5C") + s[at:]
}
