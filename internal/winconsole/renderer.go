package winconsole

import (
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

// RendererEnviron is the environment Bubble Tea reads the terminal type from: environ itself,
// plus a TERM for the Windows console when none is set. The colour profile is decided from
// environ before this (see tui.Run), so the added TERM never lowers the colours.
func RendererEnviron(goos string, environ []string) []string {
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
