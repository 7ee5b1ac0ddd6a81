package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/auvenir/auvenir-onboard/locales"
)

// keyMap holds every key the wizard answers to. Labels are set from the locale files and set
// again when the language changes, so the help bar always speaks the person's language.
type keyMap struct {
	Next, Back, Jump, Scroll, Lang, Help, Quit key.Binding
	Edit, Confirm, Leave, StartTimer           key.Binding
	NetCheck, NetLeave                         key.Binding // the network check (netcheck_widget.go)
	// Step 9 (mfa.go): its options, and the keys of the practice and store screens.
	Practice, Stores, Phone             key.Binding
	Invert, BackToStep, QuitNow, Switch key.Binding
	extra                               []key.Binding // keys a screen's widget adds
}

func newKeyMap(z *locales.Localizer, data map[string]any) keyMap {
	b := func(keys []string, shown, descID string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(shown, z.T(descID, data)))
	}
	netCheck, netLeave := netKeyBindings(z, data)
	return keyMap{
		NetCheck:   netCheck,
		NetLeave:   netLeave,
		Next:       b([]string{"right", "enter", "n"}, "→", "KeyNext"),
		Back:       b([]string{"left", "p"}, "←", "KeyBack"),
		Jump:       b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1–9", "KeyJump"),
		Scroll:     b([]string{"up", "down", "k", "j", "pgup", "pgdown", "home", "end"}, "↑/↓", "KeyScroll"),
		Lang:       b([]string{"l"}, "l", "KeyLang"),
		Help:       b([]string{"?"}, "?", "KeyHelp"),
		Quit:       b([]string{"q", "ctrl+c"}, "q", "KeyQuit"),
		Edit:       b([]string{"e", "tab"}, "e", "KeyEdit"),
		Confirm:    b([]string{"enter"}, "enter", "KeyConfirm"),
		Leave:      b([]string{"esc", "tab"}, "esc", "KeyLeaveField"),
		StartTimer: b([]string{"s"}, "s", "KeyStartTimer"),
		Practice:   b([]string{"a"}, "a", "Step9KeyPractice"),
		Stores:     b([]string{"g"}, "g", "Step9KeyStores"),
		Phone:      b([]string{"t"}, "t", "Step9KeyPhone"),
		Invert:     b([]string{"i"}, "i", "PracticeKeyInvert"),
		BackToStep: b([]string{"esc"}, "esc", "PracticeKeyBack"),
		QuitNow:    b([]string{"ctrl+c"}, "ctrl+c", "KeyQuit"),
		Switch:     b([]string{"tab"}, "tab", "Step9KeyOtherStore"),
	}
}

// ShortHelp is the one-line help bar: the keys that matter on this screen, then help and quit.
func (k keyMap) ShortHelp() []key.Binding {
	if k.Confirm.Enabled() {
		// In a field q is a letter: only ctrl+c quits there.
		return []key.Binding{k.Confirm, k.Leave, k.QuitNow}
	}
	// The bar is cut at the window's edge: the keys a lost person needs come first.
	out := []key.Binding{k.Next, k.Back}
	for _, b := range append([]key.Binding{k.Edit, k.StartTimer, k.NetCheck, k.NetLeave, k.Practice, k.Stores, k.Phone}, k.extra...) {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return append(out, k.Help, k.Quit, k.Lang)
}

// FullHelp is what ? shows: every key, in columns.
func (k keyMap) FullHelp() [][]key.Binding {
	if k.Confirm.Enabled() {
		return [][]key.Binding{{k.Confirm, k.Leave, k.QuitNow}}
	}
	screen := append([]key.Binding{k.Edit, k.StartTimer, k.NetCheck, k.NetLeave, k.Practice, k.Stores, k.Phone}, k.extra...)
	return [][]key.Binding{
		{k.Next, k.Back, k.Jump, k.Scroll},
		append(screen, k.Lang, k.Help, k.Quit),
	}
}
