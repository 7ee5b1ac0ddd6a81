package netreport

import (
	"fmt"
	"io"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/locales"
)

// Marks in front of each result: they carry the verdict without colour.
const (
	MarkOK   = "✓"
	MarkWarn = "!"
	MarkFail = "✗"
)

// Styles colour the table in a terminal; the zero value prints plain text.
type Styles struct {
	Good, Warn, Bad, Muted, Bold lipgloss.Style
	// Width wraps the remedies to the terminal's width, indented; 0 leaves lines whole (files,
	// pipes: a remedy stays on one line, for grep).
	Width int
	// Glyphs, when set, replace MarkOK and MarkFail (the classic Windows console's fonts lack them).
	Glyphs glyphs.Set
	// NoHeader leaves the header out: the plain lines of a terminal that cannot redraw printed
	// it already, before the results came.
	NoHeader bool
}

// TerminalStyles are readable on dark and light backgrounds alike (the table is printed after
// the live view, without asking the terminal for its background).
func TerminalStyles() Styles {
	return Styles{
		Good:  lipgloss.NewStyle().Foreground(lipgloss.Green),
		Warn:  lipgloss.NewStyle().Foreground(lipgloss.Yellow),
		Bad:   lipgloss.NewStyle().Foreground(lipgloss.Red).Bold(true),
		Muted: lipgloss.NewStyle().Faint(true),
		Bold:  lipgloss.NewStyle().Bold(true),
	}
}

// Header is the first lines: what is checked, the limit, and the proxy.
func Header(z *locales.Localizer, n int, timeout time.Duration, p netcheck.ProxySetting) []string {
	return append([]string{z.T("NetTitle", guide.With(Data(), "Count", n, "Timeout", Limit(z, timeout)))},
		ProxyLines(z, p)...)
}

// Row is one endpoint's line: mark and label, time, IP, address.
func Row(z *locales.Localizer, r netcheck.Result) (mark, label, elapsed, ip, addr string) {
	mark = Mark(r)
	label = ResultLabel(z, r)
	if r.Class == netcheck.HTTPStatus && r.HTTPStatus != 0 {
		label += " " + fmt.Sprint(lastStatus(r))
	}
	ip = clean(r.IP)
	if ip == "" {
		ip = "—"
	}
	addr = clean(r.URL)
	if rule := wildcard(r); rule != "" {
		addr += "  " + rule
	}
	return mark, label, Duration(z, r.Elapsed), ip, addr
}

// Mark is the sign in front of a result: ✓ ok, ! warn, ✗ fail.
func Mark(r netcheck.Result) string {
	switch severity(r) {
	case netcheck.SeverityOK:
		return MarkOK
	case netcheck.SeverityWarn:
		return MarkWarn
	}
	return MarkFail
}

// MarkIn is Mark drawn with the set g (the classic Windows console's fonts lack ✓ and ✗).
func MarkIn(r netcheck.Result, g glyphs.Set) string {
	switch Mark(r) {
	case MarkOK:
		return g.Done
	case MarkWarn:
		return g.Warn
	}
	return g.Fail
}

// Look is the style of a result's mark and label.
func (st Styles) Look(r netcheck.Result) lipgloss.Style {
	switch severity(r) {
	case netcheck.SeverityOK:
		return st.Good
	case netcheck.SeverityWarn:
		return st.Warn
	}
	return st.Bad
}

// wildcard is the rule to allow, in parentheses, when it is not the address's own host.
func wildcard(r netcheck.Result) string {
	if r.Endpoint.Allow != "" && r.Endpoint.Allow != r.Endpoint.Host {
		return "(" + clean(r.Endpoint.Allow) + ")"
	}
	return ""
}

// RedirectLines are the lines under a row, one per redirect followed.
func RedirectLines(z *locales.Localizer, r netcheck.Result) []string {
	var out []string
	for _, h := range r.Redirects {
		id := "NetRedirect"
		if !h.Listed {
			id = "NetRedirectUnlisted"
		}
		out = append(out, z.T(id, guide.With(Data(), "Host", clean(netcheck.DisplayHost(h.Host)), "Result", Label(z, h.Class))))
	}
	return out
}

