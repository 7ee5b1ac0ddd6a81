package main

import (
	"fmt"
	"io"
	"os"
	"runtime"

	"golang.org/x/term"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/internal/winconsole"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// ioStreams is everything run takes from its process: the standard streams, the environment,
// which streams are terminals, the terminal to open when standard input is a pipe, and where the
// user's configuration lives. main fills it from the process; a test fills it with buffers and
// answers of its own, so no test changes a global and tests run in parallel (the shape of
// cli/cli's IOStreams).
type ioStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	Getenv func(string) string
	// Environ is the whole environment (os.Environ), for what reads more than one variable:
	// the colour profile and the renderer's terminal type.
	Environ func() []string

	StdinTTY  bool // standard input is a terminal
	StdoutTTY bool // standard output is a terminal

	// OpenTerminal opens the terminal apart from standard input (--show-qr reads its key from a
	// pipe and its keys from the terminal).
	OpenTerminal func() (in, out *os.File, err error)
	// ConfigDir is the user's configuration folder (progress.ConfigDir of the environment).
	ConfigDir func() (string, error)
}

// systemStreams is the process's own.
func systemStreams() *ioStreams {
	return &ioStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Getenv: os.Getenv, Environ: os.Environ,
		StdinTTY:     term.IsTerminal(int(os.Stdin.Fd())),
		StdoutTTY:    term.IsTerminal(int(os.Stdout.Fd())),
		OpenTerminal: winconsole.OpenTerminal,
		ConfigDir:    func() (string, error) { return progress.ConfigDir(runtime.GOOS, os.Getenv) },
	}
}

// terminal reports whether both standard input and output are terminals: the wizard needs both.
func (s *ioStreams) terminal() bool { return s.StdinTTY && s.StdoutTTY }

// exitWriteFailed is the exit status when the output could not be written (sysexits' EX_IOERR),
// so a script that redirects to a full disk or a closed file sees the failure.
const exitWriteFailed = 74

// checkedWriter remembers the first failed write: the writers of tables and documents go on
// writing, and run reports the failure once, at the end.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

// writeFailed says in one line that the output could not be written, and why.
func (s *ioStreams) writeFailed(z *locales.Localizer, err error) int {
	fmt.Fprintln(s.ErrOut, z.T("ErrWrite", guide.With(steps.Facts(), "Err", systemMessage(err))))
	return exitWriteFailed
}

// written is code, unless writing to w failed.
func (s *ioStreams) written(z *locales.Localizer, w *checkedWriter, code int) int {
	if w.err != nil {
		return s.writeFailed(z, w.err)
	}
	return code
}

// environ is the environment as KEY=value lines; none when the streams were made without it.
func (s *ioStreams) environ() []string {
	if s.Environ == nil {
		return nil
	}
	return s.Environ()
}
