package tui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netreport"
	"github.com/auvenir/auvenir-onboard/internal/netview"
)

// The network check on "Before you begin": c runs the check --check-network runs, in the
// background, with a live line per address; then the verdict, a remedy per failure and a
// reminder that IT can run it themselves. esc leaves it.

// netScreen is the check's part of "Before you begin": the offer, then the lines and the
// verdict. Its messages reach it on any screen, so a check left running finishes cleanly.
type netScreen struct {
	netview.Check
	cfg   Config
	shown bool // the check is on screen (from c until esc)
}

// netMoved: the check finished; the root scrolls its verdict into view.
type netMoved struct{}

func newNetScreen(cfg Config) netScreen { return netScreen{cfg: cfg} }

func (netScreen) mode(*common) mode { return mode{globals: gAll} }

// keys: c runs the check, esc leaves it once shown.
func (s netScreen) keys(c *common) []key.Binding {
	leave := c.km.net.Leave
	leave.SetEnabled(s.shown)
	return []key.Binding{c.km.net.Check, leave}
}

func (s netScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	if press, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(press, c.km.net.Check):
			if !s.Made() {
				s.Check = netview.New(s.newNetChecker, s.netEndpoints(), glyphs)
			}
			s.shown = true
			cmd := s.Start(context.Background())
			return s, netMoved{}, cmd // the lines are under the screen's text: bring them into view
		case key.Matches(press, c.km.net.Leave) && s.shown:
			s.Stop()
			s.shown = false
			return s, redraw{}, nil
		}
		return s, unchanged{}, nil
	}
	wasRunning := s.Running()
	cmd, ok := s.Check.Update(msg)
	switch {
	case !ok:
		return s, unchanged{}, nil
	case wasRunning && !s.Running():
		return s, netMoved{}, cmd // the verdict
	case !s.shown:
		return s, unchanged{}, cmd
	}
	return s, redraw{}, cmd
}

// scrollToNet puts the check's first line (its verdict, once done) at the top of the text, when
// the check is on screen. refresh lays the widget out two lines under the screen's blocks.
func (m *Model) scrollToNet() {
	if m.front() != idNone || m.widgetScreen() != idNet || !m.net.shown {
		return
	}
	m.vp.SetYOffset(lipgloss.Height(m.cachedBlocks(m.screen(), m.mainWidth())) + 1)
	m.compose()
}

func (s netScreen) newNetChecker() *netcheck.Checker {
	if s.cfg.NetChecker != nil {
		return s.cfg.NetChecker()
	}
	// The command line always gives its checker (its proxy decided from the options and the
	// environment); without one, direct connections.
	return netcheck.New(netcheck.Config{Proxy: netcheck.ProxySetting{Source: netcheck.ProxyNone}})
}

func (s netScreen) netEndpoints() []netcheck.Endpoint {
	if s.cfg.NetEndpoints != nil {
		return s.cfg.NetEndpoints
	}
	return netcheck.Default()
}

// view is the offer, or the lines and the verdict.
func (s netScreen) view(c *common, w, _ int) string {
	st := c.st
	d := netreport.Data()
	// The command on a line of its own, so it is never cut where it wraps.
	hint := fill(st.Muted, c.z.T("NetWidgetHint", d), w) + "\n  " + st.Contact.Render(d["Cmd"].(string)+" "+d["CheckFlag"].(string))
	if !s.shown {
		return fill(st.Bold, c.z.T("NetWidgetOffer", d), w) + "\n" + hint
	}
	var out []string
	rep := s.Report()
	switch {
	case s.Running() || rep == nil:
		out = append(out, fill(st.Bold, c.z.T("NetWidgetRunning", d), w))
	case rep.Summary.Offline:
		out = append(out, fill(st.Error, c.z.T("NetWidgetOffline", d), w))
	case rep.Summary.Severities[netcheck.SeverityFail] > 0:
		out = append(out, fill(st.Error, c.z.T("NetWidgetSomeFailed", d), w))
	case rep.Summary.Severities[netcheck.SeverityWarn] > 0:
		out = append(out, fill(st.Bold, c.z.T("NetWidgetWarned", d), w))
	default:
		out = append(out, fill(st.Success, c.z.T("NetWidgetAllOK", d), w))
	}
	cut := lipgloss.NewStyle().MaxWidth(w)
	for _, l := range s.Lines(c.z, netview.Styles{Good: st.good, Bad: st.Error, Muted: st.muted, Bold: st.Bold}, false, w-2) {
		out = append(out, cut.Render("  "+l))
	}
	if rep != nil && !s.Running() {
		// Which proxy the check used, and where that came from: the browser's may differ.
		for _, l := range netreport.ProxyLines(c.z, s.Checker().Proxy()) {
			out = append(out, fill(st.Muted, l, w))
		}
		if fixes := netreport.Remedies(c.z, *rep, s.Checker().Timeout()); len(fixes) > 0 {
			out = append(out, "")
			for _, f := range fixes {
				out = append(out, hanging(st.Error.Render(glyphs.Bad), st.Text, f, w))
			}
		}
	}
	return strings.Join(append(out, "", hint), "\n")
}
