package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/termguard"
	"github.com/auvenir/auvenir-onboard/locales"
)

// keyMaps holds every key the wizard answers to, declared once per mode. Handlers match them
// with key.Matches and the help bar and ? show them, so what is shown is what works. Labels come
// from the locale files and are set again when the language changes.
type keyMaps struct {
	global   globalKeyMap
	walk     walkKeyMap
	field    fieldKeyMap
	net      netKeyMap
	options  optionsKeyMap
	chooser  chooserKeyMap
	offer    offerKeyMap
	practice practiceKeyMap
	stores   storesKeyMap
	showQR   showQRKeyMap
	phone    phoneKeyMap
	help     helpKeyMap
	signIn   signInKeyMap
	explain  explainKeyMap
}

// globalKeyMap: the root's keys, handled once whatever the screen (each screen's mode says which
// apply there; ctrl+c always does).
type globalKeyMap struct {
	Interrupt, Quit, Lang, Presenter, Help key.Binding
	// Suspend is handled by the guard (internal/termguard), before any screen, and shown in the help
	// where the system can suspend the program.
	Suspend key.Binding
}

// walkKeyMap: moving through the walkthrough.
type walkKeyMap struct {
	Next, Back, Jump                            key.Binding
	ScrollUp, ScrollDown, PageUp, PageDown      key.Binding
	Top, Bottom                                 key.Binding
	StartTimer, Open, Copy, CopyIdentity, Crash key.Binding
	Explain                                     key.Binding // x: the error explainer
}

// fieldKeyMap: the address field. Letters are text; these keys leave it.
type fieldKeyMap struct {
	Confirm, Next, Back, Right, Left, Leave, Edit key.Binding
}

type netKeyMap struct{ Check, Leave key.Binding }

type optionsKeyMap struct{ Practice, Stores, Phone key.Binding }

type chooserKeyMap struct{ French, English, Other, Choose key.Binding }

// offerKeyMap: the resume offer. StartOver only asks; Yes and No answer that question, and
// Enter there is No: forgetting is never the default.
type offerKeyMap struct{ Continue, StartOver, Yes, No key.Binding }

type practiceKeyMap struct{ Check, Invert, Back key.Binding }

type storesKeyMap struct{ Switch, Invert, Back key.Binding }

type showQRKeyMap struct{ Invert, Close key.Binding }

type phoneKeyMap struct {
	Check, Back, ScrollUp, ScrollDown key.Binding
}

type helpKeyMap struct{ Close key.Binding }

// signInKeyMap: step 2's question. m opens the answers; ↑/↓ (or the answer's number) and Enter
// choose one, Esc leaves them.
type signInKeyMap struct{ Answer, Up, Down, Choose, Close key.Binding }

// explainKeyMap: the error explainer's field. Letters are text; Enter explains, Esc leaves, and
// ↑/↓ scroll an answer taller than the window (the field is one line: they do nothing there).
type explainKeyMap struct{ Submit, Close, ScrollUp, ScrollDown key.Binding }

