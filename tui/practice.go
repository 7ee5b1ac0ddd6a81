package tui

import (
	"io"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/totp"
)

// The practice enrolment: a throw-away key shown as a QR code and as text, which the person adds
// to Microsoft Authenticator as an "other account"; then the code the app shows is checked, which
// also catches a phone whose clock is off. The screen takes the whole window (the smallest code
// is 45×23 cells) on the alternate screen, so the key is gone from the terminal on quitting.

// practiceScreen is the practice enrolment. The key lives here, in memory only: no field of the
// saved progress can hold it, and nothing here is ever written out. It is kept when the screen
// closes, so coming back shows the same key (the entry already in the app keeps working).
type practiceScreen struct {
	p        *totp.Practice // made when the practice first opens, once the language is known
	err      string         // the key could not be made (no randomness): said instead
	rand     io.Reader      // the key's randomness; nil for the system's
	invert   bool           // i: dark and light modules swapped
	code     field
	result   *totp.Result // the last code checked, or a refusal; nil before any
	checked  bool         // the field shows a code already checked: typing starts a new one
	verified bool         // a code was verified once: the practice has done its job
	cache    *qrCache
}

func newPracticeScreen(r io.Reader) practiceScreen {
	code := textinput.New()
	code.CharLimit = 32 // a few spaces around six digits; totp.ParseCode looks no further
	code.SetWidth(10)
	code.Prompt = glyphs.Prompt + " "
	code.Placeholder = "123 456"
	return practiceScreen{rand: r, code: newField(code), cache: &qrCache{}}
}

var _ = register(idPractice, entry{make: func(cfg Config) screen { return newPracticeScreen(cfg.practiceRand) }})

// Letters are text in the code field: of the global keys l and P apply (no code has them), so
// an agent can hide a key already on screen.
func (practiceScreen) mode(*common) mode {
	return mode{full: true, text: true, globals: gLang | gPresenter}
}

func (s practiceScreen) keys(c *common) []key.Binding {
	k := c.km.practice
	inv := k.Invert
	inv.SetEnabled(s.codeShown(c) && c.noColour)
	return []key.Binding{k.Check, inv, k.Back}
}

// codeShown: the QR code is on screen (not verified yet, not presenting, made).
func (s practiceScreen) codeShown(c *common) bool {
	return s.p != nil && !s.verified && !c.presenter
}

// ensure makes the key once the language (the issuer's name) is known.
func (s practiceScreen) ensure(c *common) practiceScreen {
	if s.p != nil || s.err != "" {
		return s
	}
	p, err := totp.NewPracticeFrom(c.z, c.walk.Email(), s.rand)
	if err != nil {
		s.err = c.z.T("PracticeErrKey")
		return s
	}
	s.p = p
	return s
}

// langKnown makes the key and puts the keys in the code field (--totp-practice opens here
// before the language is chosen).
func (s practiceScreen) langKnown(c *common) screen {
	s = s.ensure(c)
	if !s.code.Focused() {
		s.code, _ = s.code.Focus()
	}
	return s
}

func (s practiceScreen) opened(c *common) (screen, tea.Cmd) {
	s = s.ensure(c)
	var cmd tea.Cmd
	s.code, cmd = s.code.Focus()
	return s, cmd
}

func (s practiceScreen) closed(*common) screen {
	s.code = s.code.Blur()
	return s
}

// update: digits (and anything else typed) go to the code field; enter checks it.
func (s practiceScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	k := c.km.practice
	if press, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(press, k.Back):
			return s, closeScreen{}, nil
		case key.Matches(press, k.Check):
			s = s.checkCode(c)
			if s.verified {
				return s, mfaChosen{opt: progress.MFAAuthenticator}, nil
			}
			return s, redraw{}, nil
		case key.Matches(press, k.Invert) && s.codeShown(c):
			if !c.noColour {
				return s, unchanged{}, nil // every module is painted: nothing to invert
			}
			s.invert = !s.invert
			return s, redraw{}, nil
		}
		if press.Text != "" {
			s = s.startNewCode()
		}
	} else if _, paste := msg.(tea.PasteMsg); paste {
		s = s.startNewCode()
	} else {
		return s, unchanged{}, nil
	}
	var cmd tea.Cmd
	s.code, cmd = s.code.Update(msg)
	s = s.liveCodeCheck()
	return s, redraw{}, cmd
}

// startNewCode empties the field when it still shows a code already checked: the app shows a
// new code every 30 seconds, and the person types it without deleting the old one first.
func (s practiceScreen) startNewCode() practiceScreen {
	if s.checked {
		s.code = s.code.SetValue("")
		s.checked = false
	}
	return s
}

// liveCodeCheck refuses at once what can never become a code (a letter, a seventh digit),
// keeping the text so the person sees and fixes it.
func (s practiceScreen) liveCodeCheck() practiceScreen {
	v := s.code.Value()
	digits, other := 0, false
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r != ' ':
			other = true
		}
	}
	switch {
	case other || digits > totp.CodeLen:
		s.result = &totp.Result{Outcome: totp.Malformed}
	case s.result != nil && s.result.Outcome == totp.Malformed:
		s.result = nil
	}
	return s
}

