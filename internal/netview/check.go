package netview

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netreport"
	"github.com/auvenir/auvenir-onboard/locales"
)

// Check is the live network check: a line per endpoint, with a spinner and what the check is
// doing while it runs, then its result. The check runs in its own goroutine and reports through
// messages, so the screen never waits on the network. The command line shows it alone (Run);
// the wizard shows it on the "Before you begin" screen. The zero Check is not made (Made).
type Check struct {
	// checker is made on first use, in the check's goroutine: loading the root stores reads
	// files, which the UI must not wait for.
	checker func() *netcheck.Checker
	eps     []netcheck.Endpoint
	glyphs  glyphs.Set // marks, separator and spinner frames of the terminal in use

	run     int // numbers the runs: messages of a run that was left or restarted are dropped
	running bool
	cancel  context.CancelFunc
	rows    []row
	spin    spinner.Model
	report  *netcheck.Report

	// Kept up to date event by event, so that a frame costs what it shows, not the length of
	// the list: with a thousand addresses, recounting every row for every event made the live
	// view quadratic.
	addrWidth            int          // the widest address, for the column of results
	active               map[int]bool // rows being checked: past waiting, without a result
	done, failed, queued int
}

type row struct {
	stage  netcheck.Stage
	host   string
	result *netcheck.Result
	// status is the words for stage and host in lang, made once per change of step rather
	// than once per frame (a frame is drawn for every event of every address).
	status      string
	statusStage netcheck.Stage
	statusHost  string
	statusLang  locales.Lang
	statusMade  bool
}

// Styles are the few looks the check needs; the zero value is plain text.
type Styles struct {
	Good, Bad, Muted, Bold lipgloss.Style
}

// EventMsg carries one step of one endpoint.
type EventMsg struct {
	run int
	ev  netcheck.Event
	ch  <-chan netcheck.Event
	end <-chan DoneMsg
}

// DoneMsg ends a run with its report.
type DoneMsg struct {
	Run    int
	report netcheck.Report
}

// New is the check of eps with the checker c makes, drawn with g (the Unicode set when empty).
func New(c func() *netcheck.Checker, eps []netcheck.Endpoint, g glyphs.Set) Check {
	if g.Done == "" {
		g = glyphs.Unicode
	}
	spin := spinner.Spinner{Frames: g.Spinner, FPS: spinner.MiniDot.FPS}
	return Check{checker: sync.OnceValue(c), eps: eps, glyphs: g, spin: spinner.New(spinner.WithSpinner(spin))}
}

// Made reports whether the check was made with New.
func (n Check) Made() bool { return n.checker != nil }

// Checker is the checker the runs use (made on first call).
func (n Check) Checker() *netcheck.Checker { return n.checker() }

// Running reports whether a run is under way.
func (n Check) Running() bool { return n.running }

// Report is the last run's report; nil while none has finished.
func (n Check) Report() *netcheck.Report { return n.report }

// RunID numbers the current run; a DoneMsg with another number is of a run left or restarted.
func (n Check) RunID() int { return n.run }

// Start begins a run (cancelling one under way) and returns the commands that feed it.
func (n *Check) Start(parent context.Context) tea.Cmd {
	n.Stop()
	n.run++
	n.running, n.report = true, nil
	n.reset()
	ctx, cancel := context.WithCancel(parent)
	n.cancel = cancel
	// Progress never blocks the check: the buffer holds more events than a run can send, and
	// an event that would not fit is dropped (the final results come separately).
	ch := make(chan netcheck.Event, len(n.eps)*64)
	end := make(chan DoneMsg, 1)
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
		end <- DoneMsg{Run: run, report: checker.NewReport(res, time.Since(t0))}
	}()
	return tea.Batch(waitNet(run, ch, end), n.spin.Tick)
}

// reset gives every endpoint an empty row, and the counts to match.
func (n *Check) reset() {
	n.rows = make([]row, len(n.eps))
	n.addrWidth = 0
	for i, e := range n.eps {
		n.rows[i] = row{host: e.Host}
		n.addrWidth = max(n.addrWidth, lipgloss.Width(ShortAddr(e)))
	}
	n.active, n.done, n.failed, n.queued = map[int]bool{}, 0, 0, len(n.eps)
}

// Stop cancels the run under way, if any; its late messages are then ignored.
func (n *Check) Stop() {
	if n.cancel != nil {
		n.cancel()
		n.cancel = nil
	}
	if n.running {
		n.running = false
		n.run++
	}
}

func waitNet(run int, ch <-chan netcheck.Event, end <-chan DoneMsg) tea.Cmd {
	return func() tea.Msg {
		if e, ok := <-ch; ok {
			return EventMsg{run: run, ev: e, ch: ch, end: end}
		}
		return <-end
	}
}

