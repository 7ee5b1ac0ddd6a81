package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/auvenir/auvenir-onboard/internal/walkthrough"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Update handles one message. Keys go first to the root's global keys (as the screen in front
// allows), then to that screen, then to the walkthrough; other messages to whoever awaits them.
// After it, progress is saved if it changed, and a status line said on another screen is gone.
//
// Update is the one method on a value, as Bubble Tea wants; the rest work on this copy in place,
// since a frame's worth of Model copied at each step made a long paste cost seconds.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	before := m.walk.Index()
	cmd := m.update(msg)
	if m.walk.Index() != before {
		if m.status.id != "" || m.status.text != "" {
			m.status = status{}
			m.refresh()
		}
	}
	m.saveProgress()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		if id := m.focus(); id != idNone && m.get(id).mode(&m.common).text {
			return m.route(id, msg)
		}
		return nil
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.refresh()
		return nil
	case tea.ColorProfileMsg:
		m.noColour = m.cfg.NoColor || msg.Profile < colorprofile.ANSI
		m.refresh()
		return nil
	case tea.BackgroundColorMsg:
		m.isDark = msg.IsDark()
		m.restyle()
		return nil
	case timer.TickMsg, timer.StartStopMsg, timer.TimeoutMsg:
		var cmd tea.Cmd
		m.timer, cmd = m.timer.Update(msg)
		m.refresh()
		return cmd
	case openedMsg:
		m.opened(msg)
		return nil
	case copiedMsg:
		m.copied(msg)
		return nil
	}
	// The network check runs in the background and reports whatever is on screen.
	return m.route(idNet, msg)
}

// key handles a key press: the global keys the front screen allows, then the screen, then the
// walkthrough.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	g := m.km.global
	if key.Matches(msg, m.km.walk.Crash) {
		panic("crash requested by the tests")
	}
	if key.Matches(msg, g.Interrupt) {
		return tea.Quit
	}
	id := m.focus()
	s := m.get(id)
	md := mode{globals: gAll}
	if s != nil {
		md = s.mode(&m.common)
	}
	undo := m.undoLetter
	m.undoLetter = nil
	if m.strayKey(msg, s, md) {
		if m.stray && undo != nil && msg.Text != "" {
			// The letter before this one was the first of the word typed: take back what it
			// did (the language, presenter mode), as it was not meant as a key.
			undo(m)
		}
		return nil
	}
	if m.walk.RestartAsked() && !key.Matches(msg, m.km.walk.StartTimer) {
		// The question's default is no: any other key keeps the running timer.
		m.walk.ConfirmTimerRestart(false, m.now())
		if m.status.id == "TimerRestartAsk" {
			m.setStatus("", nil)
		}
	}
	switch {
	case md.globals&gQuit != 0 && key.Matches(msg, g.Quit):
		return tea.Quit
	case md.globals&gLang != 0 && key.Matches(msg, g.Lang):
		m.setLang(m.z.Lang().Other())
		m.undoLetter = func(m *Model) { m.setLang(m.z.Lang().Other()) }
		return nil
	case md.globals&gPresenter != 0 && key.Matches(msg, g.Presenter):
		m.setPresenter(!m.presenter)
		m.undoLetter = func(m *Model) { m.setPresenter(!m.presenter) }
		return nil
	case md.globals&gHelp != 0 && key.Matches(msg, g.Help):
		m.toggleHelp()
		return nil
	}
	if s != nil && (md.text || md.full || matches(msg, s.keys(&m.common))) {
		return m.route(id, msg)
	}
	if md.full {
		return nil
	}
	if m.front() == idNone {
		keys, ids := m.openers()
		for i, k := range keys {
			if key.Matches(msg, k) {
				return m.open(ids[i])
			}
		}
	}
	return m.walkKey(msg)
}

