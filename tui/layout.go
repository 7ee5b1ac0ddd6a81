package tui

import (
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/steps"
)

// refresh recomputes what depends on the screen, the language, the size or the widgets: the keys
// that apply, and the scrolling text with its height.
func (m *Model) refresh() {
	m.refreshFeatures()
	s := m.screen()
	editing := m.input.Focused()
	m.keys.Edit.SetEnabled(s.Widget == steps.WidgetAddress && !editing)
	m.keys.StartTimer.SetEnabled(s.Widget == steps.WidgetCodeSent || s.Widget == steps.WidgetCodeTimer)
	m.keys.Confirm.SetEnabled(editing)
	m.keys.Leave.SetEnabled(editing)
	m.setNetKeys()
	m.refreshMFA()

	w := m.mainWidth()
	content := m.blocks(s, w)
	if wid := m.widget(s, w); wid != "" {
		content += "\n\n" + wid
	}
	if m.mfa.view == mfaPhone {
		content = m.phoneView(w) // option 2's field takes the place of step 9's text
	}
	if m.showAll {
		content = m.help.FullHelpView(m.keys.FullHelp())
	}
	m.vp.SetWidth(w)
	m.vp.SetContent(content)

	m.headerPart = m.header()
	m.footerPart = m.footer()
	m.topPart = m.top(w)
	if m.w >= sidebarMin {
		m.sidePart = m.sidebar()
	} else {
		m.stripPart = m.strip()
	}
	// Height: what the frame leaves once the fixed parts are drawn.
	fixed := 1 + lipgloss.Height(m.footerPart) + lipgloss.Height(m.topPart) + 1 // header, footer, top, scroll hint
	if m.w < sidebarMin {
		fixed++ // the step strip
	}
	m.vp.SetHeight(max(1, m.h-fixed))
	if editing {
		m.vp.GotoBottom() // keep the field in sight while typing
	}
	m.compose()
}
