// Command auvenir-onboard walks an Auvenir client through accepting the DMC Hosting guest
// invitation and registering multi-factor authentication. This package only reads the command
// line and hands over to the packages that do the work.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/desktop"
	"github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/pacrun"
	"github.com/auvenir/auvenir-onboard/internal/sanitize"
	"github.com/auvenir/auvenir-onboard/internal/sigexit"
	"github.com/auvenir/auvenir-onboard/internal/termrecord"
	"github.com/auvenir/auvenir-onboard/internal/winconsole"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
	"github.com/auvenir/auvenir-onboard/tui"
)

func main() {
	// The PAC evaluator is this binary too, started with pacrun.ChildEnv set (never in --help):
	// it serves and exits here, before anything of the program runs.
	pacrun.Main(os.Getenv(pacrun.ChildEnv))
	s := systemStreams()
	code := run(s, os.Args[1:])
	// Double-clicked on Windows, the console window closes with the program: keep the last words
	// (the support line, an error, the network verdict) readable until a key is pressed, in the
	// language the session ended in.
	lang, _ := sessionLang.Load().(locales.Lang)
	if lang == "" {
		lang, _ = messageLang(os.Args[1:], s.Getenv)
	}
	winconsole.PauseIfOwnConsole(locales.New(lang).T("ConsolePressAnyKey"))
	os.Exit(code)
}

// sessionLang is the language the last screen spoke: the command line's or the environment's,
// then the one the wizard ended in (the person may have switched, or resumed a French session).
// main's closing pause speaks it. Atomic: tests run run in parallel.
var sessionLang atomic.Value // locales.Lang

// run is the program without its process: testable with any arguments and streams.
func run(s *ioStreams, args []string) int {
	// Error lines quote arguments, file names, file contents and servers' words: none of it may
	// reach the terminal as escape sequences.
	withClean := *s
	withClean.ErrOut = sanitize.Writer{W: s.ErrOut}
	s = &withClean
	lang, langKnown := messageLang(args, s.Getenv)
	z := locales.New(lang)
	o, err := parseArgs(args)
	if err != nil {
		var ue *usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(s.ErrOut, z.T(ue.ID, guide.With(steps.Facts(), flatten(ue.Data)...)))
		}
		return 2
	}
	if o.lang != "" {
		lang, langKnown, z = o.lang, true, locales.New(o.lang)
	}
	sessionLang.Store(z.Lang())
	switch {
	case o.help:
		out := &checkedWriter{w: s.Out}
		writeHelp(out, z, runtime.GOOS)
		return s.written(z, out, 0)
	case o.version:
		out := &checkedWriter{w: s.Out}
		v, c, d := buildInfo()
		fmt.Fprintln(out, versionLine(z, v, c, d))
		return s.written(z, out, 0)
	case o.explainSet:
		return runExplain(s, o.explain, z)
	case o.print:
		if err := guide.Markdown(s.Out, z, guide.DataFor("", steps.SignInUnanswered, time.Now())); err != nil {
			return s.writeFailed(z, err)
		}
		return 0
	case o.checkNetwork:
		// Needs no keyboard: IT may pipe it, log it or run it from a script.
		return runCheckNetwork(s, o, z)
	case o.showQR:
		return runShowQR(s, wizardConfig(s, tui.Config{Lang: lang, LangKnown: langKnown, Presenter: o.presenter}), z)
	case o.reset && !s.terminal() && !plainWanted(o, s.Getenv) && o.onlyGiven("reset", "lang"):
		// Forgetting is all a script can ask; with options for the guide, the guide was asked
		// for, and without a terminal it is refused below, nothing forgotten.
		return resetOnly(s, z)
	case plainWanted(o, s.Getenv):
		var ue *usageError
		if errors.As(plainByEnvironment(o, s.Getenv), &ue) {
			fmt.Fprintln(s.ErrOut, z.T(ue.ID, guide.With(steps.Facts(), flatten(ue.Data)...)))
			return 2
		}
		return runPlain(s, o, lang, langKnown)
	case !s.terminal():
		fmt.Fprintln(s.ErrOut, z.T("ErrNoTerminal", steps.Facts()))
		return 2
	}
	cfg := wizardConfig(s, tui.Config{Lang: lang, LangKnown: langKnown, Step: o.step,
		PanicKey: crashKey(s.Getenv), Presenter: o.presenter, Practice: o.totpPractice})
	nw, code := networkSetup(s, o, z)
	if code != 0 {
		return code
	}
	cfg.NetChecker, cfg.NetEndpoints = nw.checker, nw.endpoints
	cfg.Input, cfg.Output = s.In, s.Out
	wizardProgress(s, o, &cfg, z)
	return runWizard(s, cfg, z)
}