// strayKey reports whether msg is typing where no field is open, and so must do nothing. A
// client who types their address on a screen without an open field (the first screen, or « Your
// address » before pressing e) would otherwise run commands with its letters: l switched the
// language, q quit (issue 20, item 1). The decision: a letter that is one of the keys shown
// for this screen does what the bar says; the first printable key that is not one of them shows
// that no field is open and how to open one, and from then on every printable key is ignored
// until a key that is not text (Esc, Enter, an arrow). In the walkthrough's frame Esc and Enter
// then only end the typing, so an Enter meant for the address does not move on either.
func (m *Model) strayKey(msg tea.KeyPressMsg, s screen, md mode) bool {
	if md.text {
		m.stray = false
		return false
	}
	if msg.Text == "" || msg.Mod&(tea.ModCtrl|tea.ModAlt) != 0 {
		was := m.stray
		m.stray = false
		// In the frame Enter would move on (or open the field): it only ends the typing there.
		return was && !md.full && (msg.Code == tea.KeyEnter || msg.Code == tea.KeyEscape)
	}
	if m.stray {
		return true
	}
	if m.bound(msg, s, md) {
		return false
	}
	m.stray = true
	if m.screen().Kind == steps.KindAddress {
		// The client is on « Your address » already: sending them there would puzzle them.
		m.setStatus("StrayTypingHere", nil)
	} else {
		m.setStatus("StrayTyping", nil)
	}
	return true
}

// bound reports whether msg is one of the keys that apply now: the root's that the screen in
// front allows, the screen's own, and the walkthrough's when the screen is in its frame.
func (m *Model) bound(msg tea.KeyPressMsg, s screen, md mode) bool {
	g, k := m.km.global, m.km.walk
	for _, gk := range []struct {
		bit globalKeys
		b   key.Binding
	}{{gQuit, g.Quit}, {gLang, g.Lang}, {gPresenter, g.Presenter}, {gHelp, g.Help}} {
		if md.globals&gk.bit != 0 && key.Matches(msg, gk.b) {
			return true
		}
	}
	if s != nil && matches(msg, s.keys(&m.common)) {
		return true
	}
	if keys, _ := m.openers(); !md.full && m.front() == idNone && matches(msg, keys) {
		return true
	}
	return !md.full && key.Matches(msg, k.Next, k.Back, k.Jump, k.ScrollUp, k.ScrollDown, k.PageUp,
		k.PageDown, k.Top, k.Bottom, k.StartTimer, k.Open, k.Copy, k.CopyIdentity, k.Explain, k.Crash)
}

// route gives msg to screen id, keeps its next state and does what it asks.
func (m *Model) route(id screenID, msg tea.Msg) tea.Cmd {
	next, act, cmd := m.get(id).update(&m.common, msg)
	m.put(id, next)
	switch a := act.(type) {
	case unchanged:
		return cmd
	case quitApp:
		return tea.Quit
	case closeScreen:
		m.close()
	case openScreen:
		cmd = tea.Batch(cmd, m.open(a.id))
	case langChosen:
		m.close()
		m.setLang(a.lang)
	case resumeChosen:
		m.close()
		cmd = tea.Batch(cmd, m.answerOffer(a.resume, a.state))
	case addressLeft:
		cmd = tea.Batch(cmd, m.leaveAddress(a))
	case signInChosen:
		m.walk.AnswerSignIn(a.answer)
	case mfaChosen:
		m.walk.Rehearse(a.opt, a.number)
	case scrollBy:
		if a.n < 0 {
			m.vp.ScrollUp(-a.n)
		} else {
			m.vp.ScrollDown(a.n)
		}
		m.compose()
		return cmd
	case netMoved:
		m.refresh()
		m.scrollToNet()
		return cmd
	}
	m.refresh()
	return cmd
}

// walkKey handles the walkthrough's own keys.
func (m *Model) walkKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.km.walk
	switch {
	case key.Matches(msg, k.Next):
		return m.goTo(m.walk.Next)
	case key.Matches(msg, k.Back):
		return m.goTo(m.walk.Back)
	case key.Matches(msg, k.Jump):
		return m.goTo(func() bool { return m.walk.Step(int(msg.Code - '0')) })
	case key.Matches(msg, k.ScrollUp):
		m.vp.ScrollUp(1)
	case key.Matches(msg, k.ScrollDown):
		m.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		m.vp.PageUp()
	case key.Matches(msg, k.PageDown):
		m.vp.PageDown()
	case key.Matches(msg, k.Top):
		m.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.vp.GotoBottom()
	case key.Matches(msg, k.StartTimer):
		return m.startTimer()
	case key.Matches(msg, k.Open):
		return m.openLink(m.screen().MainLink)
	case key.Matches(msg, k.Copy, k.CopyIdentity):
		return m.copy()
	case key.Matches(msg, k.Explain):
		return m.open(idExplain)
	default:
		return nil
	}
	m.compose()
	return nil
}

