package main

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/charmbracelet/colorprofile"
	"golang.org/x/term"

	"github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netreport"
	"github.com/auvenir/auvenir-onboard/internal/netview"
	"github.com/auvenir/auvenir-onboard/internal/redact"
	"github.com/auvenir/auvenir-onboard/internal/sanitize"
	"github.com/auvenir/auvenir-onboard/internal/sigexit"
	"github.com/auvenir/auvenir-onboard/internal/winconsole"
	"github.com/auvenir/auvenir-onboard/locales"
)

func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil {
			return width
		}
	}
	return 0
}

// runCheckNetwork is --check-network: exit 0 when every endpoint is ok, 1 when any is not,
// 2 for a usage error (a bad file, URL or proxy), 130 when interrupted.
// The live table is for people at a terminal, the plain table for pipes, files and CI logs.
func runCheckNetwork(s *ioStreams, o *options, z *locales.Localizer) int {
	stdout, stderr, stdoutIsTerminal := s.Out, s.ErrOut, s.StdoutTTY
	// Signals are caught from the start: reading the proxy settings may fetch and run a PAC
	// script (bounded by its own limits), and a signal meanwhile still ends with its status.
	caught := sigexit.Catch(context.Background())
	defer caught.Stop()
	nw, code := networkSetup(s, o, z)
	if sig := caught.Signal(); sig != nil {
		fmt.Fprintln(stderr, z.T("NetInterrupted", netreport.Data()))
		return sigexit.Status(sig)
	}
	if code != 0 {
		return code
	}
	eps, proxy, c := nw.list(), nw.proxy, nw.checker()
	var rep netcheck.Report
	noColor := s.Getenv("NO_COLOR") != ""
	// A terminal that cannot redraw (TERM=dumb), a screen reader (ACCESSIBLE) or --plain gets
	// plain lines, only ever appended: the live view's cursor moves and spinner came out there as
	// garbage, and its header twice.
	plainLines := stdoutIsTerminal && !o.json && plainWanted(o, s.Getenv)
	out := &checkedWriter{w: stdout}
	ran := false
	if stdoutIsTerminal && !o.json && !plainLines {
		// The live view catches the signals itself, restoring the terminal before it ends.
		caught.Stop()
		var err error
		rep, err = liveView(context.Background(), c, eps, netview.Options{
			Lang: z.Lang(), Output: stdout, NoColor: noColor, Proxy: proxy, Glyphs: glyphs.ForTerminal(runtime.GOOS, s.Getenv)})
		switch {
		case winconsole.ModeRefused(err):
			// The classic console in legacy mode cannot take the live view's modes (the check
			// has not started): the same check in plain lines works there, its signals caught
			// again.
			plainLines = true
			caught = sigexit.Catch(context.Background())
			defer caught.Stop()
		case err != nil:
			fmt.Fprintln(stderr, z.T("NetInterrupted", netreport.Data()))
			var sig *sigexit.Error
			if errors.As(err, &sig) {
				return sigexit.Status(sig.Signal)
			}
			return 130
		default:
			ran = true
		}
	}
	if !ran {
		var progress func(netcheck.Event)
		if plainLines {
			lines := &netview.Lines{W: out, Z: z, Glyphs: glyphs.ForTerminal(runtime.GOOS, s.Getenv), Eps: eps}
			lines.Header(c.Timeout(), proxy)
			progress = lines.Event
		}
		start := time.Now()
		results := runUntilSignal(caught, func() []netcheck.Result { return c.Run(caught.Context(), eps, progress) })
		if sig := caught.Signal(); sig != nil {
			fmt.Fprintln(stderr, z.T("NetInterrupted", netreport.Data()))
			return sigexit.Status(sig)
		}
		rep = c.NewReport(results, time.Since(start))
	}

	switch {
	case plainLines:
		// The header came before the results.
		out.Write([]byte("\n"))
		netreport.WriteTable(out, z, rep, proxy, c.Timeout(), netreport.Styles{NoHeader: true,
			Glyphs: glyphs.ForTerminal(runtime.GOOS, s.Getenv)})
	case o.json:
		var doc bytes.Buffer
		enc := json.NewEncoder(&doc)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
		out.Write(sanitize.EscapeC1(doc.Bytes()))
	case stdoutIsTerminal && noColor:
		netreport.WriteTable(out, z, rep, proxy, c.Timeout(), netreport.Styles{Width: terminalWidth(stdout),
			Glyphs: glyphs.ForTerminal(runtime.GOOS, s.Getenv)})
	case stdoutIsTerminal:
		// lipgloss reduces the colours to what the terminal supports.
		var b strings.Builder
		st := netreport.TerminalStyles()
		st.Width = terminalWidth(stdout)
		st.Glyphs = glyphs.ForTerminal(runtime.GOOS, s.Getenv)
		netreport.WriteTable(&b, z, rep, proxy, c.Timeout(), st)
		// The profile comes from standard output itself: out, which notes a failed write, is no
		// terminal, and a profile read from it would strip every colour.
		fmt.Fprint(&colorprofile.Writer{Forward: out, Profile: colorprofile.Detect(stdout, s.environ())}, b.String())
	default:
		netreport.WriteTable(out, z, rep, proxy, c.Timeout(), netreport.Styles{})
	}
	code = 0
	if !rep.Summary.Passed(o.strict) {
		code = 1
	}
	// A result nobody received is not a result: the failed write wins over the verdict.
	return s.written(z, out, code)
}

