package plain

import (
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/totp"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Step 9's practice enrolment in plain mode: the same throw-away key and verifier as the TUI's
// (package totp), shown as grouped text only (plain mode draws nothing, so no QR code), then the
// code the app shows is checked on the session's clock, with the TUI's messages.
//
// Plain mode has no alternate screen to hide the key in, so it is shown only in a terminal
// window (Config.Terminal), and the window and its scrollback are erased when the person leaves
// the practice, however they leave it. The key is never written anywhere else.

// ClearSequence moves the cursor home, erases the screen, then the scrollback (xterm's E3, which
// Windows Terminal, GNOME Terminal, iTerm2, tmux and others honour).
const ClearSequence = "\x1b[H\x1b[2J\x1b[3J"

// step9 is what step 9's prompts produced, in memory only: progress.State has no field for a
// key, a code or a number.
type step9 struct {
	practice    *totp.Practice // made when the practice first opens, kept for the session
	verifiedNow bool           // a code was verified during the practice being closed: say what comes next
}

func (s *session) practiceField() Field {
	return Field{
		Widget:   steps.WidgetMFAOptions,
		MenuID:   "PlainMenuPractice",
		PromptID: "PlainPracticePrompt",
		Open:     s.openPractice,
		Accept:   s.checkCode,
		Leave:    true,
		Close:    s.closePractice,
		Show: func(z *locales.Localizer, n int) []string {
			d := guide.With(s.data(), "N", n)
			lines := []string{z.T("PlainStep9Practice", d)}
			if s.w.PracticeDone() {
				lines = append(lines, z.T("Step9PracticeDone", d))
			}
			return lines
		},
	}
}

// openPractice shows how to add the practice key to the app, and the key, when the window can
// erase it afterwards.
func (s *session) openPractice(z *locales.Localizer) ([]string, bool) {
	d := s.data()
	if s.cfg.Presenter {
		return []string{z.T("MaskQRHidden", d)}, false
	}
	if !s.cfg.Terminal {
		return []string{z.T("PlainPracticeNeedsTerminal", guide.With(d, "Flag", "--plain --totp-practice"))}, false
	}
	if s.step9.practice == nil {
		p, err := totp.NewPractice(z, s.w.Email())
		if err != nil {
			return []string{z.T("PracticeErrKey", d)}, false
		}
		s.step9.practice = p
	}
	p := s.step9.practice
	s.step9.verifiedNow = false
	d = guide.With(d, "Issuer", p.Issuer(), "Account", p.Account(), "KeyLength", len(p.Secret()))
	return []string{
		"",
		z.T("PracticeTitle", d),
		z.T("PracticeStepAdd", d),
		z.T("PlainPracticeManual", d),
		p.GroupedSecret(),
	}, true
}

// checkCode judges a typed code at the session's clock; anything but a verified code asks again.
func (s *session) checkCode(z *locales.Localizer, typed string) ([]string, bool) {
	r := s.step9.practice.Verifier().Check(typed, s.cfg.Now())
	said := []string{z.T(r.MessageID(), r.Data())}
	if r.Outcome != totp.Verified {
		return said, true
	}
	s.step9.verifiedNow = true
	s.w.PracticeVerified()
	return said, false
}

// closePractice erases the window and its scrollback, says so, and after a verified code tells
// the person to delete the practice entry and what Microsoft's page will show.
func (s *session) closePractice(z *locales.Localizer) []string {
	s.clear()
	d := guide.With(s.data(), "Issuer", s.step9.practice.Issuer())
	lines := []string{z.T("PlainPracticeCleared", d)}
	if s.step9.verifiedNow {
		lines = append(lines, "",
			z.T("PracticeDoneTitle", d), z.T("PracticeDoneBody", d),
			z.T("PracticeDeleteHeading", d), z.T("PracticeDelete", d),
			z.T("PracticeRealHeading", d), z.T("PracticeReal", d))
	}
	return append(lines, "")
}

func (s *session) clear() {
	if s.cfg.Clear == nil {
		s.out.raw(ClearSequence)
		return
	}
	if s.out.err == nil {
		s.out.err = s.cfg.Clear()
	}
}
