// Package diagnose turns what the probe observed into a verdict: a class, a cause, a severity,
// and the summary's lists of what to change and where. It does no input or output: the same
// observations give the same verdict on every run.
package diagnose

import (
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
)

// Endpoint is one address checked (package endpoints).
type Endpoint = endpoints.Endpoint

// Class is the outcome of one check. The strings are part of the JSON document: never change them.
type Class string

const (
	OK             Class = "ok"              // an HTTP answer below 500 over a verified connection
	DNS            Class = "dns"             // the name does not resolve
	Refused        Class = "refused"         // the connection was actively refused
	Timeout        Class = "timeout"         // no answer within the time limit
	TLSUntrusted   Class = "tls_untrusted"   // no trusted chain
	TLSIntercepted Class = "tls_intercepted" // trusted here, not by the public roots: TLS inspection
	TLSExpired     Class = "tls_expired"     // the certificate is expired or not yet valid
	TLSHostname    Class = "tls_hostname"    // the certificate is for another name
	HTTPStatus     Class = "http_status"     // the server answered 5xx: reachable, but failing
	Proxy          Class = "proxy"           // the configured proxy failed or refused CONNECT
	ProxyAuth      Class = "proxy_auth"      // the proxy asks to sign in (407) and the sign-in failed
	Error          Class = "error"           // anything else; Detail has the raw message
)

// Classes lists every class, in the order a summary shows them.
var Classes = []Class{OK, DNS, Refused, Timeout, TLSUntrusted, TLSIntercepted, TLSExpired,
	TLSHostname, HTTPStatus, Proxy, ProxyAuth, Error}

// Phase is how far a check got; with the class it decides the remedy (a timeout while
// connecting means dropped packets, a timeout after TLS means a server or filter that stalls).
type Phase string

const (
	PhaseDNS Phase = "dns"
	// PhaseProxyReach is reaching the proxy itself: its address, its port, its own TLS. A
	// failure there is the proxy setting's, the same for every address, not the endpoint's.
	PhaseProxyReach Phase = "proxy_reach"
	PhaseProxy      Phase = "proxy" // the proxy's answer to CONNECT for this endpoint
	PhaseConnect    Phase = "connect"
	PhaseTLS        Phase = "tls"
	PhaseHTTP       Phase = "http"
	PhaseDone       Phase = "done"
)

// PhasePAC is the PAC script choosing the proxy for an endpoint: it failed or ran too long.
const PhasePAC Phase = "pac"

// Result is the outcome for one endpoint. The tagged fields are the JSON document's
// "endpoints" entries; keep them stable.
type Result struct {
	URL        string `json:"url"`
	Group      string `json:"group"`
	Host       string `json:"host"`
	IP         string `json:"ip"` // the address the TCP connection reached (the proxy's, through one)
	Class      Class  `json:"class"`
	Reachable  bool   `json:"reachable"`   // the endpoint's own server gave an HTTP answer
	HTTPStatus int    `json:"http_status"` // status of the endpoint's own answer; 0 without one
	TLSIssuer  string `json:"tls_issuer"`  // issuer of the certificate received, "" without one
	// TLSNotAfter is the certificate's expiry, RFC 3339 in UTC, "" without one.
	TLSNotAfter string `json:"tls_not_after"`
	Redirects   []Hop  `json:"redirects"` // every redirect followed, in order; never null
	Proxy       string `json:"proxy"`     // the proxy used (without credentials), "" for direct
	ElapsedMS   int64  `json:"elapsed_ms"`
	Detail      string `json:"detail"` // the raw technical message, "" when ok
	// Cause names the culprit behind the class when it is known (causes.go); "" otherwise.
	Cause Cause `json:"cause"`
	// Severity is ok, warn or fail (severity.go): what the class and cause mean for sign-in.
	Severity Severity `json:"severity"`
	// Required is false for an address the list marks required = false: failing, it warns.
	Required bool `json:"required"`
	// TLSAlert is the name of the TLS alert the server (or a device in between) sent, as
	// RFC 8446 spells it ("handshake_failure"); "" without one.
	TLSAlert string `json:"tls_alert"`
	// NetError is the error a Chromium browser (Chrome, Edge) shows for the same failure, as
	// net/base/net_error_list.h names it ("ERR_NAME_NOT_RESOLVED"); "" when the browser gets
	// the page (verdict.go).
	NetError string `json:"net_error"`
	// Owner is who acts on the verdict: the firewall, proxy or DNS team, this workstation,
	// support, or nobody (verdict.go).
	Owner Owner `json:"owner"`

	// PACFailed is why the PAC script gave no answer for the address (it threw, ran past its
	// limits, answered nothing usable): the address was then tried DIRECT, as Chromium does.
	// "" when it answered.
	PACFailed string `json:"pac_failed,omitempty"`

	// ProxyAuth are the sign-in schemes the proxy offered (Proxy-Authenticate), for proxy_auth.
	ProxyAuth []string `json:"proxy_auth,omitempty"`
	// ProxyAuthMore is how many more schemes the proxy offered than ProxyAuth keeps (at most 8).
	ProxyAuthMore int `json:"proxy_auth_more,omitempty"`
	// SignInRefused is a proxy_auth whose credentials the proxy refused.
	SignInRefused bool `json:"-"`

	Endpoint Endpoint      `json:"-"`
	Phase    Phase         `json:"-"` // where the check stopped
	Elapsed  time.Duration `json:"-"`
	// FailedHost is the host the class is about: the endpoint's, or a redirect target's.
	FailedHost string `json:"-"`
	FailedPort string `json:"-"`
	// CertNames are the names the certificate is valid for (for tls_hostname).
	CertNames []string `json:"-"`
	// NotAfter is the certificate's expiry (for tls_expired); zero without one.
	NotAfter time.Time `json:"-"`
	// CertSHA256 identifies the certificate received (hex), to tell one portal answering for
	// many names; "" without one.
	CertSHA256 string `json:"-"`
	// CauseURL is the address a cause is about: the AIA URL of an incomplete chain, the portal's
	// page; "" otherwise.
	CauseURL string `json:"-"`
	// DNSAnswer is what the DNS server answered for a dns_filter result ("0.0.0.0, ::").
	DNSAnswer string `json:"-"`
	// DNSAnswered: a dns result whose server answered that the name does not exist.
	DNSAnswered bool `json:"-"`

	// What the probe observed, beside the class of the step that failed; diagnose judges them.

	// ErrKind is how the failed connection or exchange ended, the same on every system
	// (ErrKind* in verdict.go); "" when nothing failed or the error is of no known kind.
	ErrKind string `json:"-"`
	// DNSSource is where the sinkhole answer of DNSAnswer came from: "hosts" (this computer's
	// hosts file) or "dns" (the DNS server).
	DNSSource string `json:"-"`
	// DNSRcode is how the name's lookup failed: DNSRcode* in verdict.go; "" when it resolved.
	DNSRcode string `json:"-"`
	// DNSWait is how long the failed lookup took before the resolver gave up.
	DNSWait time.Duration `json:"-"`
	// ProxyError is the error a proxy named for itself in its answer (Squid's X-Squid-Error,
	// "ERR_CONNECT_FAIL 111"), "" without one.
	ProxyError string `json:"-"`
	// IPv6Only: every address the connection tried was IPv6 (the name had no IPv4 address).
	IPv6Only bool `json:"-"`
	// ProxyOrigin is where the proxy used came from: "flag", "pac", "system", "system_pac", or
	// the environment variable's name; "" without a proxy.
	ProxyOrigin string `json:"-"`
}

