package main

import (
	"errors"
	"fmt"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/tui"
)

// progressStore is where progress is kept: under the user's configuration directory. Without
// one (no HOME), the guide works and saves nothing.
func progressStore(s *ioStreams) *progress.Store {
	dir, err := s.ConfigDir()
	if err != nil {
		return nil
	}
	return &progress.Store{Dir: progress.DirUnder(dir)}
}

// saved is what the store holds for this start, for the wizard and the plain mode alike.
type saved struct {
	store  *progress.Store
	resume *progress.State // progress to offer; nil for none
	// kept is the progress to start from without asking (--step, --totp-practice): what the
	// client told the guide stays, only the place is theirs to choose, and nothing is saved
	// over it (issue 20, item 2).
	kept   *progress.State
	notice string       // one line: a file ignored, or progress forgotten
	lang   locales.Lang // the saved language, when --lang did not choose one
}

// loadProgress reads the saved progress. --reset forgets it first. A file that cannot be used
// becomes the notice. --step asks for a place: no offer then.
func loadProgress(s *ioStreams, o *options, z *locales.Localizer) saved {
	store := progressStore(s)
	if store == nil {
		return saved{}
	}
	sv := saved{store: store}
	if o.reset {
		sv.notice = resetNotice(store, z)
		return sv
	}
	st, found, err := store.Load()
	var perr *progress.Error
	switch {
	case errors.As(err, &perr):
		sv.notice = perr.Message(z)
	case found:
		if o.lang == "" {
			sv.lang = st.Lang
		}
		if o.step == 0 && !o.totpPractice { // --totp-practice asks for a place too
			sv.resume = &st
		} else {
			sv.kept = &st
		}
	}
	return sv
}

// wizardProgress gives the wizard its store and what was found there.
func wizardProgress(s *ioStreams, o *options, cfg *tui.Config, z *locales.Localizer) {
	sv := loadProgress(s, o, z)
	cfg.Progress, cfg.Resume, cfg.Saved, cfg.Notice = sv.store, sv.resume, sv.kept, sv.notice
	if sv.lang != "" {
		cfg.Lang, cfg.LangKnown = sv.lang, true
	}
}

// resetOnly is --reset without a terminal: forget, say so, and stop there successfully, since
// forgetting was all that could be asked of a script.
func resetOnly(s *ioStreams, z *locales.Localizer) int {
	store := progressStore(s)
	if store != nil {
		if err := store.Reset(); err != nil {
			fmt.Fprintln(s.ErrOut, resetError(err, z))
			return 1
		}
	}
	fmt.Fprintln(s.Out, z.T("ResumeForgotten"))
	return 0
}

// resetNotice is what --reset says at the start of the guide: forgotten, or why not and what
// to do, which is never "--reset" again.
func resetNotice(store *progress.Store, z *locales.Localizer) string {
	if err := store.Reset(); err != nil {
		return resetError(err, z)
	}
	return z.T("ResumeForgotten")
}

func resetError(err error, z *locales.Localizer) string {
	var perr *progress.Error
	if errors.As(err, &perr) {
		return perr.Message(z)
	}
	return (&progress.Error{ID: progress.IDResetFailed, Err: err}).Message(z)
}
