package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/qr"
	"github.com/auvenir/auvenir-onboard/steps"
)

// The store pages of Microsoft Authenticator as QR codes: the person points the phone's camera
// at the code for their phone, and lands on Microsoft's own listing rather than a look-alike.

var stores = steps.Stores()

func (m Model) updateStores(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "q", "ctrl+c":
		return m, tea.Quit
	case "esc", "left", "p":
		m.closeMFA()
	case "tab":
		m.mfa.store = (m.mfa.store + 1) % len(stores)
		m.refresh()
	case "i":
		if !m.noColour {
			break // every module is painted: nothing to invert
		}
		m.mfa.invert = !m.mfa.invert
		m.refresh()
	case "l":
		m.setLang(m.z.Lang().Other())
	}
	return m, nil
}

// storeRowsAbove are the rows above a code: the title, then the store's name. The addresses are
// not repeated under the codes: they would not fit half a window, and step 9 shows them in full.
func (m Model) storeRowsAbove() int {
	return len(wrap(m.st.Heading, m.z.T("Step9StoresTitle", m.mfaData()), m.w-2)) + 1
}

// storePanel is the room for one code when two share the window: half its width, and its height
// less the rows around the code, the keys and the support line.
func (m Model) storePanel() (w, h int) {
	all := m.keys
	all.Switch.SetEnabled(true)
	keys := m.wrapKeys([]key.Binding{all.Switch, all.Invert, all.BackToStep, all.Quit}, m.w-2)
	return (m.w - columnGap) / 2, m.h - 1 - m.storeRowsAbove() - len(keys)
}

// storeCode draws one store's code for a panel of w×h cells, without its fallbacks' cache: the
// two codes change only with the window, the background and i.
func (m Model) storeCode(s steps.Store, w, h int) (qr.Rendering, error) {
	return qr.Fit(s.URL, m.qrOptions(), w, h)
}

// bothStoresFit reports whether the two codes fit side by side; otherwise tab switches.
func (m Model) bothStoresFit() bool {
	w, h := m.storePanel()
	for _, s := range stores {
		if _, err := m.storeCode(s, w, h); err != nil {
			return false
		}
	}
	return true
}

func (m *Model) storesFrame() string {
	st, d := m.st, m.mfaData()
	bh := m.h - 1
	title := wrap(st.Heading, m.z.T("Step9StoresTitle", d), m.w-2)
	keys := m.wrapKeys(m.storeKeys(), m.w-2)
	panel := func(s steps.Store, w, h int) ([]string, bool) {
		label := st.Bold.Render(s.Name) + " " + st.Muted.Render(m.z.T(s.DeviceID, d))
		r, err := m.storeCode(s, w, h)
		if err != nil {
			return nil, false
		}
		return append([]string{label}, strings.Split(r.Text, "\n")...), true
	}
	pw, ph := m.storePanel()
	var body []string
	if left, ok := panel(stores[0], pw, ph); ok && m.bothStoresFit() {
		right, _ := panel(stores[1], pw, ph)
		body = joinColumns(left, pw, columnGap, right)
	} else if one, ok := panel(stores[m.mfa.store], m.w-2, bh-m.storeRowsAbove()-len(keys)); ok {
		body = one
	} else {
		// Too small even for one code: the addresses as text, to type or click.
		body = wrap(st.Warning, m.z.T("Step9StoresTooSmall", d), m.w-2)
		for _, s := range stores {
			body = append(body, "", st.Bold.Render(s.Name)+" "+st.Muted.Render(m.z.T(s.DeviceID, d)))
			body = append(body, wrap(st.Link, s.URL, m.w-2)...)
		}
	}
	lines := fitLines([][]string{append(title, body...), keys}, bh)
	return m.fullFrame(sideBySide(nil, 0, lines, bh))
}

func (m Model) storeKeys() []key.Binding {
	return []key.Binding{m.keys.Switch, m.keys.Invert, m.keys.BackToStep, m.keys.Quit}
}