// Hop is one redirect that was followed: where it led, and what happened there.
type Hop struct {
	URL        string `json:"url"`
	Host       string `json:"host"`
	Listed     bool   `json:"listed"` // the host is in the list checked (or covered by one of its rules)
	IP         string `json:"ip"`
	Class      Class  `json:"class"`
	HTTPStatus int    `json:"http_status"`
	TLSIssuer  string `json:"tls_issuer"`
	Detail     string `json:"detail"`
}

// Report is the JSON document of --json.
type Report struct {
	Endpoints []Result `json:"endpoints"`
	Summary   Summary  `json:"summary"`
}

// Summary is the run as a whole.
type Summary struct {
	Total   int           `json:"total"`
	OK      int           `json:"ok"`
	Failed  int           `json:"failed"`
	Classes map[Class]int `json:"classes"` // every class, with 0 for those that did not occur
	// Allow lists the firewall rules to add: those of failing endpoints whose traffic is blocked,
	// and redirect targets outside the list. Sorted, without duplicates; never null.
	Allow []string `json:"allow"`
	// ExemptFromInspection lists hosts whose TLS is intercepted or replaced. Never null.
	ExemptFromInspection []string `json:"exempt_from_inspection"`
	// Unlisted are hosts reached by a redirect that the list does not contain. Never null.
	Unlisted []string `json:"unlisted_hosts"`
	// DNS lists the names that do not resolve, or that a DNS filter blocks: fixed in the DNS
	// server or filter, not in the firewall. Sorted; never null.
	DNS []string `json:"dns"`
	// Severities counts the results by severity: every severity, with 0 for those absent.
	Severities map[Severity]int `json:"severity"`
	// Offline: no name resolved and no proxy was used; said once instead of one DNS remedy per
	// address.
	Offline bool `json:"offline"`
	// CaptivePortal: the connectivity probe or one certificate for many names shows a sign-in
	// page (hotel, airport) holding the traffic.
	CaptivePortal bool   `json:"captive_portal"`
	ProxySource   string `json:"proxy_source"` // "flag", "pac", "environment", "system" or "none"
	// Proxy is the proxy configured (without credentials), "" for none; NO_PROXY may still
	// send some addresses direct: each endpoint's "proxy" says what it used.
	Proxy     string `json:"proxy"`
	TimeoutMS int64  `json:"timeout_ms"`
	ElapsedMS int64  `json:"elapsed_ms"`

	// ProxyPAC is the PAC script deciding per address (a file or URL; "WPAD" for Windows'
	// automatic detection), "" for none.
	ProxyPAC string `json:"proxy_pac"`
	// ProxyUnusable is why a proxy setting found (the system's, a variable) could not be used,
	// the check going without it; "" when there was none.
	ProxyUnusable string `json:"proxy_unusable"`
}
