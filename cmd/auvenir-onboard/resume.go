package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/tui"
)

// progressStore is where progress is kept: under the user's configuration directory. Without
// one (no HOME), the guide works and saves nothing.
func progressStore() *progress.Store {
	dir, err := progress.DefaultDir()
	if err != nil {
		return nil
	}
	return &progress.Store{Dir: dir}
}

// saved is what the store holds for this start, for the wizard and the plain mode alike.
type saved struct {
	store  *progress.Store
	resume *progress.State // progress to offer; nil for none
	notice string          // one line: a file ignored, or progress forgotten
	lang   locales.Lang    // the saved language, when --lang did not choose one
}

// loadProgress reads the saved progress. --reset forgets it first. A file that cannot be used
// becomes the notice. --step asks for a place: no offer then.
func loadProgress(o *options, z *locales.Localizer) saved {
	store := progressStore()
	if store == nil {
		return saved{}
	}
	s := saved{store: store}
	if o.reset {
		if err := store.Reset(); err == nil {
			s.notice = z.T("ResumeForgotten")
		}
		return s
	}
	st, found, err := store.Load()
	var perr *progress.Error
	switch {
	case errors.As(err, &perr):
		s.notice = perr.Message(z)
	case found:
		if o.lang == "" {
			s.lang = st.Lang
		}
		if o.step == 0 && !o.totpPractice { // --totp-practice asks for a place too
			s.resume = &st
		}
	}
	return s
}

// wizardProgress gives the wizard its store and what was found there.
func wizardProgress(o *options, cfg *tui.Config, z *locales.Localizer) {
	s := loadProgress(o, z)
	cfg.Progress, cfg.Resume, cfg.Notice = s.store, s.resume, s.notice
	if s.lang != "" {
		cfg.Lang, cfg.LangKnown = s.lang, true
	}
}

// resetOnly is --reset without a terminal: forget, say so, and stop there successfully, since
// forgetting was all that could be asked of a script.
func resetOnly(stdout, stderr io.Writer, z *locales.Localizer) int {
	store := progressStore()
	if store != nil {
		if err := store.Reset(); err != nil {
			fmt.Fprintln(stderr, z.T("ResumeUnreadable", map[string]any{"Path": store.Path(), "Cmd": "auvenir-onboard", "ResetFlag": "--reset"}))
			return 1
		}
	}
	fmt.Fprintln(stdout, z.T("ResumeForgotten"))
	return 0
}