// goTo makes one of the walk's moves and shows where it led. Leaving a screen forward marks it done, so the step list
// shows what the person has been through. Arriving never opens a field: on « Your address » the
// client presses e (or Enter) to type, so keys meant as keys never edit the saved address.
func (m *Model) goTo(move func() bool) tea.Cmd {
	if !move() {
		return nil
	}
	if m.front() == idHelp {
		m.stack = m.stack[:len(m.stack)-1]
	}
	m.vp.GotoTop()
	m.refresh()
	return nil
}

// toggleHelp shows or hides every key of the walkthrough and its screen.
func (m *Model) toggleHelp() {
	if m.front() == idHelp {
		m.close()
		return
	}
	m.stack = append(m.stack, idHelp)
	m.refresh()
}

// leaveAddress keeps what the field gave and moves on, or back.
func (m *Model) leaveAddress(a addressLeft) tea.Cmd {
	if !a.keep && a.email != m.walk.Email() && m.walk.SetEmail(a.email) {
		m.setLang(m.z.Lang()) // the help labels and texts quote the address now
	}
	switch a.move {
	case 1:
		return m.goTo(m.walk.Next)
	case -1:
		return m.goTo(m.walk.Back)
	}
	return nil
}

// startTimer is the person saying they clicked « Send code » (on step 3, or again on 4 and 5
// after asking for a new code): Microsoft's code works for 30 minutes from then. While a code
// still works, the first s only asks: starting over by mistake would hide how long is left.
func (m *Model) startTimer() tea.Cmd {
	now := m.now()
	if m.walk.RestartAsked() {
		if !m.walk.ConfirmTimerRestart(true, now) {
			return nil
		}
	} else {
		switch m.walk.StartTimer(now) {
		case walkthrough.TimerAsk:
			m.setStatus("TimerRestartAsk", map[string]any{"Minutes": int((m.codeLeft() + time.Minute - 1) / time.Minute)})
			return nil
		case walkthrough.TimerNotHere:
			return nil
		}
	}
	m.timer = timer.New(codeValidity, timer.WithInterval(time.Second))
	m.setStatus("", nil)
	// The countdown is the last thing under the step's text: on 80×24 it was below the fold,
	// and s seemed to do nothing.
	m.vp.GotoBottom()
	m.compose()
	return m.timer.Init()
}

// codeLeft is the time the emailed code still works, from the wall clock rather than the count
// of ticks, so a sleeping laptop or a slow terminal does not make the countdown lie.
func (m Model) codeLeft() time.Duration {
	return m.walk.CodeLeft(m.now())
}

// setWalkKeys enables the walkthrough's keys where they do something: no → on the last screen,
// no ← on the first, s only where there is a code, o only where there is a link.
func (m *Model) setWalkKeys() {
	k := &m.km.walk
	s := m.screen()
	k.Next.SetEnabled(m.walk.Index() < len(m.walk.Screens())-1 || m.walk.Part()+1 < m.walk.Parts())
	k.Back.SetEnabled(m.walk.Index() > 0 || m.walk.Part() > 0)
	// The code's timer is for the emailed code: a client whose address is already a Microsoft
	// account signs in with its password instead (steps 3 to 5 say so).
	k.StartTimer.SetEnabled(m.walk.HasTimer())
	k.Open.SetEnabled(s.MainLink != "")
	identity := s.Widget == steps.WidgetAddress && m.walk.Email() != ""
	k.CopyIdentity.SetEnabled(identity)
	k.Copy.SetEnabled(!identity)
}

