package probe

import (
	"net"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/diagnose"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

// LoopbackResolver is a Resolver whose loopback answers are real servers, not a DNS filter's
// sinkhole: the test servers of package netchecktest run on 127.0.0.1 and ::1.
type LoopbackResolver interface {
	proxy.Resolver
	LoopbackIsReal() bool
}

// sinkholed is diagnose.Sinkholed, unless the resolver says its loopback answers are real.
func (c *Prober) sinkholed(host string, ips []net.IPAddr) string {
	if lr, ok := c.cfg.Resolver.(LoopbackResolver); ok && lr.LoopbackIsReal() {
		return ""
	}
	return diagnose.Sinkholed(host, ips)
}
