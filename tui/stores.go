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

// storesScreen shows both codes side by side, or one at a time (tab) when they do not fit.
type storesScreen struct {
	store  int // which store's code shows when only one fits the window
	invert bool
}

var _ = register(idStores, entry{make: func(Config) screen { return storesScreen{} }})

func (storesScreen) mode(*common) mode { return mode{full: true, globals: gQuit | gLang | gPresenter} }

func (s storesScreen) keys(c *common) []key.Binding { return s.bindings(c, s.switches(c)) }

// bindings are the screen's keys, with tab or without.
func (storesScreen) bindings(c *common, switches bool) []key.Binding {
	k := c.km.stores
	sw := k.Switch
	sw.SetEnabled(switches)
	inv := k.Invert
	inv.SetEnabled(c.noColour)
	return []key.Binding{sw, inv, k.Back}
}

func (s storesScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	k := c.km.stores
	press, _ := msg.(tea.KeyPressMsg)
	switch {
	case key.Matches(press, k.Back):
		return s, closeScreen{}, nil
	case key.Matches(press, k.Switch) && s.switches(c):
		s.store = (s.store + 1) % len(stores)
		return s, redraw{}, nil
	case key.Matches(press, k.Invert) && c.noColour: // with colour there is nothing to invert
		s.invert = !s.invert
		return s, redraw{}, nil
	}
	return s, unchanged{}, nil
}

// rowsAbove are the rows above a code: the title, then the store's name. The addresses are not
// repeated under the codes: they would not fit half a window, and step 9 shows them in full.
func (storesScreen) rowsAbove(c *common) int {
	return len(wrap(c.st.Heading, c.z.T("Step9StoresTitle", mfaData(c)), c.w-2)) + 1
}

// panel is the room for one code when two share the window: half its width, and its height
// less the rows around the code, the keys and the support line.
func (s storesScreen) panel(c *common) (w, h int) {
	k := c.km.stores
	keys := wrapKeys(c, []key.Binding{k.Switch, k.Invert, k.Back, c.km.global.Quit}, c.w-2)
	return (c.w - columnGap) / 2, c.h - 1 - s.rowsAbove(c) - len(keys)
}

// code draws one store's code for a panel of w×h cells, without a cache: the two codes change
// only with the window, the background and i.
func (s storesScreen) code(c *common, st steps.Store, w, h int) (qr.Rendering, error) {
	return qr.Fit(st.URL, qrOptions(c, s.invert), w, h)
}

// bothFit reports whether the two codes fit side by side; otherwise tab switches.
func (s storesScreen) bothFit(c *common) bool {
	w, h := s.panel(c)
	for _, st := range stores {
		if _, err := s.code(c, st, w, h); err != nil {
			return false
		}
	}
	return true
}

// switches reports whether tab has something to do: one code at a time fits, two do not. On a
// window too small for any code both addresses show as text, and tab would change nothing.
func (s storesScreen) switches(c *common) bool {
	if s.bothFit(c) {
		return false
	}
	keys := wrapKeys(c, append(s.bindings(c, true), c.km.global.Quit), c.w-2)
	h := c.h - 1 - s.rowsAbove(c) - len(keys)
	for _, st := range stores {
		if _, err := s.code(c, st, c.w-2, h); err == nil {
			return true
		}
	}
	return false
}

func (s storesScreen) view(c *common, w, h int) string {
	st, d := c.st, mfaData(c)
	bh := h - 1
	title := wrap(st.Heading, c.z.T("Step9StoresTitle", d), w-2)
	keys := wrapKeys(c, append(s.keys(c), c.km.global.Quit), w-2)
	panel := func(store steps.Store, pw, ph int) ([]string, bool) {
		label := st.Bold.Render(store.Name) + " " + st.Muted.Render(c.z.T(store.DeviceID, d))
		r, err := s.code(c, store, pw, ph)
		if err != nil {
			return nil, false
		}
		return append([]string{label}, strings.Split(r.Text, "\n")...), true
	}
	pw, ph := s.panel(c)
	var body []string
	if left, ok := panel(stores[0], pw, ph); ok && s.bothFit(c) {
		right, _ := panel(stores[1], pw, ph)
		body = joinColumns(left, pw, columnGap, right)
	} else if one, ok := panel(stores[s.store], w-2, bh-s.rowsAbove(c)-len(keys)); ok {
		body = one
	} else {
		// Too small even for one code: the addresses as text, to type or click.
		body = wrap(st.Warning, c.z.T("Step9StoresTooSmall", d), w-2)
		for _, store := range stores {
			body = append(body, "", st.Bold.Render(store.Name)+" "+st.Muted.Render(c.z.T(store.DeviceID, d)))
			body = append(body, wrap(st.Link, store.URL, w-2)...)
		}
	}
	lines := fitLines([][]string{append(title, body...), keys}, bh)
	return fullFrame(c, sideBySide(nil, 0, lines, bh))
}
