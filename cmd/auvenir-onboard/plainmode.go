package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/plain"
	"github.com/auvenir/auvenir-onboard/internal/sigexit"
	"github.com/auvenir/auvenir-onboard/internal/termecho"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// plainWanted: --plain, or an environment that asks for no full-screen interface. ACCESSIBLE is
// the convention screen reader users set (any non-empty value); TERM=dumb is a terminal, or an
// editor's shell buffer, that cannot draw one.
func plainWanted(o *options, getenv func(string) string) bool {
	return o.plain || getenv("ACCESSIBLE") != "" || getenv("TERM") == "dumb"
}

// hideTyping is how presenter mode keeps the address and the mobile number off the shared
// screen while they are typed: the terminal echoes keys itself, so its echo goes off for those
// prompts. Answers from a pipe are not echoed: nothing to hide, and no terminal to change.
func hideTyping(presenter bool, in io.Reader) func() (restore func()) {
	f, ok := in.(*os.File)
	if !presenter || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return func() func() {
		// A terminal whose echo cannot be changed still takes the answer, shown as typed:
		// refusing the prompt would leave the person stuck.
		restore, _ := termecho.Off(f)
		return restore
	}
}

// signalGrace is how long a failed read waits for the signal that may explain it (sigexit.Await).
const signalGrace = 500 * time.Millisecond

// runPlain needs no terminal: answers may come from a pipe, and the end of input ends it.
// Step 9's practice key is shown only when stdout is a window that can erase it afterwards: a
// terminal, and not TERM=dumb (an editor's shell buffer keeps everything). An interrupt (ctrl+c,
// a closed window) ends the guide as the end of input does, erasing a practice key first.
func runPlain(s *ioStreams, o *options, lang locales.Lang, langKnown bool) int {
	cfg := plain.Config{Lang: lang, LangKnown: langKnown, Step: o.step, Practice: o.totpPractice,
		Presenter: o.presenter, Terminal: s.StdoutTTY && s.Getenv("TERM") != "dumb",
		HideTyping: hideTyping(o.presenter, s.In)}
	sv := loadProgress(s, o, locales.New(lang))
	cfg.Progress, cfg.Resume, cfg.Saved, cfg.Notice = sv.store, sv.resume, sv.kept, sv.notice
	if sv.lang != "" {
		cfg.Lang, cfg.LangKnown = sv.lang, true
	}
	caught := sigexit.Catch(context.Background())
	defer caught.Stop()
	cfg.Interrupt = caught.C()
	err := plain.Run(cfg, s.In, s.Out)
	if err != nil {
		if sig := caught.Await(signalGrace); sig != nil {
			return sigexit.Status(sig)
		}
	}
	switch {
	case errors.Is(err, plain.ErrInterrupted):
		return 130
	case err != nil:
		fmt.Fprintln(s.ErrOut, locales.New(lang).T("ErrRun", guide.With(steps.Facts(), "Err", err.Error())))
		return 1
	}
	return 0
}