// barKeys are the keys of the help bar: the screen's own when it has the keys to itself,
// otherwise the walkthrough's with the step's screen's, then the global ones that apply.
func (m *Model) barKeys() []key.Binding {
	c := &m.common
	g := m.km.global
	if id := m.front(); id != idNone {
		s := m.get(id)
		md := s.mode(c)
		out := s.keys(c)
		if md.globals&gHelp != 0 {
			out = append(out, g.Help)
		}
		if md.globals&gQuit != 0 {
			out = append(out, g.Quit)
		} else {
			out = append(out, g.Interrupt)
		}
		return out
	}
	if s := m.get(m.focus()); s != nil && s.mode(c).text {
		return append(s.keys(c), g.Interrupt)
	}
	k := m.km.walk
	// The bar wraps at the window's edge: the keys a lost person needs come first.
	out := []key.Binding{k.Next, k.Back}
	if s := m.get(m.focus()); s != nil {
		out = append(out, s.keys(c)...)
	}
	openers, _ := m.openers()
	out = append(out, openers...)
	out = append(out, k.StartTimer, k.Open, k.CopyIdentity)
	if s := m.screen(); s.Kind == steps.KindStep || s.Kind == steps.KindFinish {
		out = append(out, k.Explain) // where Microsoft's pages show their errors
	}
	if m.presenter {
		out = append(out, g.Presenter)
	}
	return append(out, g.Help, g.Quit, g.Lang)
}

// allKeys is what ? lists: every key of the walkthrough and of the step's screen.
func (m *Model) allKeys() [][]key.Binding {
	k, g := m.km.walk, m.km.global
	var screenKeys []key.Binding
	if id := m.widgetScreen(); id != idNone {
		screenKeys = m.get(id).keys(&m.common)
	}
	suspend := g.Suspend
	suspend.SetEnabled(m.cfg.Suspendable)
	openers, _ := m.openers()
	screenKeys = append(screenKeys, openers...)
	screenKeys = append(screenKeys, k.StartTimer, k.Open, k.Copy, k.CopyIdentity, k.Explain, g.Presenter, g.Lang, g.Help, g.Quit, suspend)
	return [][]key.Binding{{k.Next, k.Back, k.Jump, k.ScrollUp}, screenKeys}
}

// refresh recomputes what depends on the screen, the language, the size or the screens: the
// keys that apply, and the scrolling text with its height.
func (m *Model) refresh() {
	m.setWalkKeys()
	c := &m.common
	if m.frontFull() != nil {
		m.compose() // a full-window screen draws everything itself
		return
	}
	w := m.mainWidth()
	var content string
	if id := m.front(); id != idNone {
		c.under = m.allKeys()
		content = m.get(id).view(c, w, 0) // the help, the mobile number: in the step's place
	} else {
		content = m.cachedBlocks(m.screen(), w)
		if wid := m.widget(w); wid != "" {
			content += "\n\n" + wid
		}
	}
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
	if s, ok := m.get(m.focus()).(sighted); ok && m.front() != idNone && s.mode(c).text {
		m.vp.Show(s.sightLine(c, w)) // the field in the step's place, with more text below it
	}
	if s := m.get(m.focus()); s != nil && m.front() == idNone {
		if md := s.mode(c); md.text || md.follow {
			m.vp.GotoBottom() // keep the field, or the answers, in sight while they have the keys
		}
	}
	m.compose()
}

// sighted is a screen drawn in the step's place whose field must stay in sight while typed in,
// though more text follows it.
type sighted interface {
	screen
	sightLine(c *common, w int) int
}

// blockKey is everything the rendered text of a screen depends on.
type blockKey struct {
	screen    int
	part      int
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
	y, mo, d := m.clock().Date()
	k := blockKey{m.walk.Index(), m.walk.Part(), m.z.Lang(), w, m.walk.Email(), m.walk.SignIn(), y*10000 + int(mo)*100 + d, m.presenter, m.isDark}
	if m.blockKey != k || m.blockText == "" {
		m.blockKey, m.blockText = k, m.blocks(s, w)
	}
	return m.blockText
}
