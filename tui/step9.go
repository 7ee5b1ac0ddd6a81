package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/qr"
	"github.com/auvenir/auvenir-onboard/internal/totp"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Step 9 is where clients get stuck, so its two options can be rehearsed: a practice enrolment
// in Microsoft Authenticator (practice.go), the store pages as QR codes (stores.go) and a check of
// the mobile number (phone.go). --show-qr reuses the code screen for a given key (showqr.go).

// mfaChosen: the person rehearsed an option; the saved progress records which (never a key, a
// code or a number: progress.State has no field for them).
type mfaChosen struct {
	opt    progress.MFA
	number string // the number checked, for option 2
}

// optionsScreen is step 9's part under its text: what a, g and t open, the store pages, and
// what was done. What was done comes from the practice and the phone screens, read at drawing.
type optionsScreen struct{}

var _ = register(idOptions, entry{widget: steps.WidgetMFAOptions, make: func(Config) screen { return optionsScreen{} }})

func (optionsScreen) mode(*common) mode { return mode{globals: gAll} }

// Each key is on the part of step 9 it belongs to (steps.Part.Offers): g with the store pages,
// a with option 1's other ways, t with option 2.
func (optionsScreen) keys(c *common) []key.Binding {
	k := c.km.options
	var out []key.Binding
	if c.walk.Offers(steps.OfferPractice) {
		out = append(out, k.Practice)
	}
	if c.walk.Offers(steps.OfferStores) {
		out = append(out, k.Stores)
	}
	// Text-message codes end (assets/smsvoice.toml): then there is no number to check.
	if c.walk.Offers(steps.OfferPhone) && c.walk.PhoneOffered(c.clock()) {
		out = append(out, k.Phone)
	}
	return out
}

func (s optionsScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	k := c.km.options
	press, _ := msg.(tea.KeyPressMsg)
	on := s.keys(c)
	switch {
	case key.Matches(press, k.Practice) && matches(press, on):
		return s, openScreen{idPractice}, nil
	case key.Matches(press, k.Stores) && matches(press, on):
		return s, openScreen{idStores}, nil
	case key.Matches(press, k.Phone) && matches(press, on):
		return s, openScreen{idPhone}, nil
	}
	return s, unchanged{}, nil
}

func (s optionsScreen) view(c *common, w, _ int) string {
	st := c.st
	d := mfaData(c)
	k := c.km.options
	keyLine := func(b key.Binding, id string) string {
		lines := wrap(st.Text, c.z.T(id, d), max(10, w-2))
		for i := range lines {
			lines[i] = "  " + lines[i]
		}
		lines[0] = st.Help.ShortKey.Render(b.Help().Key) + lines[0][1:]
		return strings.Join(lines, "\n")
	}
	// The store pages themselves are content blocks, right after option 1 (issue 10, item 9).
	var out []string
	if c.walk.Offers(steps.OfferStores) {
		out = append(out, keyLine(k.Stores, "Step9StoresHint"))
	}
	if c.walk.Offers(steps.OfferPractice) {
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, fill(st.SubHeading, c.z.T("Step9PracticeHeading", d), w), keyLine(k.Practice, "Step9PracticeHint"))
		if c.walk.PracticeDone() {
			out = append(out, fill(st.Success, glyphs.Done+" "+c.z.T("Step9PracticeDone", d), w))
		}
	}
	if !c.walk.PhoneOffered(c.clock()) || !c.walk.Offers(steps.OfferPhone) {
		return strings.Join(out, "\n")
	}
	if len(out) > 0 {
		out = append(out, "")
	}
	out = append(out, fill(st.SubHeading, c.z.T("Step9PhoneHeading", d), w), keyLine(k.Phone, "Step9PhoneHint"))
	if n := c.walk.Number(); n != "" {
		out = append(out, fill(st.Success, glyphs.Done+" "+c.z.T("Step9PhoneDone", guide.With(d, "Number", guide.ShownNumber(n, c.presenter))), w))
	}
	return strings.Join(out, "\n")
}

// mfaData is the template data of step 9's messages: the guide's facts and the app's labels.
func mfaData(c *common) map[string]any {
	d := c.data()
	for k, v := range steps.AuthenticatorLabels() {
		d[k] = v
	}
	d["Digits"] = totp.CodeLen
	return d
}

// qrCache keeps the last drawing: the frame is composed on every key, a QR code need not be. It
// is shared by the copies of its screen, as a cache may be.
type qrCache struct {
	text       string
	o          qr.Options
	maxW, maxH int
	r          qr.Rendering
	err        error
	valid      bool
	renders    int
}

func (c *qrCache) fit(text string, o qr.Options, maxW, maxH int) (qr.Rendering, error) {
	if c.valid && c.text == text && c.o == o && c.maxW == maxW && c.maxH == maxH {
		return c.r, c.err
	}
	c.renders++
	c.r, c.err = qr.Fit(text, o, maxW, maxH)
	c.text, c.o, c.maxW, c.maxH, c.valid = text, o, maxW, maxH, true
	return c.r, c.err
}

// qrOptions paints every module where there is colour (the background does not matter then);
// without colour it draws glyphs for the background the terminal reported (dark until it
// answers), inverted on i.
func qrOptions(c *common, invert bool) qr.Options {
	o := qr.Options{Invert: invert, Colour: !c.noColour}
	if !c.isDark {
		o.Background = qr.Light
	}
	return o
}

// drawCode fits the QR code of text on the left of the window, leaving the right column its
// room. When the window is too small it returns instead what to say: the size it needs.
func drawCode(c *common, cache *qrCache, text string, invert bool, bh int) (lines []string, w int, note []string) {
	r, err := cache.fit(text, qrOptions(c, invert), c.w-columnMin-columnGap, bh)
	if err == nil {
		return strings.Split(r.Text, "\n"), r.Width, nil
	}
	var e *qr.Error
	if errors.As(err, &e) && errors.Is(err, qr.ErrTooSmall) {
		need := guide.With(c.data(), "NeedW", e.Data["W"].(int)+columnMin+columnGap, "NeedH", e.Data["H"].(int)+1,
			"W", c.w, "H", c.h)
		return nil, 0, []string{c.z.T("PracticeQRTooSmall", need)}
	}
	if errors.As(err, &e) {
		return nil, 0, []string{e.Message(c.z)}
	}
	return nil, 0, []string{err.Error()}
}

// fullFrame puts the body above the support line.
func fullFrame(c *common, body []string) string {
	sup := c.st.Footer.Render(truncate(c.z.T("FooterSupport", c.data()), max(1, c.w-2)))
	return strings.Join(body, "\n") + "\n " + sup
}