// PACFailedLine is the line under a row whose PAC script gave no answer, the address tried
// DIRECT; "" when the script answered.
func PACFailedLine(z *locales.Localizer, r netcheck.Result) string {
	if r.PACFailed == "" {
		return ""
	}
	return z.T("NetPACFailedDirect", guide.With(Data(), "Reason", clean(r.PACFailed)))
}

// WriteTable prints the report: the header, a row per endpoint grouped as in the list, the
// redirects under their row, then a remedy per failure and the verdict.
func WriteTable(w io.Writer, z *locales.Localizer, rep netcheck.Report, p netcheck.ProxySetting, timeout time.Duration, st Styles) {
	var b strings.Builder
	if !st.NoHeader {
		for _, l := range Header(z, len(rep.Endpoints), timeout, p) {
			b.WriteString(paragraph(l, st.Width) + "\n")
		}
		b.WriteString("\n")
	}

	rows := make([][5]string, len(rep.Endpoints))
	widths := [5]int{}
	head := [5]string{"", z.T("NetColResult", Data()), z.T("NetColTime", Data()), z.T("NetColIP", Data()), z.T("NetColAddress", Data())}
	for i := range head {
		widths[i] = lipgloss.Width(head[i])
	}
	for i, r := range rep.Endpoints {
		m, l, e, ip, a := Row(z, r)
		if st.Glyphs.Done != "" {
			m = MarkIn(r, st.Glyphs)
		}
		rows[i] = [5]string{m, l, e, ip, a}
		for j, c := range rows[i] {
			widths[j] = max(widths[j], lipgloss.Width(c))
		}
	}
	line := func(cells [5]string, style func(int, string) string) string {
		var l strings.Builder
		l.WriteString("  ")
		for j, c := range cells {
			if j == len(cells)-1 {
				l.WriteString(style(j, c))
				break
			}
			l.WriteString(style(j, c) + strings.Repeat(" ", widths[j]-lipgloss.Width(c)+1))
		}
		return strings.TrimRight(l.String(), " ")
	}
	tableWidth := 2 + len(widths) - 1
	for _, w := range widths {
		tableWidth += w
	}
	// Narrower than the table (an 80-column terminal and a long Microsoft host with its
	// wildcard): each address on a line of its own, its result under it, rather than rows the
	// terminal would break anywhere.
	stacked := st.Width > 0 && tableWidth > st.Width
	if !stacked {
		b.WriteString(line(head, func(_ int, c string) string { return st.Bold.Render(c) }) + "\n")
	}
	group := "\x00"
	for i, r := range rep.Endpoints {
		if r.Group != group {
			group = r.Group
			b.WriteString(st.Bold.Render(GroupName(z, r.Endpoint)) + "\n")
		}
		look := st.Look(r)
		if stacked {
			m, l, e, ip := rows[i][0], rows[i][1], rows[i][2], rows[i][3]
			first, second := "  "+look.Render(m)+" "+clean(r.URL), "      "+look.Render(l)+" · "+e
			if r.IP != "" {
				second += " · " + ip
			}
			rule := wildcard(r)
			switch {
			case rule == "":
			case lipgloss.Width(first)+2+len(rule) <= st.Width:
				first += "  " + rule
			case lipgloss.Width(second)+3+len(rule) <= st.Width:
				second += " · " + rule
			default:
				second += "\n      " + rule
			}
			b.WriteString(first + "\n" + second + "\n")
		} else {
			b.WriteString(line(rows[i], func(j int, c string) string {
				if j <= 1 {
					return look.Render(c)
				}
				return c
			}) + "\n")
		}
		for _, rl := range RedirectLines(z, r) {
			b.WriteString("      " + st.Muted.Render("↳ "+rl) + "\n")
		}
		if l := PACFailedLine(z, r); l != "" {
			b.WriteString("      " + st.Muted.Render("↳ "+l) + "\n")
		}
	}

	if fixes := RemedyLines(z, rep, timeout); len(fixes) > 0 {
		b.WriteString("\n" + st.Bold.Render(z.T("NetFixHeading", Data())) + "\n")
		for _, f := range fixes {
			b.WriteString(bullet(f, st.Width) + "\n")
		}
	}
	b.WriteString("\n")
	for _, l := range Verdict(z, rep) {
		b.WriteString(paragraph(l, st.Width) + "\n")
	}
	io.WriteString(w, b.String())
}

