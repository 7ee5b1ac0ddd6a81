package main

import (
	"errors"
	"fmt"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
	"github.com/auvenir/auvenir-onboard/tui"
)

const showQRFlag = "--show-qr"

// runShowQR reads the key from standard input, never from the command line, where it would stay
// in the shell's history. It checks the piped URI, then shows it full screen. The keys come from the terminal
// opened apart from standard input (which is the pipe), and the drawing goes there too, so a
// redirected standard output never receives the key.
func runShowQR(s *ioStreams, cfg tui.Config, z *locales.Localizer) int {
	stderr := s.ErrOut
	d := guide.With(steps.Facts(), "Flag", showQRFlag)
	if s.StdinTTY {
		// Reading now would wait for typing, and a typed key would echo on screen.
		fmt.Fprintln(stderr, z.T("ShowQRNeedsPipe", guide.With(d, "Example", "auvenir-onboard "+showQRFlag+" < key.txt")))
		return 2
	}
	key, err := otpauth.Read(s.In)
	if err != nil {
		reason := err.Error()
		var e *locales.Error
		if errors.As(err, &e) {
			reason = e.Message(z)
		}
		fmt.Fprintln(stderr, z.T("ShowQRRefused", guide.With(d, "Reason", reason)))
		return 2
	}
	in, out, err := s.OpenTerminal()
	if err != nil {
		fmt.Fprintln(stderr, z.T("ShowQRNoTerminal", guide.With(d, "Err", err.Error())))
		return 2
	}
	// The terminal stays open until the process ends: Bubble Tea v2.1.1 returns from Run before
	// its input goroutine has stopped reading it, and closing it here raced that read (found by
	// the race detector on a signal). The process ends right after; the system closes it then.
	cfg.ShowKey, cfg.Input, cfg.Output = &key, in, out
	return runWizard(s, cfg, z)
}