func newKeyMaps(z *locales.Localizer, data map[string]any, panicKey string) keyMaps {
	b := func(keys []string, shown, descID string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(shown, z.T(descID, data)))
	}
	// Enter and Esc are shown by their names on the person's keyboard: « Entrée », « Échap ».
	enter, esc := z.T("KeyNameEnter"), z.T("KeyNameEsc")
	tab, shiftTab := z.T("KeyNameTab"), z.T("KeyNameShiftTab")
	km := keyMaps{
		global: globalKeyMap{
			Interrupt: b([]string{"ctrl+c"}, "ctrl+c", "KeyQuit"),
			Quit:      b([]string{"q"}, "q", "KeyQuit"),
			Lang:      b([]string{"l"}, "l", "KeyLang"),
			Presenter: b([]string{"P"}, "P", "MaskKeyPresenter"),
			Help:      b([]string{"?"}, "?", "KeyHelp"),
			Suspend: key.NewBinding(key.WithKeys(termguard.SuspendKey.Keys()...), key.WithHelp("ctrl+z",
				z.T("KeySuspend", guide.With(data, "ResumeCmd", "fg"))), key.WithDisabled()),
		},
		walk: walkKeyMap{
			Next:         b([]string{"right", "enter", "n"}, glyphs.Right, "KeyNext"),
			Back:         b([]string{"left", "p"}, glyphs.Left, "KeyBack"),
			Jump:         b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1–9", "KeyJump"),
			ScrollUp:     b([]string{"up", "k"}, glyphs.UpDown, "KeyScroll"),
			ScrollDown:   key.NewBinding(key.WithKeys("down", "j")),
			PageUp:       key.NewBinding(key.WithKeys("pgup")),
			PageDown:     key.NewBinding(key.WithKeys("pgdown")),
			Top:          key.NewBinding(key.WithKeys("home")),
			Bottom:       key.NewBinding(key.WithKeys("end")),
			StartTimer:   b([]string{"s"}, "s", "KeyStartTimer"),
			Open:         b([]string{"o"}, "o", "LinkKeyOpen"),
			Copy:         b([]string{"y"}, "y", "LinkKeyCopySupport"),
			CopyIdentity: b([]string{"y"}, "y", "LinkKeyCopyIdentity"),
			Crash:        key.NewBinding(key.WithKeys(panicKey), key.WithDisabled()),
			Explain:      b([]string{"x"}, "x", "ExplainKey"),
		},
		field: fieldKeyMap{
			Confirm: b([]string{"enter"}, enter, "KeyConfirm"),
			Next:    b([]string{"tab", "down"}, tab, "KeyNext"),
			Back:    b([]string{"shift+tab", "up"}, shiftTab, "KeyBack"),
			Right:   key.NewBinding(key.WithKeys("right")),
			Left:    key.NewBinding(key.WithKeys("left")),
			Leave:   b([]string{"esc"}, esc, "KeyLeaveField"),
			// The field opens only on purpose: e, or Enter or Tab on its screen (issue 20).
			Edit: b([]string{"e", "enter", "tab"}, "e", "KeyEdit"),
		},
		net: netKeyMap{
			Check: b([]string{"c"}, "c", "NetKeyCheck"),
			Leave: b([]string{"esc"}, esc, "NetKeyLeave"),
		},
		options: optionsKeyMap{
			Practice: b([]string{"a"}, "a", "Step9KeyPractice"),
			Stores:   b([]string{"g"}, "g", "Step9KeyStores"),
			Phone:    b([]string{"t"}, "t", "Step9KeyPhone"),
		},
		chooser: chooserKeyMap{
			French:  key.NewBinding(key.WithKeys("f")),
			English: key.NewBinding(key.WithKeys("e", "a")),
			Other:   key.NewBinding(key.WithKeys("left", "right", "up", "down", "tab", "shift+tab", "h", "l", "k", "j")),
			Choose:  key.NewBinding(key.WithKeys("enter", "space")),
		},
		offer: offerKeyMap{
			Continue: b([]string{"enter", "y", "o", "c", "r", "space"}, enter, "KeyContinue"),
			// Not n, which means "next" on every other screen, nor Esc (issue 20, item 2).
			StartOver: b([]string{"f"}, "f", "KeyForget"),
			Yes:       b([]string{"y", "o"}, z.T("KeyYesLetter"), "KeyForgetYes"),
			No:        b([]string{"n", "esc", "enter"}, enter, "KeyForgetNo"),
		},
		practice: practiceKeyMap{
			Check:  b([]string{"enter"}, enter, "KeyConfirm"),
			Invert: b([]string{"i"}, "i", "PracticeKeyInvert"),
			Back:   b([]string{"esc"}, esc, "PracticeKeyBack"),
		},
		stores: storesKeyMap{
			Switch: b([]string{"tab"}, tab, "Step9KeyOtherStore"),
			Invert: b([]string{"i"}, "i", "PracticeKeyInvert"),
			Back:   b([]string{"esc", "left", "p"}, esc, "PracticeKeyBack"),
		},
		showQR: showQRKeyMap{
			Invert: b([]string{"i"}, "i", "PracticeKeyInvert"),
			Close:  b([]string{"q", "esc"}, "q", "ShowQRKeyClose"),
		},
		phone: phoneKeyMap{
			Check:      b([]string{"enter"}, enter, "KeyConfirm"),
			Back:       b([]string{"esc", "tab"}, esc, "PracticeKeyBack"),
			ScrollUp:   key.NewBinding(key.WithKeys("up", "pgup")),
			ScrollDown: key.NewBinding(key.WithKeys("down", "pgdown")),
		},
		signIn: signInKeyMap{
			Answer: b([]string{"m"}, "m", "SignInKey"),
			Up:     b([]string{"up", "k"}, "↑/↓", "SignInKeyMove"),
			Down:   key.NewBinding(key.WithKeys("down", "j")),
			Choose: b([]string{"enter", "1", "2", "3", "4"}, enter, "KeyConfirm"),
			// Not « back »: ← back stands in the same bar and goes to the step before.
			Close: b([]string{"esc"}, esc, "SignInKeyClose"),
		},
		explain: explainKeyMap{
			Submit:     b([]string{"enter"}, enter, "ExplainKeySubmit"),
			Close:      b([]string{"esc"}, esc, "ExplainKeyClose"),
			ScrollUp:   key.NewBinding(key.WithKeys("up", "pgup")),
			ScrollDown: key.NewBinding(key.WithKeys("down", "pgdown")),
		},
		help: helpKeyMap{
			Close: b([]string{"esc"}, esc, "KeyCloseHelp"),
		},
	}
	if panicKey != "" {
		km.walk.Crash.SetEnabled(true)
	}
	return km
}
