//go:build windows

package netcheck

import (
	"github.com/alexbrainman/sspi"
	"github.com/alexbrainman/sspi/negotiate"
	"github.com/alexbrainman/sspi/ntlm"
)

// systemProxyAuth answers Negotiate and NTLM with the logged-in user's credentials through
// SSPI, as Edge and Chrome do on Windows without asking.
func systemProxyAuth() ProxyAuthenticator { return sspiAuth{} }

type sspiAuth struct{}

// Start acquires the current user's credentials for scheme. Negotiate is asked for the proxy's
// service name HTTP/host, which is what Kerberos tickets for a proxy are issued to.
func (sspiAuth) Start(scheme, proxyHost string) (ProxyAuthSession, []byte, error) {
	switch scheme {
	case "Negotiate":
		cred, err := negotiate.AcquireCurrentUserCredentials()
		if err != nil {
			return nil, nil, err
		}
		ctx, token, err := negotiate.NewClientContext(cred, "HTTP/"+proxyHost)
		if err != nil {
			cred.Release()
			return nil, nil, err
		}
		return &negotiateSession{cred: cred, ctx: ctx}, token, nil
	case "NTLM":
		cred, err := ntlm.AcquireCurrentUserCredentials()
		if err != nil {
			return nil, nil, err
		}
		ctx, token, err := ntlm.NewClientContext(cred)
		if err != nil {
			cred.Release()
			return nil, nil, err
		}
		return &ntlmSession{cred: cred, ctx: ctx}, token, nil
	}
	return nil, nil, ErrNoSignIn
}

type negotiateSession struct {
	cred *sspi.Credentials
	ctx  *negotiate.ClientContext
}

func (s *negotiateSession) Next(challenge []byte) ([]byte, error) {
	_, token, err := s.ctx.Update(challenge)
	return token, err
}

func (s *negotiateSession) Close() {
	s.ctx.Release()
	s.cred.Release()
}

type ntlmSession struct {
	cred *sspi.Credentials
	ctx  *ntlm.ClientContext
}

func (s *ntlmSession) Next(challenge []byte) ([]byte, error) { return s.ctx.Update(challenge) }

func (s *ntlmSession) Close() {
	s.ctx.Release()
	s.cred.Release()
}
