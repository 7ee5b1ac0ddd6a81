package main

import (
	"io"
	"os"

	"golang.org/x/term"

	"github.com/auvenir/auvenir-onboard/tui"
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

	StdinTTY  bool // standard input is a terminal
	StdoutTTY bool // standard output is a terminal

	// OpenTerminal opens the terminal apart from standard input (--show-qr reads its key from a
	// pipe and its keys from the terminal).
	OpenTerminal func() (in, out *os.File, err error)
	// ConfigDir is the user's configuration folder (os.UserConfigDir).
	ConfigDir func() (string, error)
}

// systemStreams is the process's own.
func systemStreams() *ioStreams {
	return &ioStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Getenv: os.Getenv,
		StdinTTY:     term.IsTerminal(int(os.Stdin.Fd())),
		StdoutTTY:    term.IsTerminal(int(os.Stdout.Fd())),
		OpenTerminal: tui.OpenTerminal,
		ConfigDir:    os.UserConfigDir,
	}
}

// terminal reports whether both standard input and output are terminals: the wizard needs both.
func (s *ioStreams) terminal() bool { return s.StdinTTY && s.StdoutTTY }
