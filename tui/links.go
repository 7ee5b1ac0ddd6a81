package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/desktop"
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/steps"
)

// openedMsg is the outcome of o.
type openedMsg struct {
	url string
	err error
}

// openLink starts the browser without blocking the screen; the outcome comes back as openedMsg.
func (m Model) openLink(url string) tea.Cmd {
	opener := m.cfg.OpenURL
	if opener == nil {
		opener = desktop.Session{}.OpenURL // none: the URL is shown
	}
	return func() tea.Msg { return openedMsg{url, opener(url)} }
}

func (m *Model) opened(msg openedMsg) {
	if msg.err != nil {
		m.status = status{id: "LinkOpenFailed", data: map[string]any{"URL": msg.url}, link: msg.url}
		m.refresh()
		return
	}
	m.setStatus("LinkOpening", map[string]any{"URL": msg.url})
}

// copy puts the guest identity on the clipboard on the address screen once an address is
// given, and the support address everywhere else: through the system's clipboard where there is
// one, and through the terminal (OSC 52) as well, which reaches the clipboard of the computer in
// front of the person over SSH, in terminals that allow it. Whether OSC 52 worked cannot be
// known (the classic Windows console ignores it, tmux drops it by default), so only the system
// clipboard's success is reported as a copy; otherwise the text stands on a line of its own, to
// select by hand. What it shows is masked in presenter mode.
func (m *Model) copy() tea.Cmd {
	text, shown := steps.SupportEmail, steps.SupportEmail
	if m.screen().Widget == steps.WidgetAddress && m.walk.Email() != "" {
		text, shown = guide.Data(m.walk.Email())["Identity"].(string), fmt.Sprint(m.data()["Identity"])
	}
	copier := m.cfg.CopyText
	if copier == nil {
		copier = desktop.Session{}.Copy // none: the text stands alone, to select by hand
	}
	return tea.Batch(tea.SetClipboard(text), func() tea.Msg { return copiedMsg{shown: shown, err: copier(text)} })
}

// copiedMsg is the outcome of a copy to the system clipboard.
type copiedMsg struct {
	shown string
	err   error
}

func (m *Model) copied(msg copiedMsg) {
	if msg.err != nil {
		m.status = status{id: "LinkCopyFailed", own: msg.shown}
		m.refresh()
		return
	}
	m.setStatus("LinkCopied", map[string]any{"Text": msg.shown})
}
