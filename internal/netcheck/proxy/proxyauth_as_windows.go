//go:build windows

package proxy

import (
	"syscall"
	"unsafe"

	"github.com/alexbrainman/sspi"
)

// StartAs is Start with the credentials of the proxy URL ("CORP\jdoe" and its password) instead
// of the logged-in user's: what Windows does for a proxy's Negotiate or NTLM when told which
// account to use. The password goes into SSPI only, never on the wire in clear text.
func (sspiAuth) StartAs(scheme, proxyHost, domain, user, password string) (ProxyAuthSession, []byte, error) {
	var target string
	switch scheme {
	case "Negotiate":
		target = "HTTP/" + proxyHost
	case "NTLM":
	default:
		return nil, nil, ErrNoSignIn
	}
	info, err := sspi.QueryPackageInfo(scheme)
	if err != nil {
		return nil, nil, err
	}
	u, err1 := syscall.UTF16FromString(user)
	d, err2 := syscall.UTF16FromString(domain)
	p, err3 := syscall.UTF16FromString(password)
	if err1 != nil || err2 != nil || err3 != nil {
		return nil, nil, ErrNoSignIn // a NUL inside: no account has one
	}
	id := sspi.SEC_WINNT_AUTH_IDENTITY{
		User: &u[0], UserLength: uint32(len(u) - 1),
		Domain: &d[0], DomainLength: uint32(len(d) - 1),
		Password: &p[0], PasswordLength: uint32(len(p) - 1),
		Flags: sspi.SEC_WINNT_AUTH_IDENTITY_UNICODE,
	}
	cred, err := sspi.AcquireCredentials("", scheme, sspi.SECPKG_CRED_OUTBOUND, (*byte)(unsafe.Pointer(&id)))
	clear(p) // the password is in SSPI's hands now
	if err != nil {
		return nil, nil, err
	}
	s := &sspiContext{cred: cred, max: info.MaxToken, ctx: sspi.NewClientContext(cred, sspi.ISC_REQ_CONNECTION)}
	if target != "" {
		if s.target, err = syscall.UTF16PtrFromString(target); err != nil {
			s.Close()
			return nil, nil, err
		}
	}
	token, _, err := s.step(nil)
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, token, nil
}
