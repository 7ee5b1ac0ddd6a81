package tui

import (
	"charm.land/lipgloss/v2"
	"github.com/auvenir/auvenir-onboard/locales"

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
	content := m.cachedBlocks(s, w)
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

// blockKey is everything the rendered text of a screen depends on.
type blockKey struct {
	screen    int
	lang      locales.Lang
	width     int
	email     string
	signIn    steps.SignIn
	day       int // the calendar day: step 9's words change on the end of text-message codes
	presenter bool
	dark      bool
}

// cachedBlocks renders the screen's text only when something it depends on changed: a timer
// tick, a typed letter or a scroll redraws the frame around the same text, and wrapping that
// text is the dearest part of a frame.
func (m *Model) cachedBlocks(s steps.Screen, w int) string {
	y, mo, d := m.now().Date()
	k := blockKey{m.cur, m.z.Lang(), w, m.email, m.signIn, y*10000 + int(mo)*100 + d, m.feat.presenter, m.isDark}
	if m.blockKey != k || m.blockText == "" {
		m.blockKey, m.blockText = k, m.blocks(s, w)
	}
	return m.blockText
}
