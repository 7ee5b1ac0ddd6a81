package probe

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net"
	"runtime"
	"strings"
	"syscall"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/diagnose"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// dnsRcode is how a lookup failed, from the error Go's resolver gives: "no such host" is the
// server's NXDOMAIN; "server misbehaving" is SERVFAIL when temporary, REFUSED (or another
// refusal) otherwise (net/dnsclient_unix.go); on Windows GetAddrInfoW's WSATRY_AGAIN (11002)
// and WSANO_RECOVERY (11003) are the same two. noAddr: the name resolved to nothing.
func dnsRcode(ctx context.Context, err error, noAddr bool) string {
	if noAddr {
		return diagnose.DNSRcodeNoAddr
	}
	if isTimeout(ctx, err) {
		return diagnose.DNSRcodeTimeout
	}
	var n syscall.Errno
	if errors.As(err, &n) && runtime.GOOS == "windows" {
		switch n {
		case 11001:
			return diagnose.DNSRcodeNXDomain
		case 11002:
			return diagnose.DNSRcodeServFail
		case 11003:
			return diagnose.DNSRcodeRefused
		}
	}
	var de *net.DNSError
	if !errors.As(err, &de) {
		return ""
	}
	switch {
	case de.IsNotFound:
		return diagnose.DNSRcodeNXDomain
	case de.IsTimeout:
		return diagnose.DNSRcodeTimeout
	case strings.Contains(de.Err, "server misbehaving") && de.IsTemporary:
		return diagnose.DNSRcodeServFail
	case strings.Contains(de.Err, "server misbehaving"):
		return diagnose.DNSRcodeRefused
	}
	return ""
}

// hostsFile is where this system keeps its hosts file. Windows keeps it under its own folder,
// which is C:\Windows on every installation this program supports.
func hostsFile() string {
	if runtime.GOOS == "windows" {
		return `C:\Windows\System32\drivers\etc\hosts`
	}
	return "/etc/hosts"
}

// hostsSource is where the answer ips for host came from: "hosts" when this computer's hosts
// file maps host to one of them (the resolver reads it before asking a DNS server), "dns"
// otherwise.
func (c *Prober) hostsSource(host string, ips []net.IPAddr) string {
	path := c.cfg.HostsFile
	if path == "" {
		path = hostsFile()
	}
	raw, err := endpoints.ReadBounded(path, endpoints.MaxFileBytes)
	if err != nil {
		return "dns"
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		ip := net.ParseIP(f[0])
		if ip == nil {
			continue
		}
		for _, name := range f[1:] {
			if !strings.EqualFold(strings.TrimSuffix(name, "."), host) {
				continue
			}
			for _, a := range ips {
				if a.IP.Equal(ip) {
					return "hosts"
				}
			}
		}
	}
	return "dns"
}
