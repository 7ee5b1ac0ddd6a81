package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

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
// Step 9's practice key is shown only when stdout is a window that can erase it afterwards: a
// terminal, and not TERM=dumb (an editor's shell buffer keeps everything). An interrupt (ctrl+c,
// a closed window) ends the guide as the end of input does, erasing a practice key first.
func runPlain(o *options, lang locales.Lang, langKnown bool, stdout, stderr io.Writer, getenv func(string) string) int {
	cfg := plain.Config{Lang: lang, LangKnown: langKnown, Step: o.step, Practice: o.totpPractice,
		Presenter: o.presenter, Terminal: isTerminal(stdout) && getenv("TERM") != "dumb"}
	s := loadProgress(o, locales.New(lang))
	cfg.Progress, cfg.Resume, cfg.Notice = s.store, s.resume, s.notice
	if s.lang != "" {
		cfg.Lang, cfg.LangKnown = s.lang, true
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sig)
	cfg.Interrupt = sig
	err := plain.Run(cfg, plainInput, stdout)
	switch {
	case errors.Is(err, plain.ErrInterrupted):
		return 130
	case err != nil:
		fmt.Fprintln(stderr, locales.New(lang).T("ErrRun", guide.With(steps.Facts(), "Err", err.Error())))
		return 1
	}
	return 0
}
