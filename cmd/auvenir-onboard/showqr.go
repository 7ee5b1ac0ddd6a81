package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
	"github.com/auvenir/auvenir-onboard/tui"
)

// --show-qr reads the key from standard input, never from the command line, where it would stay
// in the shell's history. These are variables so tests can give a pipe, a terminal or neither.
var (
	showQRInput     io.Reader = os.Stdin
	stdinIsTerminal           = func() bool { return term.IsTerminal(int(os.Stdin.Fd())) }
	openTerminal              = tui.OpenTerminal
)

const showQRFlag = "--show-qr"

// runShowQR checks the piped URI, then shows it full screen. The keys come from the terminal
// opened apart from standard input (which is the pipe), and the drawing goes there too, so a
// redirected standard output never receives the key.
func runShowQR(cfg tui.Config, stdout, stderr io.Writer, z *locales.Localizer) int {
	d := guide.With(steps.Facts(), "Flag", showQRFlag)
	if stdinIsTerminal() {
		// Reading now would wait for typing, and a typed key would echo on screen.
		fmt.Fprintln(stderr, z.T("ShowQRNeedsPipe", guide.With(d, "Example", "auvenir-onboard "+showQRFlag+" < key.txt")))
		return 2
	}
	key, err := otpauth.Read(showQRInput)
	if err != nil {
		reason := err.Error()
		var e *locales.Error
		if errors.As(err, &e) {
			reason = e.Message(z)
		}
		fmt.Fprintln(stderr, z.T("ShowQRRefused", guide.With(d, "Reason", reason)))
		return 2
	}
	in, out, err := openTerminal()
	if err != nil {
		fmt.Fprintln(stderr, z.T("ShowQRNoTerminal", guide.With(d, "Err", err.Error())))
		return 2
	}
	defer in.Close()
	if out != in {
		defer out.Close()
	}
	cfg.ShowKey, cfg.Input, cfg.Output = &key, in, out
	return runWizard(cfg, stdout, stderr, z)
}
