package netview

import (
	"context"
	"errors"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netreport"
	"github.com/auvenir/auvenir-onboard/internal/sigexit"
	"github.com/auvenir/auvenir-onboard/internal/termguard"
	"github.com/auvenir/auvenir-onboard/locales"
)

// ErrInterrupted reports that the person stopped the check (ctrl+c).
var ErrInterrupted = errors.New("network check interrupted")

// ErrPanic reports that the live view stopped on an internal error; the terminal is restored.
var ErrPanic = errors.New("internal error")

// program shows the live lines of --check-network in a terminal, without taking over
// the screen, and quits when every endpoint has a result. Its last frame is empty: the command
// line then prints the full table into the scrollback, where it stays.
type program struct {
	ctx         context.Context
	z           *locales.Localizer
	st          Styles
	head        []string
	check       Check
	done        bool
	interrupted bool
	width       int // the terminal's; 0 until it is known
	height      int // likewise
	// The header wrapped to the width, made again only when the width changes.
	headText             string
	headLines, headWidth int
	headMade             bool
}

// netInterruptMsg is ctrl+c (SIGINT, as the program reads no keys). Bubble Tea would end at
// once on its own InterruptMsg, leaving the spinners of the last frame and the terminal's
// echoed ^C on screen; as a message of ours it ends through a last, empty frame instead, which
// erases them, and the command line says the check was interrupted on a clean line.
type netInterruptMsg struct{}

func interruptFilter(_ tea.Model, msg tea.Msg) tea.Msg {
	if _, ok := msg.(tea.InterruptMsg); ok {
		return netInterruptMsg{}
	}
	return msg
}

func (p *program) Init() tea.Cmd { return p.check.Start(p.ctx) }

func (p *program) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(netInterruptMsg); ok {
		p.check.Stop()
		p.done, p.interrupted = true, true
		return p, tea.Quit
	}
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		p.width, p.height = ws.Width, ws.Height
	}
	cmd, _ := p.check.Update(msg)
	if p.check.report != nil {
		p.done = true
		return p, tea.Quit
	}
	return p, cmd
}

func (p *program) View() tea.View {
	if p.done {
		return tea.NewView("")
	}
	if !p.headMade || p.headWidth != p.width {
		var h strings.Builder
		p.headLines = 1 // the blank line under the header
		for _, l := range p.head {
			if p.width > 0 {
				l = lipgloss.NewStyle().Width(p.width).Render(l)
			}
			h.WriteString(l + "\n")
			p.headLines += lipgloss.Height(l)
		}
		h.WriteString("\n")
		p.headText, p.headWidth, p.headMade = h.String(), p.width, true
	}
	var b strings.Builder
	b.WriteString(p.headText)
	used := p.headLines
	// A frame taller than the terminal scrolls it on every redraw: past the screen's height,
	// the live lines are a window (the addresses being checked and a count of the rest); the
	// whole table follows at the end.
	height := p.height
	if height <= 0 {
		height = 24
	}
	for _, l := range p.check.Window(p.z, p.st, true, max(0, p.width-2), max(3, height-used-1)) {
		b.WriteString("  " + strings.ReplaceAll(l, "\n", "\n  ") + "\n")
	}
	return tea.NewView(b.String())
}

// Options are what Run needs besides the checker.
type Options struct {
	Lang    locales.Lang
	Output  io.Writer // a terminal
	NoColor bool
	Proxy   netcheck.ProxySetting
	// Width and Height stand in for the terminal's size when Output is not one (tests).
	Width, Height int
	// Glyphs are the marks and spinner of the terminal in use (the command line chose them);
	// the zero value is the Unicode set.
	Glyphs glyphs.Set
}

// Run runs the check with a live line per endpoint on o.Output and returns the report.
// It reads no input, so it works with stdin redirected; ctrl+c stops it through SIGINT and
// returns ErrInterrupted.
func Run(ctx context.Context, c *netcheck.Checker, eps []netcheck.Endpoint, o Options) (netcheck.Report, error) {
	z := locales.New(o.Lang)
	p := &program{ctx: ctx, z: z, check: New(func() *netcheck.Checker { return c }, eps, o.Glyphs),
		head: netreport.Header(z, len(eps), c.Timeout(), o.Proxy)}
	opts := []tea.ProgramOption{tea.WithInput(nil), tea.WithOutput(o.Output), tea.WithContext(ctx),
		tea.WithFilter(interruptFilter)}
	if o.Width > 0 && o.Height > 0 {
		opts = append(opts, tea.WithWindowSize(o.Width, o.Height))
	}
	if o.NoColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	} else {
		ts := netreport.TerminalStyles()
		p.st = Styles{Good: ts.Good, Bad: ts.Bad, Muted: ts.Muted, Bold: ts.Bold}
	}
	_, panicked, err := termguard.Run(p, opts...)
	p.check.Stop()
	var sig *sigexit.Error
	switch {
	case panicked:
		return netcheck.Report{}, ErrPanic
	case errors.As(err, &sig):
		return netcheck.Report{}, err
	case p.interrupted:
		return netcheck.Report{}, ErrInterrupted
	case p.check.report != nil:
		return *p.check.report, nil
	case errors.Is(err, tea.ErrProgramPanic):
		return netcheck.Report{}, ErrPanic
	case err == nil, errors.Is(err, tea.ErrInterrupted), errors.Is(err, tea.ErrProgramKilled):
		return netcheck.Report{}, ErrInterrupted
	}
	return netcheck.Report{}, err
}
