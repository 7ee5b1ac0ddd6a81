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

type showQRScreen struct {
	key    otpauth.Key
	invert bool
	cache  *qrCache
}

var _ = register(idShowQR, entry{make: func(cfg Config) screen {
	if cfg.ShowKey == nil {
		return showQRScreen{cache: &qrCache{}}
	}
	return showQRScreen{key: *cfg.ShowKey, cache: &qrCache{}}
}})

func (showQRScreen) mode(*common) mode { return mode{full: true, globals: gLang | gPresenter} }

func (s showQRScreen) keys(c *common) []key.Binding {
	k := c.km.showQR
	inv := k.Invert
	inv.SetEnabled(!c.presenter && c.noColour)
	return []key.Binding{inv, k.Close}
}

func (s showQRScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	k := c.km.showQR
	press, _ := msg.(tea.KeyPressMsg)
	switch {
	case key.Matches(press, k.Close):
		return s, quitApp{}, nil
	case key.Matches(press, k.Invert) && c.noColour: // with colour there is nothing to invert
		s.invert = !s.invert
		return s, redraw{}, nil
	}
	return s, unchanged{}, nil
}

func (s showQRScreen) view(c *common, w, h int) string {
	bh := h - 1
	var left, note []string
	lw := 0
	if !c.presenter {
		left, lw, note = drawCode(c, s.cache, s.key.Text, s.invert, bh)
	}
	rw := w - lw - columnGap
	if lw == 0 {
		rw = w - 2
	}
	return fullFrame(c, sideBySide(left, lw, s.column(c, rw, bh, lw > 0, note), bh))
}

func (s showQRScreen) column(c *common, w, h int, codeShown bool, note []string) []string {
	st, k := c.st, s.key
	d := guide.With(mfaData(c), "Issuer", k.Issuer, "Account", guide.ShownAccount(k.Account, c.presenter),
		"Digits", strconv.Itoa(k.Digits), "Period", strconv.Itoa(k.Period), "Algorithm", k.Algorithm)
	var notes, labels, manual []string
	for _, n := range note {
		notes = append(notes, wrap(st.Warning, n, w)...)
	}
	if codeShown {
		notes = append(notes, wrap(st.Text, c.z.T("ShowQRScan", d), w)...)
	}
	if k.Issuer != "" {
		labels = append(labels, wrap(st.Text, c.z.T("ShowQRIssuer", d), w)...)
	}
	if k.Account != "" {
		labels = append(labels, wrap(st.Text, c.z.T("ShowQRAccount", d), w)...)
	}
	if k.Digits != 6 || k.Period != 30 || k.Algorithm != "SHA1" {
		labels = append(labels, wrap(st.Warning, c.z.T("ShowQRSettings", d), w)...)
	}
	if c.presenter {
		manual = wrap(st.Bold, c.z.T("MaskQRHidden", d), w)
	} else {
		manual = append(wrap(st.Text, c.z.T("ShowQRManual", d), w), keyRows(st.Contact, otpauth.Group(k.Secret), w)...)
	}
	inv := c.km.showQR.Invert
	inv.SetEnabled(codeShown && c.noColour)
	keys := wrapKeys(c, []key.Binding{inv, c.km.showQR.Close}, w)
	title := "ShowQRTitle"
	if !codeShown { // no code drawn (presenter mode, a small window): nothing to scan here
		title = "ShowQRTitleNoCode"
	}
	return fitLines([][]string{wrap(st.Heading, c.z.T(title, d), w), notes, labels, manual, keys}, h)
}
