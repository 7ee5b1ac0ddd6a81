package proxy

import (
	"context"
	"net"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// Resolver looks up a host's addresses; *net.Resolver is one. The PAC script's dnsResolve
// uses it, and so does the probe.
type Resolver interface {
	LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
}

// RedactValue is a proxy value as typed, its password replaced (endpoints.RedactValue).
func RedactValue(s string) string { return endpoints.RedactValue(s) }

// SystemAuth answers Negotiate and NTLM with the logged-in user's credentials (SSPI on
// Windows); nil elsewhere.
func SystemAuth() ProxyAuthenticator { return systemProxyAuth() }
