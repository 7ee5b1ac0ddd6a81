package tui

import (
	"context"
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netreport"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// The network check on "Before you begin": c runs the check --check-network runs, in the
// background, with a live line per address; then the verdict, a remedy per failure and a
// reminder that IT can run it themselves. esc leaves it. The hooks into the wizard are one line
// each in Update, updateKeys, refresh and widget.

// netKeyBindings are c and esc, labelled in the person's language.
func netKeyBindings(z *locales.Localizer, data map[string]any) (check, leave key.Binding) {
	return key.NewBinding(key.WithKeys("c"), key.WithHelp("c", z.T("NetKeyCheck", data))),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", z.T("NetKeyLeave", data)))
}

// setNetKeys enables c on the screen that offers the check, and esc while the check is shown.
func (m *Model) setNetKeys() {
	here := m.screen().Widget == steps.WidgetNetworkCheck
	m.keys.NetCheck.SetEnabled(here)
	m.keys.NetLeave.SetEnabled(here && m.net.shown)
}

// netKey handles c and esc; handled is false for other keys.
func (m *Model) netKey(msg tea.KeyPressMsg) (cmd tea.Cmd, handled bool) {
	switch {
	case m.showAll: // esc closes the help first
		return nil, false
	case key.Matches(msg, m.keys.NetCheck):
		if m.net.checker == nil {
			m.net = newNetCheck(m.newNetChecker, m.netEndpoints(), m.g)
		}
		m.net.shown = true
		cmd = m.net.start(context.Background())
		m.refresh()
		m.scrollToNet() // the lines are under the screen's text: bring them into view
		return cmd, true
	case key.Matches(msg, m.keys.NetLeave):
		m.net.stop()
		m.net.shown = false
		m.refresh()
		return nil, true
	}
	return nil, false
}

// updateNet takes the check's messages (progress, end, spinner frames).
func (m *Model) updateNet(msg tea.Msg) (tea.Cmd, bool) {
	wasRunning := m.net.running
	cmd, ok := m.net.update(msg)
	if !ok {
		return nil, false
	}
	m.refresh()
	if wasRunning && !m.net.running && m.screen().Widget == steps.WidgetNetworkCheck {
		m.scrollToNet() // the verdict
	}
	return cmd, true
}

// scrollToNet puts the check's first line (its verdict, once done) at the top of the text.
// refresh lays the widget out two lines under the screen's blocks.
func (m *Model) scrollToNet() {
	if m.showAll {
		return
	}
	m.vp.SetYOffset(lipgloss.Height(m.blocks(m.screen(), m.mainWidth())) + 1)
	m.compose()
}

func (m Model) newNetChecker() *netcheck.Checker {
	if m.cfg.NetChecker != nil {
		return m.cfg.NetChecker()
	}
	proxy, err := netcheck.ProxyFromSettings("", os.Getenv)
	if err != nil {
		proxy = netcheck.ProxySetting{Source: netcheck.ProxyNone}
	}
	return netcheck.New(netcheck.Config{Proxy: proxy})
}

func (m Model) netEndpoints() []netcheck.Endpoint {
	if m.cfg.NetEndpoints != nil {
		return m.cfg.NetEndpoints
	}
	return netcheck.Default()
}

// netWidget is the check's part of the screen: the offer, or the lines and the verdict.
func (m Model) netWidget(w int) string {
	d := netreport.Data()
	// The command on a line of its own, so it is never cut where it wraps.
	hint := m.st.Muted.Width(w).Render(m.z.T("NetWidgetHint", d)) + "\n  " + m.st.Contact.Render(d["Cmd"].(string)+" "+d["CheckFlag"].(string))
	if !m.net.shown {
		return m.st.Bold.Width(w).Render(m.z.T("NetWidgetOffer", d)) + "\n" + hint
	}
	var out []string
	rep := m.net.report
	switch {
	case m.net.running || rep == nil:
		out = append(out, m.st.Bold.Width(w).Render(m.z.T("NetWidgetRunning", d)))
	case rep.Summary.Failed == 0:
		out = append(out, m.st.Success.Width(w).Render(m.z.T("NetWidgetAllOK", d)))
	default:
		out = append(out, m.st.Error.Width(w).Render(m.z.T("NetWidgetSomeFailed", d)))
	}
	fit := lipgloss.NewStyle().MaxWidth(w)
	for _, l := range m.net.lines(m.z, netStyles{good: m.st.good, bad: m.st.Error, muted: m.st.muted, bold: m.st.Bold}, false, w-2) {
		out = append(out, fit.Render("  "+l))
	}
	if rep != nil && !m.net.running {
		if fixes := netreport.Remedies(m.z, *rep, m.net.checker().Timeout()); len(fixes) > 0 {
			out = append(out, "")
			for _, f := range fixes {
				out = append(out, hanging(m.st.Error.Render("•"), m.st.Text, f, w))
			}
		}
	}
	return strings.Join(append(out, "", hint), "\n")
}