// checkCode judges the typed code at the clock. A refused text stays as typed; a code that was
// checked stays shown until the person types the next one.
func (s practiceScreen) checkCode(c *common) practiceScreen {
	if s.p == nil {
		return s
	}
	typed := s.code.Value()
	if _, ok := totp.ParseCode(typed); !ok {
		s.result = &totp.Result{Outcome: totp.Malformed}
		return s
	}
	r := s.p.Verifier().Check(typed, c.clock())
	s.result = &r
	s.checked = true
	if r.Outcome == totp.Verified {
		s.verified = true
	}
	return s
}

// view: the code on the left (or, once verified, what to do next), the text on the right.
func (s practiceScreen) view(c *common, w, h int) string {
	bh := h - 1
	var left, note []string
	lw := 0
	switch {
	case s.p == nil:
	case s.verified:
		lw = w - columnMin - columnGap
		left = s.donePanel(c, lw-1, bh)
	case c.presenter:
	default:
		left, lw, note = drawCode(c, s.cache, s.p.URI(), s.invert, bh)
	}
	rw := w - lw - columnGap
	if lw == 0 {
		rw = w - 2
	}
	return fullFrame(c, sideBySide(left, lw, s.column(c, rw, bh, lw > 0 && !s.verified, note), bh))
}

// column is the text beside the code: how to add it, the key, the field and the result.
func (s practiceScreen) column(c *common, w, h int, codeShown bool, note []string) []string {
	st, d := c.st, mfaData(c)
	title := wrap(st.Heading, c.z.T("PracticeTitle", d), w)
	// enter is in the field's label; the keys line names the others.
	k := c.km.practice
	inv := k.Invert
	inv.SetEnabled(codeShown && c.noColour)
	keyLines := wrapKeys(c, []key.Binding{inv, k.Back, c.km.global.Interrupt}, w)
	if s.p == nil {
		return fitLines([][]string{title, wrap(st.Error, s.err, w), keyLines}, h)
	}
	d = guide.With(d, "Issuer", s.p.Issuer(), "Account", s.p.Account())
	var notes []string
	for _, n := range note {
		notes = append(notes, wrap(st.Warning, n, w)...)
	}
	var how, manual []string
	if !s.verified {
		how = wrap(st.Text, c.z.T("PracticeStepAdd", d), w)
		if codeShown {
			how = append(how, wrap(st.Text, c.z.T("PracticeStepScan", d), w)...)
		}
		if c.presenter {
			manual = wrap(st.Bold, c.z.T("MaskQRHidden", d), w)
		} else {
			manual = append(wrap(st.Text, c.z.T("PracticeManual", d), w), keyRows(st.Contact, s.p.GroupedSecret(), w)...)
		}
	}
	label := "PracticeCodeLabel"
	if s.verified {
		label = "PracticeCodeAgain"
	}
	// The steps are numbered 1 add, 2 scan, 3 type; without a code to scan, typing is step 2.
	n := 3
	if !codeShown {
		n = 2
	}
	code := s.code.copy()
	code.SetStyles(st.Input)
	field := append(wrap(st.Bold, c.z.T(label, guide.With(d, "N", n)), w), code.View())
	field = append(field, s.resultLines(c, w)...)
	// A short window drops the how-to first: the key stays beside the code, and the field with
	// its verdict (say, how far off the phone's clock is) stays in sight.
	return fitSections([]section{{title, 2}, {notes, 6}, {how, 1}, {manual, 4}, {field, 7}, {keyLines, 3}}, h)
}

// resultLines says what the last code turned out to be.
func (s practiceScreen) resultLines(c *common, w int) []string {
	r := s.result
	if r == nil {
		return nil
	}
	style := c.st.Error
	switch r.Outcome {
	case totp.Verified:
		return wrap(c.st.Success, glyphs.Done+" "+c.z.T(r.MessageID(), r.Data()), w)
	case totp.ClockAhead, totp.ClockBehind:
		style = c.st.warning.Bold(true)
	}
	return wrap(style, c.z.T(r.MessageID(), r.Data()), w)
}

// donePanel replaces the code once a code was verified: delete the practice entry, and what
// Microsoft's own page will show.
func (s practiceScreen) donePanel(c *common, w, h int) []string {
	st := c.st
	d := guide.With(mfaData(c), "Issuer", s.p.Issuer())
	sections := [][]string{
		wrap(st.Success, glyphs.Done+" "+c.z.T("PracticeDoneTitle", d), w),
		wrap(st.Text, c.z.T("PracticeDoneBody", d), w),
		append(wrap(st.SubHeading, c.z.T("PracticeDeleteHeading", d), w), wrap(st.Text, c.z.T("PracticeDelete", d), w)...),
		append(wrap(st.SubHeading, c.z.T("PracticeRealHeading", d), w), wrap(st.Text, c.z.T("PracticeReal", d), w)...),
		nil,
	}
	lines := fitLines(sections, h)
	for i, l := range lines {
		lines[i] = " " + l
	}
	return lines
}
