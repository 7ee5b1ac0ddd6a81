//go:build !windows && !darwin

package proxy

// SystemProxySettings is empty here: on Linux and the BSDs, the proxy variables are the
// system's setting (desktop settings apply them to the session's environment).
func SystemProxySettings() (SystemProxy, error) { return SystemProxy{}, nil }
