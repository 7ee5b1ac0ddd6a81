// Package endpoints is the list of addresses the network check tries: the built-in list
// (assets/endpoints.toml), a list file, or addresses from the command line, with their firewall
// rules; and the bounded file reading and host-name forms (IDN, redaction) the other layers share.
package endpoints

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/auvenir/auvenir-onboard/assets"
)

// Endpoint is one address to check.
type Endpoint struct {
	URL       string // absolute http(s) URL, as checked
	Host      string // lower-case host name or IP, without port
	Port      string // "443" unless the URL says otherwise
	Group     string // stable group id, written in the JSON "group" field
	GroupName string // the file's name for the group, for groups the program cannot translate
	// Allow is the firewall rule IT should add: the host, or a published wildcard covering it.
	Allow string
	// Optional is "required = false" in the list: a failure warns instead of failing the run.
	Optional bool
}

// HostPort is "host:port", what a firewall rule names.
func (e Endpoint) HostPort() string { return net.JoinHostPort(e.Host, e.Port) }

// GroupCommandLine is the group of addresses given as arguments of --check-network.
const GroupCommandLine = "command-line"

// Problem says what is wrong in an endpoint list; the command line words it in the person's
// language.
type Problem int

const (
	ProblemSyntax     Problem = iota // not valid TOML; Detail has the parser's message
	ProblemURL                       // an address that is not an absolute http(s) URL
	ProblemNoURL                     // an endpoint without url
	ProblemAllow                     // an allow rule that is not a host or *.domain
	ProblemUnknownKey                // a key the format does not have (often a typo); Detail names it
	ProblemEmpty                     // no endpoint at all
	ProblemUnreadable                // the file cannot be read; Detail has the system's message
)

// ProblemUserInfo: an address holding a user name or password (often a proxy's URL put in the
// list): said as such, not as an address that is not https. Numbered apart, as the file's
// size problems are.
const ProblemUserInfo Problem = 200

// FileError is a problem in an endpoint list, with the line it is on (0 when it has none).
type FileError struct {
	File    string
	Line    int
	Problem Problem
	Detail  string
	Err     error // ProblemUnreadable's cause, so that a missing file can be said in the person's language
}

func (e *FileError) Unwrap() error { return e.Err }

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Detail)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Detail)
}

// Default is the embedded list: Auvenir's addresses, then Microsoft's sign-in and MFA hosts.
func Default() []Endpoint {
	eps, err := Parse(assets.EndpointsTOML, "endpoints.toml")
	if err != nil {
		// Embedded at build time and parsed by a test: a broken file cannot ship.
		panic(err)
	}
	return eps
}

// LoadFile reads a list in the format of the embedded one.
func LoadFile(path string) ([]Endpoint, error) {
	raw, err := ReadBounded(path, MaxFileBytes)
	if err != nil {
		return nil, readFileError(path, err)
	}
	return Parse(raw, path)
}

type fileFormat struct {
	Group []struct {
		ID       string         `toml:"id"`
		Name     string         `toml:"name"`
		Source   string         `toml:"source"`
		Endpoint []fileEndpoint `toml:"endpoint"`
	} `toml:"group"`
}

// fileEndpoint checks one [[group.endpoint]] table as it is decoded, so that a problem is
// reported with the line of that table: the TOML decoder adds the position to errors returned
// by UnmarshalTOML.
type fileEndpoint struct {
	url, allow string
	optional   bool
}

type endpointError struct {
	problem Problem
	detail  string
}

// Error carries the problem as a "[N] " prefix: the TOML decoder keeps only the message of
// errors returned by UnmarshalTOML, and fileError reads the problem back from it.
func (e *endpointError) Error() string { return fmt.Sprintf("[%d] %s", e.problem, e.detail) }

func (f *fileEndpoint) UnmarshalTOML(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return &endpointError{ProblemNoURL, "an endpoint must be a table with a url"}
	}
	for k, val := range m {
		switch k {
		case "url", "allow", "note":
			if _, ok := val.(string); !ok {
				return &endpointError{ProblemSyntax, k + " must be a string"}
			}
		case "required":
			if _, ok := val.(bool); !ok {
				return &endpointError{ProblemSyntax, k + " must be true or false"}
			}
		default:
			return &endpointError{ProblemUnknownKey, k}
		}
	}
	f.url, _ = m["url"].(string)
	f.allow, _ = m["allow"].(string)
	if f.allow != "" {
		f.allow = asciiRule(f.allow)
	}
	if req, ok := m["required"].(bool); ok {
		f.optional = !req
	}
	if strings.TrimSpace(f.url) == "" {
		return &endpointError{ProblemNoURL, "endpoint without url"}
	}
	if _, err := ParseURL(f.url); err != nil {
		if hasUserInfo(f.url) {
			return &endpointError{ProblemUserInfo, RedactValue(f.url)}
		}
		return &endpointError{ProblemURL, RedactValue(f.url)} // a password in it is never echoed
	}
	if f.allow != "" && !validRule(f.allow) {
		return &endpointError{ProblemAllow, f.allow}
	}
	return nil
}

