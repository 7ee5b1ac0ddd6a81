//go:build !windows

package proxy

// systemProxyAuth is nil outside Windows: there is no logged-in user's token to answer
// Negotiate or NTLM with (Kerberos tickets on Linux and macOS are left to a later change).
func systemProxyAuth() ProxyAuthenticator { return nil }
