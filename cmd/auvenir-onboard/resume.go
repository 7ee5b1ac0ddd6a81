package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/progress"
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

// wizardProgress gives the wizard its store and what it found there: progress to offer (in the
// language it was saved in, unless --lang says otherwise), or one line about a file that could
// not be used. --reset forgets the progress first. --step asks for a place: no offer then.
func wizardProgress(o *options, cfg *tui.Config, z *locales.Localizer) {
	store := progressStore()
	if store == nil {
		return
	}
	cfg.Progress = store
	if o.reset {
		if err := store.Reset(); err == nil {
			cfg.Notice = z.T("ResumeForgotten")
		}
		return
	}
	st, found, err := store.Load()
	var perr *progress.Error
	if errors.As(err, &perr) {
		cfg.Notice = perr.Message(z)
		return
	}
	if !found {
		return
	}
	if o.lang == "" {
		cfg.Lang, cfg.LangKnown = st.Lang, true
	}
	if o.step == 0 {
		cfg.Resume = &st
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