// wizardConfig is cfg with what the wizard takes from the process, decided here: the colours
// (NO_COLOR), the glyphs of the terminal, the environment for the colour profile and the
// renderer, and the desktop session for links and copies (cli/cli's IOStreams, in spirit).
func wizardConfig(s *ioStreams, cfg tui.Config) tui.Config {
	cfg.NoColor = s.Getenv("NO_COLOR") != ""
	cfg.Glyphs = glyphs.ForTerminal(runtime.GOOS, s.Getenv)
	cfg.Environ = s.environ()
	session := desktop.FromEnv(runtime.GOOS, s.Getenv)
	cfg.OpenURL, cfg.CopyText = session.OpenURL, session.Copy
	return cfg
}

// runWizard runs the full-screen guide. An internal error restores the terminal (tui.Run's
// guard) and prints one calm line with the support contacts instead of a stack trace.
func runWizard(s *ioStreams, cfg tui.Config, z *locales.Localizer) int {
	// Test builds (-tags testseams) may copy the screen to a file; release builds never do.
	out, closeRecord := termrecord.Output(cfg.Output, recordPath(s.Getenv))
	defer closeRecord()
	cfg.Output = out
	lang, err := tui.Run(cfg)
	if lang != "" {
		z = locales.New(lang)
		sessionLang.Store(lang)
	}
	return wizardEnded(s, z, err)
}

// wizardEnded is the exit status of the wizard ended with err, after the line it leaves.
func wizardEnded(s *ioStreams, z *locales.Localizer, err error) int {
	var sig *sigexit.Error
	switch {
	case errors.As(err, &sig):
		// Ended from outside (kill, a closed terminal, ctrl+\): the terminal is restored, and
		// the status says which signal, as shells expect.
		return sigexit.Status(sig.Signal)
	case err == nil:
		// The alternate screen is gone with the guide; the way to reach support stays behind.
		fmt.Fprintln(s.Out, z.T("FooterSupport", steps.Facts()))
		return 0
	case errors.Is(err, tui.ErrPanic):
		fmt.Fprintln(s.ErrOut, z.T("ErrPanic", steps.Facts()))
		return 70
	case winconsole.ModeRefused(err):
		// The classic console in legacy mode: plain text works there, so say how.
		fmt.Fprintln(s.ErrOut, z.T("ErrLegacyConsole", steps.Facts()))
		return 1
	default:
		fmt.Fprintln(s.ErrOut, z.T("ErrRun", guide.With(steps.Facts(), "Err", err.Error())))
		return 1
	}
}

// messageLang is the language for messages printed before the options are parsed: --lang when
// it is valid (even if another option is not), then the environment, then English.
func messageLang(args []string, getenv func(string) string) (locales.Lang, bool) {
	for i, a := range args {
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok {
			v, ok = strings.CutPrefix(a, "-lang=")
		}
		if !ok && (a == "--lang" || a == "-lang") && i+1 < len(args) {
			v = args[i+1]
		}
		if l, ok := locales.ParseLang(v); ok {
			return l, true
		}
	}
	if l, ok := locales.FromEnv(getenv); ok {
		return l, true
	}
	// Windows has no LANG: its display language, when French.
	if l, ok := locales.FromSystem(); ok {
		return l, true
	}
	return locales.English, false
}

func flatten(m map[string]any) []any {
	kv := make([]any, 0, 2*len(m))
	for k, v := range m {
		kv = append(kv, k, v)
	}
	return kv
}