// paragraph wraps text at word boundaries to width, or leaves it whole when width is 0 (files
// and pipes) or too small to wrap into.
func paragraph(text string, width int) string {
	if width < 30 {
		return text
	}
	lines := strings.Split(ansi.Wrap(text, width, ""), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.Join(lines, "\n")
}

// Remedies are the sentences for every failure and unlisted redirect of rep, in order, each
// said once: a proxy out of reach, or one rule covering several hosts, gives the same sentence
// for many addresses.
func Remedies(z *locales.Localizer, rep netcheck.Report, timeout time.Duration) []string {
	return eachOnce(z, rep,
		func(r netcheck.Result) string { return Remedy(z, r, timeout) },
		func(f string) string { return f })
}

// RemedyLines are Remedies as the table gives them: each failure's sentence after who acts on
// it and with the error Chromium shows, each said once.
func RemedyLines(z *locales.Localizer, rep netcheck.Report, timeout time.Duration) []string {
	return eachOnce(z, rep,
		func(r netcheck.Result) string { return RemedyLine(z, r, timeout) },
		func(f string) string {
			return z.T("NetFixLineNoError", guide.With(Data(), "Owner", OwnerName(z, netcheck.OwnerFirewall), "Fix", f))
		})
}

// eachOnce gives, in order and each once, the sentence of every result and of each of its
// unlisted redirects, as remedy and unlisted word them; empty sentences are left out.
func eachOnce(z *locales.Localizer, rep netcheck.Report, remedy func(netcheck.Result) string, unlisted func(string) string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(f string) {
		if f != "" && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, r := range rep.Endpoints {
		add(remedy(r))
		for _, f := range UnlistedRemedies(z, r) {
			add(unlisted(f))
		}
	}
	return out
}

// Verdict is the closing lines: how many answered, what to allow and exempt, how long it took.
func Verdict(z *locales.Localizer, rep netcheck.Report) []string {
	s := rep.Summary
	d := guide.With(Data(), "OK", s.OK, "Total", s.Total,
		"Elapsed", Duration(z, time.Duration(s.ElapsedMS)*time.Millisecond))
	// Reachable counts the addresses that answered: an optional address that failed only
	// warns, but it is not reachable (issue 19: "Reachable 6 of 29" counted those).
	reached := 0
	for _, r := range rep.Endpoints {
		if netcheck.Reached(r) {
			reached++
		}
	}
	d = guide.With(d, "Pass", reached)
	var out []string
	switch {
	case s.Offline:
		out = append(out, z.T("NetVerdictOffline", d))
	case s.CaptivePortal:
		out = append(out, z.T("NetVerdictPortal", d))
	case s.Severities[netcheck.SeverityFail] > 0:
		out = append(out, z.T("NetVerdictFailed", d))
	case s.Severities[netcheck.SeverityWarn] > 0:
		out = append(out, z.T("NetVerdictWarned", d))
	case len(s.Unlisted) > 0:
		out = append(out, z.T("NetVerdictOKUnlisted", d))
	default:
		out = append(out, z.T("NetVerdictOK", d))
	}
	if len(s.Allow) > 0 {
		out = append(out, z.T("NetVerdictAllow", guide.With(d, "Rules", clean(strings.Join(s.Allow, ", ")))))
	}
	if len(s.ExemptFromInspection) > 0 {
		out = append(out, z.T("NetVerdictExempt", guide.With(d, "Hosts", clean(strings.Join(s.ExemptFromInspection, ", ")))))
	}
	if len(s.DNS) > 0 {
		out = append(out, z.T("NetVerdictDNS", guide.With(d, "Names", clean(strings.Join(s.DNS, ", ")))))
	}
	out = append(out, z.T("NetVerdictElapsed", d))
	return out
}

// bullet is "  • text", wrapped to width with the continuation lines under the text.
func bullet(text string, width int) string {
	if width < 30 {
		return "  • " + text
	}
	lines := strings.Split(ansi.Wrap(text, width-4, ""), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
		if i == 0 {
			lines[i] = "  • " + lines[i]
		} else {
			lines[i] = "    " + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}
