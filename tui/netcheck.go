package tui

import (
	"context"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netreport"
	"github.com/auvenir/auvenir-onboard/locales"
)

// netCheck is the live network check: a line per endpoint, with a spinner and what the check
// is doing while it runs, then its result. The check runs in its own goroutine and reports
// through messages, so the screen never waits on the network. The command line shows it alone
// (RunNetCheck); the wizard shows it on the "Before you begin" screen.
type netCheck struct {
	// checker is made on first use, in the check's goroutine: loading the root stores reads
	// files, which the UI must not wait for.
	checker func() *netcheck.Checker
	eps     []netcheck.Endpoint
	shown   bool // the wizard shows the check (from c until esc)

	run     int // numbers the runs: messages of a run that was left or restarted are dropped
	running bool
	cancel  context.CancelFunc
	rows    []netRow
	spin    spinner.Model
	g       glyphs.Set // the marks and the spinner's frames
	report  *netcheck.Report
}

type netRow struct {
	stage  netcheck.Stage
	host   string
	result *netcheck.Result
}

// netStyles are the few looks the check needs; the zero value is plain text.
type netStyles struct {
	good, bad, muted, bold lipgloss.Style
}

// netEventMsg carries one step of one endpoint.
type netEventMsg struct {
	run int
	ev  netcheck.Event
	ch  <-chan netcheck.Event
	end <-chan netDoneMsg
}

// netDoneMsg ends a run with its report.
type netDoneMsg struct {
	run    int
	report netcheck.Report
}

func newNetCheck(c func() *netcheck.Checker, eps []netcheck.Endpoint, g glyphs.Set) netCheck {
	spin := spinner.Spinner{Frames: g.Spinner, FPS: spinner.MiniDot.FPS}
	return netCheck{checker: sync.OnceValue(c), eps: eps, spin: spinner.New(spinner.WithSpinner(spin)), g: g}
}

// start begins a run (cancelling one under way) and returns the commands that feed it.
func (n *netCheck) start(parent context.Context) tea.Cmd {
	n.stop()
	n.run++
	n.running, n.report = true, nil
	n.rows = make([]netRow, len(n.eps))
	for i, e := range n.eps {
		n.rows[i] = netRow{host: e.Host}
	}
	ctx, cancel := context.WithCancel(parent)
	n.cancel = cancel
	// Progress never blocks the check: the buffer holds more events than a run can send, and
	// an event that would not fit is dropped (the final results come separately).
	ch := make(chan netcheck.Event, len(n.eps)*64)
	end := make(chan netDoneMsg, 1)
	run, c, eps := n.run, n.checker, n.eps
	go func() {
		checker := c()
		t0 := time.Now()
		res := checker.Run(ctx, eps, func(e netcheck.Event) {
			select {
			case ch <- e:
			default:
			}
		})
		close(ch)
		end <- netDoneMsg{run: run, report: checker.NewReport(res, time.Since(t0))}
	}()
	return tea.Batch(waitNet(run, ch, end), n.spin.Tick)
}

// stop cancels the run under way, if any; its late messages are then ignored.
func (n *netCheck) stop() {
	if n.cancel != nil {
		n.cancel()
		n.cancel = nil
	}
	if n.running {
		n.running = false
		n.run++
	}
}

func waitNet(run int, ch <-chan netcheck.Event, end <-chan netDoneMsg) tea.Cmd {
	return func() tea.Msg {
		if e, ok := <-ch; ok {
			return netEventMsg{run: run, ev: e, ch: ch, end: end}
		}
		return <-end
	}
}

// update handles the check's own messages; handled is false for any other message.
func (n *netCheck) update(msg tea.Msg) (cmd tea.Cmd, handled bool) {
	switch msg := msg.(type) {
	case netEventMsg:
		next := waitNet(msg.run, msg.ch, msg.end)
		if msg.run != n.run {
			// A left run still drains its channel so its goroutine can finish.
			return next, true
		}
		if i := msg.ev.Index; i >= 0 && i < len(n.rows) {
			n.rows[i].stage, n.rows[i].host = msg.ev.Stage, msg.ev.Host
			if msg.ev.Result != nil {
				n.rows[i].result = msg.ev.Result
			}
		}
		return next, true
	case netDoneMsg:
		if msg.run != n.run {
			return nil, true
		}
		rep := msg.report
		for i := range rep.Endpoints {
			n.rows[i].stage, n.rows[i].result = netcheck.StageDone, &rep.Endpoints[i]
		}
		n.report, n.running, n.cancel = &rep, false, nil
		return nil, true
	case spinner.TickMsg:
		if msg.ID != n.spin.ID() {
			return nil, false
		}
		if !n.running {
			return nil, true // the spinner stops with the check
		}
		var c tea.Cmd
		n.spin, c = n.spin.Update(msg)
		return c, true
	}
	return nil, false
}

// lines is a line per endpoint: mark or spinner, address, then the step or the result (with
// the IP address reached when withIP). An endpoint whose line would be wider than width (0: any
// width) takes two, its step or result under its address, rather than being cut off.
func (n netCheck) lines(z *locales.Localizer, st netStyles, withIP bool, width int) []string {
	w := 0
	for _, e := range n.eps {
		w = max(w, lipgloss.Width(shortAddr(e)))
	}
	out := make([]string, 0, len(n.rows))
	for i, r := range n.rows {
		host := shortAddr(n.eps[i])
		var mark, status string
		if r.result == nil {
			mark = n.spin.View()
			if !n.running {
				mark = " "
			}
			status = st.muted.Render(netreport.StageText(z, r.stage, r.host))
		} else {
			_, label, elapsed, ip, _ := netreport.Row(z, *r.result)
			m := n.g.Mark(r.result.Class == netcheck.OK)
			s := st.good
			if r.result.Class != netcheck.OK {
				s = st.bad
			}
			detail := " · " + elapsed
			if withIP {
				detail += " · " + ip
			}
			mark, status = s.Render(m), s.Render(label)+st.muted.Render(detail)
		}
		line := mark + " " + host + strings.Repeat(" ", w-lipgloss.Width(host)+2) + status
		if width > 0 && lipgloss.Width(line) > width {
			line = mark + " " + host + "\n    " + status
		}
		out = append(out, line)
	}
	return out
}

// shortAddr is the address without "https://" and a bare "/": what fits a line.
func shortAddr(e netcheck.Endpoint) string {
	s := strings.TrimPrefix(e.URL, "https://")
	return strings.TrimSuffix(s, "/")
}
