package plain

import (
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/steps"
)

// snapshot is the progress to save; progress.State has no field a secret could go in.
func (s *session) snapshot() progress.State {
	return progress.State{Version: progress.Version, Screen: s.screen().Key, Lang: s.z.Lang(),
		Email: s.email, CodeSent: s.codeSent, MFA: s.mfa, SignIn: s.signIn}
}

// save writes the progress when a choice changed it. A failure is said once and the guide goes on.
func (s *session) save() {
	if s.cfg.Progress == nil {
		return
	}
	st := s.snapshot()
	if st.CodeSent.Equal(s.last.CodeSent) {
		st.CodeSent = s.last.CodeSent
	}
	if st == s.last {
		return
	}
	s.last = st
	if err := s.cfg.Progress.Save(st); err != nil && !s.saveErr {
		s.saveErr = true
		s.out.line(s.z.T("ResumeSaveFailed", guide.With(s.data(), "Err", err.Error())))
	}
}

// offerResume asks whether to continue where the person stopped, as the TUI does; it reports
// false when the input ended before an answer.
func (s *session) offerResume() bool {
	r := s.cfg.Resume
	if r == nil {
		return true
	}
	i := steps.ByKey(s.screens, r.Screen)
	if i <= 0 || s.screens[i].Kind == steps.KindFinish {
		return true
	}
	d := s.data()
	o := guide.ResumeOffer(s.z, s.screens[i], d)
	s.out.line("")
	s.out.line(o.Title)
	s.out.line(o.Where)
	s.out.line(o.Place)
	s.out.line(o.Question)
	entries := []entry{
		{1, s.z.T("PlainMenuContinue", d), func() bool { s.resume(*r, i); return true }},
		{2, s.z.T("PlainMenuStartOver", d), func() bool {
			if s.cfg.Progress != nil {
				s.cfg.Progress.Reset()
			}
			return true
		}},
	}
	for {
		s.out.line(s.z.T("PlainPrompt", guide.With(d, "Choices", choicesText(entries))))
		typed, ok := s.in.read()
		if !ok {
			return false
		}
		if e, found := pick(entries, typed); found {
			return e.do()
		}
		s.out.line(s.z.T("PlainInvalidChoice", d))
	}
}

func (s *session) resume(r progress.State, i int) {
	s.cur = i
	s.email = r.Email
	s.codeSent = r.CodeSent
	s.mfa = r.MFA
	s.signIn = r.SignIn
	s.last = r
}
