package plain

import (
	"errors"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/walkthrough"
	"github.com/auvenir/auvenir-onboard/steps"
)

// save writes the progress when a choice changed it. A failure is said once and the guide goes on.
func (s *session) save() {
	if err := s.saver.Save(s.w.State()); err != nil {
		s.out.line(s.z.T("ResumeSaveFailed", guide.With(s.data(), "Err", err.Error())))
	}
}

// offerResume asks whether to continue where the person stopped, as the TUI does; it reports
// false when the input ended before an answer. Starting over forgets the progress only after
// naming what is lost and a yes (an empty answer is no).
func (s *session) offerResume() bool {
	r := s.cfg.Resume
	if r == nil || !walkthrough.Offerable(*r) {
		return true
	}
	screens := s.w.Screens()
	for {
		d := s.data()
		o := guide.ResumeOffer(s.z, screens[steps.ByKey(screens, r.Screen)], d)
		s.out.line("")
		s.out.line(o.Title)
		s.out.line(o.Where)
		s.out.line(o.Place)
		s.out.line(o.Question)
		entries := []entry{{1, s.z.T("PlainMenuContinue", d), nil}, {2, s.z.T("PlainMenuStartOver", d), nil}}
		s.out.line(s.z.T("PlainPrompt", guide.With(d, "Choices", choicesText(entries))))
		typed, ok := s.in.read()
		if !ok {
			return false
		}
		e, found := pick(entries, typed)
		switch {
		case !found:
			s.out.line(s.z.T("PlainInvalidChoice", d))
		case e.n == 1:
			s.resume(*r)
			return true
		default:
			forget, ok := s.askForget(*r)
			if !ok {
				return false
			}
			if forget {
				return true
			}
		}
	}
}

// askForget names what forgetting r deletes and asks; it reports whether r was forgotten, and
// false for ok when the input ended.
func (s *session) askForget(r progress.State) (forgot, ok bool) {
	d := s.data()
	s.out.line(s.z.T("ForgetTitle", d))
	s.out.line(s.z.T("ForgetIntro", d))
	for _, l := range walkthrough.Losses(s.z, r, d, s.cfg.Presenter) {
		s.out.line("- " + l)
	}
	yes, ok := s.confirm(s.z.T("ForgetQuestion", d), "PlainMenuForgetNo", "PlainMenuForgetYes")
	if !ok || !yes {
		return false, ok
	}
	if err := s.saver.Forget(s.w.State()); err != nil {
		var perr *progress.Error
		if !errors.As(err, &perr) {
			perr = &progress.Error{ID: progress.IDResetFailed, Err: err}
		}
		s.out.line(perr.Message(s.z))
	} else {
		s.out.line(s.z.T("ForgetDone", nil))
	}
	return true, true
}

func (s *session) resume(r progress.State) {
	s.w.Resume(r)
	s.setLang(s.w.Lang())
}
