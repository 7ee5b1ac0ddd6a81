//go:build windows

package proxy

import (
	"syscall"

	"github.com/alexbrainman/sspi"
)

// systemProxyAuth answers Negotiate and NTLM with the logged-in user's credentials through
// SSPI, as Edge and Chrome do on Windows without asking.
//
// Only the base sspi package is used: its ntlm subpackage panics in its init when the NTLM
// package cannot be queried (wine has none), which would stop the program before main.
func systemProxyAuth() ProxyAuthenticator { return sspiAuth{} }

type sspiAuth struct{}

// Start acquires the current user's credentials for scheme. Negotiate is asked for the proxy's
// service name HTTP/host, which is what Kerberos tickets for a proxy are issued to; it falls
// back to NTLM inside Negotiate when there is no ticket.
func (sspiAuth) Start(scheme, proxyHost string) (ProxyAuthSession, []byte, error) {
	var target string
	switch scheme {
	case "Negotiate":
		target = "HTTP/" + proxyHost
	case "NTLM":
	default:
		return nil, nil, ErrNoSignIn
	}
	s, err := newSSPIContext(scheme, target, false)
	if err != nil {
		return nil, nil, err
	}
	token, _, err := s.step(nil)
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, token, nil
}

// sspiContext is one side of an SSPI exchange (the server side serves tests).
type sspiContext struct {
	cred   *sspi.Credentials
	ctx    *sspi.Context
	target *uint16
	max    uint32
}

func newSSPIContext(pkg, target string, server bool) (*sspiContext, error) {
	info, err := sspi.QueryPackageInfo(pkg)
	if err != nil {
		return nil, err
	}
	use := uint32(sspi.SECPKG_CRED_OUTBOUND)
	if server {
		use = sspi.SECPKG_CRED_INBOUND
	}
	cred, err := sspi.AcquireCredentials("", pkg, use, nil)
	if err != nil {
		return nil, err
	}
	s := &sspiContext{cred: cred, max: info.MaxToken}
	if server {
		s.ctx = sspi.NewServerContext(cred, 0)
	} else {
		s.ctx = sspi.NewClientContext(cred, sspi.ISC_REQ_CONNECTION)
	}
	if target != "" {
		if s.target, err = syscall.UTF16PtrFromString(target); err != nil {
			cred.Release()
			return nil, err
		}
	}
	return s, nil
}

// step gives the token that answers in (nil for the first); done is true when this side has
// finished.
func (s *sspiContext) step(in []byte) (token []byte, done bool, err error) {
	out := make([]byte, s.max)
	var inBuf, outBuf [1]sspi.SecBuffer
	inBuf[0].Set(sspi.SECBUFFER_TOKEN, in)
	outBuf[0].Set(sspi.SECBUFFER_TOKEN, out)
	outDesc := sspi.NewSecBufferDesc(outBuf[:])
	ret := s.ctx.Update(s.target, outDesc, sspi.NewSecBufferDesc(inBuf[:]))
	switch ret {
	case sspi.SEC_E_OK:
		done = true
	case sspi.SEC_I_CONTINUE_NEEDED:
	case sspi.SEC_I_COMPLETE_NEEDED, sspi.SEC_I_COMPLETE_AND_CONTINUE:
		if r := sspi.CompleteAuthToken(s.ctx.Handle, outDesc); r != sspi.SEC_E_OK {
			return nil, false, r
		}
		done = ret == sspi.SEC_I_COMPLETE_NEEDED
	default:
		return nil, false, ret
	}
	return out[:outBuf[0].BufferSize], done, nil
}

func (s *sspiContext) Next(challenge []byte) ([]byte, error) {
	token, _, err := s.step(challenge)
	return token, err
}

func (s *sspiContext) Close() {
	s.ctx.Release()
	s.cred.Release()
}
