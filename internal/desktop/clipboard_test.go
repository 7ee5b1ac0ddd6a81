package desktop

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/atotto/clipboard"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// The system clipboard takes the text and gives it back. On Linux the test starts its own X
// display (Xvfb) and uses xclip, as a desktop session would; the wine lane runs it in the
// Windows build (the Windows clipboard API).
func TestSystemClipboardRoundTrip(t *testing.T) {
	if runtime.GOOS == "linux" {
		testtool.Need(t, "Xvfb")
		testtool.Need(t, "xclip")
		xvfb(t)
		t.Setenv("WAYLAND_DISPLAY", "")
	}
	const text = "jane_firm.ca#EXT#@DMCHosting.onmicrosoft.com"
	if err := FromEnv(runtime.GOOS, os.Getenv).Copy(text); err != nil {
		t.Fatalf("copy: %v", err)
	}
	got, err := clipboard.ReadAll()
	if err != nil || got != text {
		t.Fatalf("read back %q (%v)", got, err)
	}
}

// Without a display a Linux session has no clipboard: the copy reports it instead of claiming it.
func TestNoDisplayNoClipboard(t *testing.T) {
	if err := FromEnv("linux", func(string) string { return "" }).Copy("x"); !errors.Is(err, ErrNoClipboard) {
		t.Fatalf("copy without a display: %v", err)
	}
}

// xvfb starts a virtual X display for the test and points DISPLAY at it. Xvfb picks a free
// display itself and writes its number on -displayfd once it accepts connections, so the test
// neither guesses a number (stale sockets of killed servers used to exhaust the range) nor races
// the server's start; it is stopped with SIGTERM, on which it removes its socket and lock.
func xvfb(t *testing.T) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() })
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if n == "" {
			t.Fatal("Xvfb did not start")
		}
		t.Setenv("DISPLAY", ":"+n)
	case <-time.After(10 * time.Second):
		t.Fatal("Xvfb did not start")
	}
}

// Without a graphical session no browser starts: on Linux a text browser would take over the
// terminal. WSL reaches Windows' browser; macOS and Windows always have one.
func TestOpenURLWithoutDisplay(t *testing.T) {
	none := func(string) string { return "" }
	if err := FromEnv("linux", none).OpenURL("https://example.invalid/"); !errors.Is(err, ErrNoDisplay) {
		t.Fatalf("OpenURL = %v; a text browser could take over the terminal", err)
	}
	if err := (Session{}).OpenURL("https://example.invalid/"); !errors.Is(err, ErrNoDisplay) {
		t.Fatalf("the zero Session opened a browser: %v", err)
	}
	for _, c := range []struct {
		goos string
		env  map[string]string
		want Session
	}{
		{"linux", map[string]string{"DISPLAY": ":0"}, Session{GOOS: "linux", Display: true}},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, Session{GOOS: "linux", Display: true}},
		{"linux", map[string]string{"WSL_DISTRO_NAME": "Ubuntu"}, Session{GOOS: "linux", WSL: true}},
		{"windows", nil, Session{GOOS: "windows"}},
	} {
		if got := FromEnv(c.goos, func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("FromEnv(%s, %v) = %+v, want %+v", c.goos, c.env, got, c.want)
		}
	}
	if !(Session{GOOS: "windows"}).desktopOS() || (Session{GOOS: "linux", WSL: true}).desktopOS() {
		t.Error("desktopOS")
	}
}
