package main

import (
	"errors"
	"fmt"
	"runtime"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/tui"
)

// progressStore is where progress is kept: under the user's configuration directory. Without
// one (no HOME, or %AppData%), the guide works and saves nothing, and err says so in a line.
func progressStore(s *ioStreams) (*progress.Store, error) {
	dir, err := s.ConfigDir()
	if err != nil {
		return nil, err
	}
	return &progress.Store{Dir: progress.DirUnder(dir)}, nil
}

// noStore is the line that says progress cannot be saved, and why.
func noStore(err error, z *locales.Localizer) string {
	var perr *progress.Error
	if !errors.As(err, &perr) {
		v := "HOME"
		if runtime.GOOS == "windows" {
			v = "%AppData%"
		}
		perr = &progress.Error{ID: progress.IDNoFolder, Var: v, Err: err}
	}
	return perr.Message(z)
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
	store, err := progressStore(s)
	if err != nil {
		return saved{notice: noStore(err, z)} // saving is off: said, never silent
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

// resetOnly is --reset without a terminal: forget, say what was deleted or that nothing was
// saved, and stop there successfully, since forgetting was all that could be asked of a
// script. Without a folder for progress, nothing can have been saved there: said, exit 1.
func resetOnly(s *ioStreams, z *locales.Localizer) int {
	store, err := progressStore(s)
	if err != nil {
		fmt.Fprintln(s.ErrOut, noStore(err, z))
		return 1
	}
	removed, err := store.Forget()
	if err != nil {
		fmt.Fprintln(s.ErrOut, resetError(err, z))
		return 1
	}
	fmt.Fprintln(s.Out, forgotten(store, removed, z))
	return 0
}

// resetNotice is what --reset says at the start of the guide: what was forgotten, that nothing
// was saved, or why not and what to do, which is never "--reset" again.
func resetNotice(store *progress.Store, z *locales.Localizer) string {
	removed, err := store.Forget()
	if err != nil {
		return resetError(err, z)
	}
	return forgotten(store, removed, z)
}

// forgotten names the file deleted, or says there was none: "forgotten" only when it was.
func forgotten(store *progress.Store, removed bool, z *locales.Localizer) string {
	id := "ResumeNothingSaved"
	if removed {
		id = "ResumeForgotten"
	}
	return z.T(id, map[string]any{"Path": store.Path()})
}

func resetError(err error, z *locales.Localizer) string {
	var perr *progress.Error
	if errors.As(err, &perr) {
		return perr.Message(z)
	}
	return (&progress.Error{ID: progress.IDResetFailed, Err: err}).Message(z)
}