// runUntilSignal runs the check, not waiting for it once a signal comes: a probe or a PAC
// script that does not end at once must not hold back the exit status (130, 143) the
// documentation promises. The results are nil then.
func runUntilSignal(caught *sigexit.Catcher, run func() []netcheck.Result) []netcheck.Result {
	done := make(chan []netcheck.Result, 1)
	go func() { done <- run() }()
	select {
	case r := <-done:
		return r
	case <-caught.Context().Done():
		return nil
	}
}

// network is what the command line says of the network check, shared by --check-network and
// the wizard's key c so that both check the same list, through the same proxy, with the same
// time limit and roots.
type network struct {
	endpoints []netcheck.Endpoint // those given; nil means the built-in list
	proxy     netcheck.ProxySetting
	config    netcheck.Config
	// system, when set, are the options to read the system's proxy settings with, when the
	// wizard's check runs.
	system netcheck.ProxyOptions
}

// list is the addresses to check. The built-in list is parsed only here, when a check runs,
// not on every start of the wizard, which leaves it to the TUI until the person presses c.
func (n network) list() []netcheck.Endpoint {
	if n.endpoints == nil {
		return netcheck.Default()
	}
	return n.endpoints
}

// checker loads the root stores, which takes a few milliseconds: the wizard calls it only
// when the person presses c.
func (n network) checker() *netcheck.Checker {
	if n.system.System != nil {
		n.config.Proxy, _ = netcheck.ChooseProxy(context.Background(), n.system)
	}
	return netcheck.New(n.config)
}

// liveView is netview.Run; a variable so that a test can stand in for a console that refuses
// the live view's modes.
var liveView = netview.Run

// systemProxy reads this computer's proxy settings; a variable so that tests can replace it.
var systemProxy = netcheck.SystemProxySettings

// networkSetup reads --endpoints, the URLs, --ca-file and --proxy. A non-zero code is the exit
// status of a usage error already reported.
func networkSetup(s *ioStreams, o *options, z *locales.Localizer) (network, int) {
	usage := func(id string, kv ...any) (network, int) {
		fmt.Fprintln(s.ErrOut, z.T(id, guide.With(netreport.Data(), kv...)))
		return network{}, 2
	}
	eps, code := endpointsFor(o, z, s.ErrOut)
	if code != 0 {
		return network{}, code
	}
	var roots []*x509.Certificate
	if o.caFile != "" {
		var err error
		roots, err = netcheck.LoadCAFile(o.caFile)
		switch {
		case errors.Is(err, netcheck.ErrNoCertificates):
			return usage("NetErrCANone", "File", o.caFile)
		case errors.Is(err, netcheck.ErrNotRegular):
			return usage("NetErrCAFile", "File", o.caFile, "Detail", z.T("NetProblemNotRegular", netreport.Data()))
		case errors.As(err, new(*netcheck.TooLargeError)):
			return usage("NetErrCAFile", "File", o.caFile, "Detail", z.T("NetProblemTooLarge", fileLimitData(z)))
		case err != nil:
			return usage("NetErrCAFile", "File", o.caFile, "Detail", fileReason(z, err))
		}
	}
	opts := netcheck.ProxyOptions{Flag: o.proxy, PAC: o.pac, Getenv: s.Getenv, Timeout: o.timeout}
	if o.checkNetwork {
		opts.System = systemProxy
	}
	// The wizard reads the system's settings only when the person presses c (reading them may
	// fetch a PAC script); the options given are checked now, at start.
	proxy, err := netcheck.ChooseProxy(context.Background(), opts)
	var pacErr *netcheck.PACError
	if errors.As(err, &pacErr) {
		detail := redact.Text(pacErr.Reason, 2*redact.MaxValue)
		if pacErr.Err != nil && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission)) {
			detail = fileReason(z, pacErr.Err)
		}
		return usage("NetErrPAC", "PAC", netcheck.RedactValue(pacErr.Location), "Detail", detail)
	}
	if err != nil {
		pe := &netcheck.ProxyError{Origin: "--proxy", Value: netcheck.RedactValue(o.proxy)}
		errors.As(err, &pe)
		switch {
		case pe.Origin != "--proxy" && !o.checkNetwork:
			// The wizard still starts: its check says the variable is not used, and goes direct.
			proxy = netcheck.DirectBecause(err)
		case pe.Scheme != "":
			return usage("NetErrProxySOCKS", "Var", pe.Origin, "Value", pe.Value)
		case pe.Origin == "--proxy":
			return usage("NetErrProxy", "Value", pe.Value)
		default:
			return usage("NetErrProxyVar", "Var", pe.Origin, "Value", pe.Value)
		}
	}
	lazySystem := !o.checkNetwork && proxy.Source == netcheck.ProxyNone && !proxy.Disabled && proxy.Unusable == nil
	if lazySystem {
		opts.System = systemProxy
	}
	cfg := netcheck.Config{Timeout: o.timeout, Proxy: proxy, Concurrency: o.parallel,
		ExtraRoots: roots, UserAgent: "auvenir-onboard/" + version + " (network check)"}
	if eps == nil {
		// The built-in list is all on the Internet: Windows' connectivity test joins it, to tell
		// a captive portal. A list of one's own may be private addresses only: not there.
		cfg.Portal = netcheck.DefaultPortalProbe
	}
	nw := network{endpoints: eps, proxy: proxy, config: cfg}
	if lazySystem {
		nw.system = opts
	}
	return nw, 0
}

