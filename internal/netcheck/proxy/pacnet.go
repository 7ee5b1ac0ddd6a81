package proxy

import (
	"net"

	"github.com/auvenir/auvenir-onboard/internal/pacrun"
)

// shExpMatch is PAC's shell-style match, which Windows' and macOS's bypass lists use too.
func shExpMatch(s, pattern string) bool { return pacrun.ShExpMatch(s, pattern) }

// outboundIPs are the addresses of the interface that routes to the Internet, found by
// "connecting" a UDP socket, which sends nothing; loopback when there is no route.
func outboundIPs() []net.IP {
	var out []net.IP
	for _, target := range []string{"192.0.2.1:80", "[2001:db8::1]:80"} { // documentation addresses
		c, err := net.Dial("udp", target)
		if err != nil {
			continue
		}
		if a, ok := c.LocalAddr().(*net.UDPAddr); ok {
			out = append(out, a.IP)
		}
		c.Close()
	}
	if len(out) == 0 {
		out = []net.IP{net.IPv4(127, 0, 0, 1)}
	}
	return out
}