// Parse reads an endpoint list. name is the file name used in errors.
func Parse(raw []byte, name string) ([]Endpoint, error) {
	if line, detail := checkShape(raw); line > 0 {
		return nil, &FileError{File: name, Line: line, Problem: ProblemTooDeep, Detail: detail}
	}
	var f fileFormat
	md, err := toml.Decode(string(raw), &f)
	if err != nil {
		return nil, fileError(name, err)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		key := keys[0][len(keys[0])-1]
		return nil, &FileError{File: name, Line: lineOfKey(raw, key), Problem: ProblemUnknownKey, Detail: key}
	}
	var out []Endpoint
	for _, g := range f.Group {
		id := strings.TrimSpace(g.ID)
		if id == "" {
			id = strings.ToLower(strings.TrimSpace(g.Name))
		}
		for _, fe := range g.Endpoint {
			ep, _ := newEndpoint(fe.url)
			ep.Group, ep.GroupName = id, strings.TrimSpace(g.Name)
			ep.Optional = fe.optional
			if fe.allow != "" {
				ep.Allow = strings.ToLower(strings.TrimSpace(fe.allow))
			}
			out = append(out, ep)
		}
	}
	if len(out) == 0 {
		return nil, &FileError{File: name, Problem: ProblemEmpty, Detail: "no [[group.endpoint]] in the file"}
	}
	return out, nil
}

// fileError turns a decoder error into a FileError with its line.
func fileError(name string, err error) *FileError {
	fe := &FileError{File: name, Problem: ProblemSyntax, Detail: err.Error()}
	var pe toml.ParseError
	var ppe *toml.ParseError
	switch {
	case errors.As(err, &pe):
	case errors.As(err, &ppe):
		pe = *ppe
	default:
		// Type mismatches ("name = 5") come as plain errors that start with "toml: line N".
		var line int
		if _, scanErr := fmt.Sscanf(err.Error(), "toml: line %d", &line); scanErr == nil {
			fe.Line = line
		}
		return fe
	}
	fe.Line = pe.Position.Line
	fe.Detail = pe.Message
	var p int
	if _, scanErr := fmt.Sscanf(pe.Message, "[%d] ", &p); scanErr == nil {
		fe.Problem = Problem(p)
		_, fe.Detail, _ = strings.Cut(pe.Message, "] ")
	}
	return fe
}

// lineOfKey finds the first line that assigns key, for keys the decoder reports without a line.
func lineOfKey(raw []byte, key string) int {
	re := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
	for i, l := range strings.Split(string(raw), "\n") {
		if re.MatchString(l) {
			return i + 1
		}
	}
	return 0
}

// FromURLs makes endpoints of the addresses given on the command line. The first one that is not
// a usable URL is returned with an error.
func FromURLs(args []string) ([]Endpoint, string, error) {
	out := make([]Endpoint, 0, len(args))
	for _, a := range args {
		ep, err := newEndpoint(a)
		if err != nil {
			return nil, a, err
		}
		ep.Group = GroupCommandLine
		out = append(out, ep)
	}
	return out, "", nil
}

func newEndpoint(raw string) (Endpoint, error) {
	u, err := ParseURL(raw)
	if err != nil {
		return Endpoint{}, err
	}
	host := strings.ToLower(u.Hostname())
	return Endpoint{URL: DisplayURL(u), Host: host, Port: portOf(u), Allow: host}, nil
}

// ErrNotURL is returned for an address that is not an absolute http(s) URL with a host, nor a
// tcp://host:port address.
var ErrNotURL = errors.New("not an http or https URL with a host")

// ParseURL accepts "https://host[:port][/path]", "http://...", a bare "host[:port][/path]",
// which means https, and "tcp://host:port", a connect-only probe (no TLS, no request).
func ParseURL(raw string) (*url.URL, error) {
	s := strings.TrimSpace(raw)
	if s == "" || strings.ContainsAny(s, " \t\r\n") {
		return nil, ErrNotURL
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http" && u.Scheme != "tcp") || u.Hostname() == "" || u.User != nil {
		return nil, ErrNotURL
	}
	if u.Scheme == "tcp" && (u.Port() == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "") {
		return nil, ErrNotURL
	}
	if u, err = withASCIIHost(u); err != nil {
		return nil, ErrNotURL
	}
	if p := u.Port(); p != "" {
		var n int
		if _, err := fmt.Sscanf(p, "%d", &n); err != nil || n < 1 || n > 65535 {
			return nil, ErrNotURL
		}
	}
	u.Fragment = ""
	switch {
	case u.Scheme == "tcp":
		u.Path = ""
	case u.Path == "":
		u.Path = "/"
	}
	return u, nil
}

func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if u.Scheme == "http" {
		return "80"
	}
	return "443"
}

var ruleRE = regexp.MustCompile(`^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?$`)

// validRule accepts a host name, an IP address or "*.domain".
func validRule(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return net.ParseIP(s) != nil || ruleRE.MatchString(s)
}

// Covers reports whether a firewall rule (a host or "*.domain") lets host through.
func Covers(rule, host string) bool {
	rule, host = strings.ToLower(rule), strings.ToLower(strings.TrimSuffix(host, "."))
	if d, ok := strings.CutPrefix(rule, "*."); ok {
		return strings.HasSuffix(host, "."+d)
	}
	return rule == host
}

// hasUserInfo reports whether an address holds a user name or password: an "@" in its
// authority, even where the URL does not parse (a password with an unencoded "#" or "/").
func hasUserInfo(s string) bool {
	_, rest, ok := strings.Cut(strings.TrimSpace(s), "://")
	if !ok {
		return false
	}
	return strings.LastIndexByte(rest, '@') > 0 && !strings.ContainsAny(rest[:strings.LastIndexByte(rest, '@')], "?")
}
