package main

import (
	"fmt"
	"io"
	"os"

	"github.com/auvenir/auvenir-onboard/guide"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/plain"
	"github.com/auvenir/auvenir-onboard/steps"
)

// plainInput is where plain mode reads its answers; a variable so tests can pipe them in.
var plainInput io.Reader = os.Stdin

// plainWanted: --plain, or an environment that asks for no full-screen interface. ACCESSIBLE is
// the convention screen reader users set (any non-empty value); TERM=dumb is a terminal, or an
// editor's shell buffer, that cannot draw one.
func plainWanted(o *options, getenv func(string) string) bool {
	return o.plain || getenv("ACCESSIBLE") != "" || getenv("TERM") == "dumb"
}

// runPlain needs no terminal: answers may come from a pipe, and the end of input ends it.
func runPlain(o *options, lang locales.Lang, langKnown bool, stdout, stderr io.Writer) int {
	cfg := plain.Config{Lang: lang, LangKnown: langKnown, Step: o.step}
	s := loadProgress(o, locales.New(lang))
	cfg.Progress, cfg.Resume, cfg.Notice = s.store, s.resume, s.notice
	if s.lang != "" {
		cfg.Lang, cfg.LangKnown = s.lang, true
	}
	if err := plain.Run(cfg, plainInput, stdout); err != nil {
		fmt.Fprintln(stderr, locales.New(lang).T("ErrRun", guide.With(steps.Facts(), "Err", err.Error())))
		return 1
	}
	return 0
}