// endpointsFor is the list given: the URLs, the --endpoints file, both, or nil for the
// built-in list. A non-zero code is the exit status of a usage error already reported.
func endpointsFor(o *options, z *locales.Localizer, stderr io.Writer) ([]netcheck.Endpoint, int) {
	var eps []netcheck.Endpoint
	if o.endpoints != "" {
		fromFile, err := netcheck.LoadFile(o.endpoints)
		if err != nil {
			fmt.Fprintln(stderr, fileErrorText(z, err))
			return nil, 2
		}
		eps = append(eps, fromFile...)
	}
	if len(o.urls) > 0 {
		given, bad, err := netcheck.FromURLs(o.urls)
		if err != nil {
			id, shown := "NetErrURL", netcheck.RedactValue(bad)
			if shown != bad {
				id = "NetErrURLUserInfo" // never echo a password typed into an address
			}
			fmt.Fprintln(stderr, z.T(id, guide.With(netreport.Data(), "Value", shown)))
			return nil, 2
		}
		eps = append(eps, given...)
	}
	return eps, 0
}

var problemIDs = map[netcheck.Problem]string{
	netcheck.ProblemSyntax:     "NetProblemSyntax",
	netcheck.ProblemURL:        "NetProblemURL",
	netcheck.ProblemUserInfo:   "NetProblemUserInfo",
	netcheck.ProblemNoURL:      "NetProblemNoURL",
	netcheck.ProblemAllow:      "NetProblemAllow",
	netcheck.ProblemUnknownKey: "NetProblemUnknownKey",
	netcheck.ProblemEmpty:      "NetProblemEmpty",
	netcheck.ProblemNotRegular: "NetProblemNotRegular",
	netcheck.ProblemTooLarge:   "NetProblemTooLarge",
	netcheck.ProblemTooDeep:    "NetProblemTooDeep",
}

// fileErrorText is the one line that says what is wrong with an --endpoints file, and where.
func fileErrorText(z *locales.Localizer, err error) string {
	var fe *netcheck.FileError
	if !errors.As(err, &fe) {
		return err.Error()
	}
	d := guide.With(fileLimitData(z), "File", fe.File, "Line", fe.Line, "Detail", fe.Detail)
	if fe.Problem == netcheck.ProblemUnreadable {
		if fe.Err != nil {
			d["Detail"] = fileReason(z, fe.Err)
		}
		return z.T("NetErrFileRead", d)
	}
	d["Problem"] = z.T(problemIDs[fe.Problem], d)
	if fe.Line > 0 {
		return z.T("NetErrFileLine", d)
	}
	return z.T("NetErrFile", d)
}

// fileReason is why a file named on the command line cannot be read: in the person's language
// for the two common reasons (the path is wrong, the file is not theirs to read), otherwise the
// system's own words.
func fileReason(z *locales.Localizer, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return z.T("NetProblemNotFound", netreport.Data())
	case errors.Is(err, fs.ErrPermission):
		return z.T("NetProblemDenied", netreport.Data())
	}
	return systemMessage(err)
}

// systemMessage is the system's reason without the path the message already names.
func systemMessage(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// fileLimitData is the template data with the size limit of --endpoints and --ca-file, in the
// unit of the person's language.
func fileLimitData(z *locales.Localizer) map[string]any {
	unit := "MiB"
	if z.Lang() == locales.French {
		unit = "Mio"
	}
	return guide.With(netreport.Data(), "Limit", fmt.Sprintf("%d %s", netcheck.MaxFileBytes>>20, unit))
}
