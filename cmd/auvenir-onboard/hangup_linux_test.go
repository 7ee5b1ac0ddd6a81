package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// The terminal window closes under the program (its pseudo-terminal's master end is closed, so
// the system sends SIGHUP): the wizard and plain mode end at once with status 129, neither
// hanging on the dead terminal nor taking its read error for a failure of their own.
func TestHangupEndsWith129(t *testing.T) {
	t.Parallel()
	bin := buildPlainBinary(t)
	for _, c := range []struct {
		name  string
		args  []string
		ready string
	}{
		{"wizard", []string{"--lang", "en", "--step", "2"}, "Step 2 of 9"},
		{"plain", []string{"--plain", "--lang", "en", "--step", "2"}, "Your choice"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			term, emulator := testtool.PTY(t)
			unix.IoctlSetWinsize(int(term.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80})
			cmd := exec.Command(bin, c.args...)
			cmd.Env = append(os.Environ(), "TERM=xterm-256color", "HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
			cmd.Stdin, cmd.Stdout, cmd.Stderr = term, term, term
			cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			term.Close()
			var mu sync.Mutex
			var screen bytes.Buffer
			go func() { // the terminal emulator: reads what is drawn
				buf := make([]byte, 4096)
				for {
					n, err := emulator.Read(buf)
					mu.Lock()
					screen.Write(buf[:n])
					mu.Unlock()
					if err != nil && !errors.Is(err, syscall.EAGAIN) {
						return
					}
					if n == 0 {
						time.Sleep(10 * time.Millisecond)
					}
				}
			}()
			deadline := time.Now().Add(10 * time.Second)
			for {
				mu.Lock()
				seen := strings.Contains(screen.String(), c.ready)
				mu.Unlock()
				if seen {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("never drew %q", c.ready)
				}
				time.Sleep(20 * time.Millisecond)
			}
			emulator.Close() // the window closes
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != 129 {
					t.Fatalf("ended with %v, want exit status 129", err)
				}
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatal("still running 10 s after its terminal closed")
			}
		})
	}
}
