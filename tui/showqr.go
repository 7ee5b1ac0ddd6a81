package tui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/otpauth"
)

// --show-qr: a key someone was given as an otpauth:// URI (from a pipe, never the command line)
// shown full screen for a phone to scan, with the key as text beside it. Nothing else runs.

func (m Model) updateShowQR(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "q", "esc", "ctrl+c":
		return m, tea.Quit
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

func (m *Model) showQRFrame() string {
	k := m.cfg.ShowKey
	bh := m.h - 1
	var left, note []string
	lw := 0
	if !m.presenting() {
		left, lw, note = m.drawCode(k.Text, bh)
	}
	rw := m.w - lw - columnGap
	if lw == 0 {
		rw = m.w - 2
	}
	return m.fullFrame(sideBySide(left, lw, m.showQRColumn(*k, rw, bh, lw > 0, note), bh))
}

func (m Model) showQRColumn(k otpauth.Key, w, h int, codeShown bool, note []string) []string {
	st := m.st
	d := guide.With(m.mfaData(), "Issuer", k.Issuer, "Account", k.Account,
		"Digits", strconv.Itoa(k.Digits), "Period", strconv.Itoa(k.Period), "Algorithm", k.Algorithm)
	var notes, labels, manual []string
	for _, n := range note {
		notes = append(notes, wrap(st.Warning, n, w)...)
	}
	if codeShown {
		notes = append(notes, wrap(st.Text, m.z.T("ShowQRScan", d), w)...)
	}
	if k.Issuer != "" {
		labels = append(labels, wrap(st.Text, m.z.T("ShowQRIssuer", d), w)...)
	}
	if k.Account != "" {
		labels = append(labels, wrap(st.Text, m.z.T("ShowQRAccount", d), w)...)
	}
	if k.Digits != 6 || k.Period != 30 || k.Algorithm != "SHA1" {
		labels = append(labels, wrap(st.Warning, m.z.T("ShowQRSettings", d), w)...)
	}
	if m.presenting() {
		manual = wrap(st.Bold, m.z.T("MaskQRHidden", d), w)
	} else {
		manual = append(wrap(st.Text, m.z.T("ShowQRManual", d), w), keyRows(st.Contact, otpauth.Group(k.Secret), w)...)
	}
	close := key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", m.z.T("ShowQRKeyClose")))
	var shown []key.Binding
	if codeShown {
		shown = append(shown, m.keys.Invert)
	}
	keys := m.wrapKeys(append(shown, close), w)
	return fitLines([][]string{wrap(st.Heading, m.z.T("ShowQRTitle", d), w), notes, labels, manual, keys}, h)
}
