package netcheck

// The names callers use, from the packages that hold them now: netcheck runs a check (Checker,
// Run, Check, NewReport) over the layers below it.

import (
	"github.com/auvenir/auvenir-onboard/internal/netcheck/diagnose"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/probe"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

type (
	Cause              = diagnose.Cause
	Class              = diagnose.Class
	Dialer             = probe.Dialer
	Endpoint           = diagnose.Endpoint
	FileError          = endpoints.FileError
	Hop                = diagnose.Hop
	LoopbackResolver   = probe.LoopbackResolver
	PAC                = proxy.PAC
	PACError           = proxy.PACError
	PACOptions         = proxy.PACOptions
	Phase              = diagnose.Phase
	PortalProbe        = probe.PortalProbe
	Problem            = endpoints.Problem
	ProxyAuthSession   = proxy.ProxyAuthSession
	ProxyAuthenticator = proxy.ProxyAuthenticator
	ProxyError         = proxy.ProxyError
	ProxyOptions       = proxy.ProxyOptions
	ProxySetting       = proxy.ProxySetting
	Report             = diagnose.Report
	Resolver           = proxy.Resolver
	Result             = diagnose.Result
	Severity           = diagnose.Severity
	Stage              = probe.Stage
	Summary            = diagnose.Summary
	SystemProxy        = proxy.SystemProxy
	TooLargeError      = endpoints.TooLargeError
	UnusableProxy      = proxy.UnusableProxy
)

const (
	CauseBlockPage       = diagnose.CauseBlockPage
	CauseCaptivePortal   = diagnose.CauseCaptivePortal
	CauseDNSFilter       = diagnose.CauseDNSFilter
	CauseIPv6Broken      = diagnose.CauseIPv6Broken
	CauseIncompleteChain = diagnose.CauseIncompleteChain
	CauseOffline         = diagnose.CauseOffline
	CauseOversizedAnswer = diagnose.CauseOversizedAnswer
	CauseTLSAlert        = diagnose.CauseTLSAlert
	CauseTLSStall        = diagnose.CauseTLSStall
	DNS                  = diagnose.DNS
	Error                = diagnose.Error
	GroupCommandLine     = endpoints.GroupCommandLine
	HTTPStatus           = diagnose.HTTPStatus
	MaxFileBytes         = endpoints.MaxFileBytes
	MaxHeaderBytes       = probe.MaxHeaderBytes
	MaxPACSize           = proxy.MaxPACSize
	OK                   = diagnose.OK
	PhaseConnect         = diagnose.PhaseConnect
	PhaseDNS             = diagnose.PhaseDNS
	PhaseDone            = diagnose.PhaseDone
	PhaseHTTP            = diagnose.PhaseHTTP
	PhasePAC             = diagnose.PhasePAC
	PhaseProxy           = diagnose.PhaseProxy
	PhaseProxyReach      = diagnose.PhaseProxyReach
	PhaseTLS             = diagnose.PhaseTLS
	ProblemAllow         = endpoints.ProblemAllow
	ProblemEmpty         = endpoints.ProblemEmpty
	ProblemNoURL         = endpoints.ProblemNoURL
	ProblemNotRegular    = endpoints.ProblemNotRegular
	ProblemSyntax        = endpoints.ProblemSyntax
	ProblemTooDeep       = endpoints.ProblemTooDeep
	ProblemTooLarge      = endpoints.ProblemTooLarge
	ProblemURL           = endpoints.ProblemURL
	ProblemUnknownKey    = endpoints.ProblemUnknownKey
	ProblemUnreadable    = endpoints.ProblemUnreadable
	Proxy                = diagnose.Proxy
	ProxyAuth            = diagnose.ProxyAuth
	ProxyFromEnvironment = proxy.ProxyFromEnvironment
	ProxyFromFlag        = proxy.ProxyFromFlag
	ProxyFromPAC         = proxy.ProxyFromPAC
	ProxyFromSystem      = proxy.ProxyFromSystem
	ProxyNone            = proxy.ProxyNone
	Refused              = diagnose.Refused
	SeverityFail         = diagnose.SeverityFail
	SeverityOK           = diagnose.SeverityOK
	SeverityWarn         = diagnose.SeverityWarn
	StageConnecting      = probe.StageConnecting
	StageDone            = probe.StageDone
	StageHTTP            = probe.StageHTTP
	StageProxy           = probe.StageProxy
	StageRedirect        = probe.StageRedirect
	StageResolving       = probe.StageResolving
	StageTLS             = probe.StageTLS
	StageWaiting         = probe.StageWaiting
	TLSExpired           = diagnose.TLSExpired
	TLSHostname          = diagnose.TLSHostname
	TLSIntercepted       = diagnose.TLSIntercepted
	TLSUntrusted         = diagnose.TLSUntrusted
	Timeout              = diagnose.Timeout
)

var (
	AuthSchemes         = proxy.AuthSchemes
	Bypassed            = proxy.Bypassed
	Causes              = diagnose.Causes
	ChooseProxy         = proxy.ChooseProxy
	Classes             = diagnose.Classes
	Covers              = endpoints.Covers
	Default             = endpoints.Default
	DefaultPortalProbe  = probe.DefaultPortalProbe
	DirectBecause       = proxy.DirectBecause
	DisplayHost         = endpoints.DisplayHost
	ErrBadProxy         = proxy.ErrBadProxy
	ErrNoAutoConfig     = proxy.ErrNoAutoConfig
	ErrNoCertificates   = probe.ErrNoCertificates
	ErrNoSignIn         = proxy.ErrNoSignIn
	ErrNotRegular       = endpoints.ErrNotRegular
	ErrPACResult        = proxy.ErrPACResult
	FromURLs            = endpoints.FromURLs
	LoadCAFile          = probe.LoadCAFile
	LoadFile            = endpoints.LoadFile
	NewPAC              = proxy.NewPAC
	PACSetting          = proxy.PACSetting
	Parse               = endpoints.Parse
	ParsePACResult      = proxy.ParsePACResult
	ParseScutil         = proxy.ParseScutil
	ParseWinProxyList   = proxy.ParseWinProxyList
	ProxyFromSettings   = proxy.ProxyFromSettings
	PublicRoots         = probe.PublicRoots
	ReadPAC             = proxy.ReadPAC
	Redact              = proxy.Redact
	RedactValue         = endpoints.RedactValue
	SeverityOf          = diagnose.SeverityOf
	SplitBypass         = proxy.SplitBypass
	SystemProxySettings = proxy.SystemProxySettings
	WinProxyChoices     = proxy.WinProxyChoices
)

// The verdict's words (diagnose/verdict.go).
type Owner = diagnose.Owner

const (
	CauseHostUnreachable  = diagnose.CauseHostUnreachable
	CauseNoRoute          = diagnose.CauseNoRoute
	CauseLocalFirewall    = diagnose.CauseLocalFirewall
	CauseBlockServer      = diagnose.CauseBlockServer
	CauseDNSUnanswered    = diagnose.CauseDNSUnanswered
	CauseDNSServerFailure = diagnose.CauseDNSServerFailure
	CauseProxyRefusal     = diagnose.CauseProxyRefusal
	CauseHostsFile        = diagnose.CauseHostsFile

	OwnerNobody      = diagnose.OwnerNobody
	OwnerFirewall    = diagnose.OwnerFirewall
	OwnerProxy       = diagnose.OwnerProxy
	OwnerDNS         = diagnose.OwnerDNS
	OwnerWorkstation = diagnose.OwnerWorkstation
	OwnerSupport     = diagnose.OwnerSupport

	ErrKindRefused         = diagnose.ErrKindRefused
	ErrKindReset           = diagnose.ErrKindReset
	ErrKindClosed          = diagnose.ErrKindClosed
	ErrKindTimeout         = diagnose.ErrKindTimeout
	ErrKindHostUnreachable = diagnose.ErrKindHostUnreachable
	ErrKindNetUnreachable  = diagnose.ErrKindNetUnreachable
	ErrKindBlockedHere     = diagnose.ErrKindBlockedHere

	ProblemUserInfo = endpoints.ProblemUserInfo
)

var (
	Owners   = diagnose.Owners
	OwnerOf  = diagnose.OwnerOf
	NetError = diagnose.NetError
	Reached  = diagnose.Reached
)
