package probe

import (
	"net/url"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/diagnose"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// The vocabulary the probe records its observations in is diagnose's (classes, phases,
// causes); these short names keep the probing code readable.
type (
	Class  = diagnose.Class
	Phase  = diagnose.Phase
	Cause  = diagnose.Cause
	Result = diagnose.Result
	Hop    = diagnose.Hop

	Endpoint = endpoints.Endpoint
)

const (
	OK             = diagnose.OK
	DNS            = diagnose.DNS
	Refused        = diagnose.Refused
	Timeout        = diagnose.Timeout
	TLSUntrusted   = diagnose.TLSUntrusted
	TLSIntercepted = diagnose.TLSIntercepted
	TLSExpired     = diagnose.TLSExpired
	TLSHostname    = diagnose.TLSHostname
	HTTPStatus     = diagnose.HTTPStatus
	Proxy          = diagnose.Proxy
	ProxyAuth      = diagnose.ProxyAuth
	Error          = diagnose.Error

	PhaseDNS        = diagnose.PhaseDNS
	PhaseProxyReach = diagnose.PhaseProxyReach
	PhaseProxy      = diagnose.PhaseProxy
	PhaseConnect    = diagnose.PhaseConnect
	PhaseTLS        = diagnose.PhaseTLS
	PhaseHTTP       = diagnose.PhaseHTTP
	PhaseDone       = diagnose.PhaseDone
	PhasePAC        = diagnose.PhasePAC

	CauseDNSFilter       = diagnose.CauseDNSFilter
	CauseCaptivePortal   = diagnose.CauseCaptivePortal
	CauseIncompleteChain = diagnose.CauseIncompleteChain
	CauseTLSStall        = diagnose.CauseTLSStall
	CauseTLSAlert        = diagnose.CauseTLSAlert
	CauseIPv6Broken      = diagnose.CauseIPv6Broken
	CauseBlockPage       = diagnose.CauseBlockPage
	CauseOversizedAnswer = diagnose.CauseOversizedAnswer
)

func lower(s string) string                      { return endpoints.Lower(s) }
func portOf(u *url.URL) string                   { return endpoints.PortOf(u) }
func asciiHost(h string) (string, error)         { return endpoints.ASCIIHost(h) }
func withASCIIHost(u *url.URL) (*url.URL, error) { return endpoints.WithASCIIHost(u) }

// DisplayURL is u as a person reads it (endpoints.DisplayURL).
func DisplayURL(u *url.URL) string { return endpoints.DisplayURL(u) }

// Covers reports whether rule covers host (endpoints.Covers).
func Covers(rule, host string) bool { return endpoints.Covers(rule, host) }
