package tui

import (
	"io"
	"os"
	"slices"
	"strings"
)

// windowsConsoleTerm is the terminal type the renderer is told on Windows when TERM is unset, as
// it always is there. With no TERM the renderer (ultraviolet) assumes a terminal of unknown
// abilities and inserts text with insert mode (ESC[4h … ESC[4l), which the Windows 10 console
// host does not have: it then overwrites instead of inserting, and the ends of lines are lost.
// For an "xterm" type ultraviolet uses VPA, CHA, CBT, ECH, ICH, SU and SD (never REP, HPA, CHT or
// insert mode), all of which the console lists among its sequences
// (https://learn.microsoft.com/windows/console/console-virtual-terminal-sequences: cursor
// positioning, text modification, scrolling margins, tabs). Insert mode came only to Windows
// Terminal, in 2023 (microsoft/terminal pull request 14700).
const windowsConsoleTerm = "xterm-256color"

// rendererEnviron is the environment Bubble Tea reads the terminal type from: environ itself,
// plus a TERM for the Windows console when none is set. The colour profile is decided from
// environ before this (see Run), so the added TERM never lowers the colours.
func rendererEnviron(goos string, environ []string) []string {
	if goos != "windows" {
		return environ
	}
	for _, kv := range environ {
		if k, v, _ := strings.Cut(kv, "="); strings.EqualFold(k, "TERM") && v != "" {
			return environ
		}
	}
	return append(slices.Clip(environ), "TERM="+windowsConsoleTerm)
}

// recordingTerminal is the terminal (its descriptor still reaches Bubble Tea, which sets its
// modes and reads its size) with every write copied to rec.
type recordingTerminal struct {
	*os.File
	rec io.Writer
}

func (r recordingTerminal) Write(p []byte) (int, error) {
	_, _ = r.rec.Write(p)
	return r.File.Write(p)
}

func (r recordingTerminal) WriteString(s string) (int, error) { return r.Write([]byte(s)) }

// recordOutput wraps out when path is set; the returned function closes the copy.
func recordOutput(out io.Writer, path string) (io.Writer, func()) {
	f, ok := out.(*os.File)
	if path == "" || !ok {
		return out, func() {}
	}
	rec, err := os.Create(path)
	if err != nil {
		return out, func() {}
	}
	return recordingTerminal{File: f, rec: rec}, func() { rec.Close() }
}
