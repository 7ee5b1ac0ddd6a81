// Package desktop reaches the person's graphical session: the default browser for a link and
// the system clipboard for a copy. What the session offers is decided by the command line from
// its environment (FromEnv); nothing here reads the process's own.
package desktop

import (
	"errors"
	"io"

	"github.com/atotto/clipboard"
	"github.com/cli/browser"
)

func init() {
	// The browser's launcher must not write over the full-screen wizard.
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
}

// ErrNoDisplay: no graphical session, so no browser is started.
var ErrNoDisplay = errors.New("no graphical session")

// ErrNoClipboard: no system clipboard to write to.
var ErrNoClipboard = errors.New("no system clipboard")

// Session is what the environment says of the graphical session. The zero Session has none:
// it opens nothing and copies nothing.
type Session struct {
	GOOS    string // runtime.GOOS: macOS and Windows always have a browser and a clipboard
	Display bool   // DISPLAY or WAYLAND_DISPLAY is set: an X or Wayland session
	WSL     bool   // WSL_DISTRO_NAME is set: Windows' browser is reachable from Linux
}

// FromEnv is the session of an environment.
func FromEnv(goos string, getenv func(string) string) Session {
	return Session{GOOS: goos, Display: getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != "",
		WSL: getenv("WSL_DISTRO_NAME") != ""}
}

func (s Session) desktopOS() bool { return s.GOOS == "darwin" || s.GOOS == "windows" }

// OpenURL opens url in the default browser. Without a graphical session a Linux system would
// fall back to a text browser, which would take over this very terminal: ErrNoDisplay instead,
// and the caller shows the URL.
func (s Session) OpenURL(url string) error {
	if !s.desktopOS() && !s.Display && !s.WSL {
		return ErrNoDisplay
	}
	return browser.OpenURL(url)
}

// Copy writes text to the clipboard: the Windows API, pbcopy on macOS, wl-copy, xclip or xsel on
// Linux (github.com/atotto/clipboard). A Linux session without a display has none.
func (s Session) Copy(text string) error {
	if clipboard.Unsupported || (!s.desktopOS() && !s.Display) {
		return ErrNoClipboard
	}
	return clipboard.WriteAll(text)
}