// Update handles the check's own messages; handled is false for any other message.
func (n *Check) Update(msg tea.Msg) (cmd tea.Cmd, handled bool) {
	switch msg := msg.(type) {
	case EventMsg:
		next := waitNet(msg.run, msg.ch, msg.end)
		if msg.run != n.run {
			// A left run still drains its channel so its goroutine can finish.
			return next, true
		}
		if i := msg.ev.Index; i >= 0 && i < len(n.rows) {
			n.track(i, msg.ev.Stage, msg.ev.Result)
			n.rows[i].stage, n.rows[i].host = msg.ev.Stage, msg.ev.Host
			if msg.ev.Result != nil {
				n.rows[i].result = msg.ev.Result
			}
		}
		return next, true
	case DoneMsg:
		if msg.Run != n.run {
			return nil, true
		}
		rep := msg.report
		for i := range rep.Endpoints {
			n.track(i, netcheck.StageDone, &rep.Endpoints[i])
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

// Lines is a line per endpoint: mark or spinner, address, then the step or the result (with
// the IP address reached when withIP). An endpoint whose line would be wider than width (0: any
// width) takes two, its step or result under its address, rather than being cut off.
func (n Check) Lines(z *locales.Localizer, st Styles, withIP bool, width int) []string {
	out := make([]string, 0, len(n.rows))
	for i := range n.rows {
		out = append(out, n.line(i, z, st, withIP, width))
	}
	return out
}

// line is row i's line (two when it does not fit width).
func (n Check) line(i int, z *locales.Localizer, st Styles, withIP bool, width int) string {
	w := n.addrWidth
	r := n.rows[i]
	host := ShortAddr(n.eps[i])
	var mark, status string
	if r.result == nil {
		mark = n.spin.View()
		if !n.running {
			mark = " "
		}
		row := &n.rows[i]
		if !row.statusMade || row.statusStage != r.stage || row.statusHost != r.host || row.statusLang != z.Lang() {
			row.status = st.Muted.Render(netreport.StageText(z, r.stage, r.host))
			row.statusStage, row.statusHost, row.statusLang, row.statusMade = r.stage, r.host, z.Lang(), true
		}
		status = row.status
	} else {
		_, label, elapsed, ip, _ := netreport.Row(z, *r.result)
		m := netreport.MarkIn(*r.result, n.glyphs)
		s := st.Good
		// The verdict, not the drawn mark: in the classic console's set a pass is √, never
		// equal to the Unicode ✓, and every reachable address came out in bold red.
		if netreport.Mark(*r.result) != netreport.MarkOK {
			s = st.Bad
		}
		detail := " " + n.glyphs.Sep + " " + elapsed
		if withIP {
			detail += " " + n.glyphs.Sep + " " + ip
		}
		mark, status = s.Render(m), s.Render(label)+st.Muted.Render(detail)
	}
	line := mark + " " + host + strings.Repeat(" ", max(0, w-lipgloss.Width(host))+2) + status
	if width > 0 && lipgloss.Width(line) > width {
		line = mark + " " + host + "\n    " + status
	}
	return line
}

// track updates the counts for row i moving to stage, with its result once it has one.
func (n *Check) track(i int, stage netcheck.Stage, res *netcheck.Result) {
	r := n.rows[i]
	if r.result != nil {
		return // counted already
	}
	if r.stage == netcheck.StageWaiting && stage != netcheck.StageWaiting {
		n.queued--
	}
	switch {
	case res != nil:
		delete(n.active, i)
		n.done++
		if netreport.Mark(*res) == netreport.MarkFail {
			n.failed++
		}
	case stage != netcheck.StageWaiting:
		n.active[i] = true
	}
}

// Window is the live lines within height lines: every row when they fit, otherwise the rows
// being checked (in the list's order) and a line counting what is done, failed and waiting.
// Its cost is that of the lines it returns, whatever the length of the list.
func (n Check) Window(z *locales.Localizer, st Styles, withIP bool, width, height int) []string {
	if len(n.rows) <= height/2 || (len(n.rows) <= height && width == 0) {
		return n.Lines(z, st, withIP, width)
	}
	if len(n.rows) <= height {
		all := n.Lines(z, st, withIP, width)
		used := 0
		for _, l := range all {
			used += 1 + strings.Count(l, "\n")
		}
		if used <= height {
			return all
		}
	}
	idx := make([]int, 0, len(n.active))
	for i := range n.active {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	out := []string{st.Muted.Render(z.T("NetLiveProgress", guide.With(netreport.Data(),
		"Done", n.done, "Total", len(n.rows), "Failed", n.failed, "Waiting", n.queued)))}
	used := 1
	for _, i := range idx {
		l := n.line(i, z, st, withIP, width)
		h := 1 + strings.Count(l, "\n")
		if used+h > height {
			break
		}
		out = append(out, l)
		used += h
	}
	return out
}
