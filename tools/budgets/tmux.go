package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// firstFrameMark is on every screen of the wizard (the support footer), so its appearance marks
// the first complete frame.
const firstFrameMark = "support@auvenir.ca"

// tmuxServer is a private tmux server (its own socket), so measurements share nothing with the
// user's sessions and its startup cost is paid before any clock starts.
type tmuxServer struct{ socket string }

func (s tmuxServer) run(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-L", s.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("tmux %s: %v: %s", args[0], err, strings.TrimSpace(string(out)))
	}
	return string(out), nil
}

// startWizard opens a 120×40 session running the wizard; exec makes the pane's process the
// program itself.
func (s tmuxServer) startWizard(name, bin string) error {
	_, err := s.run("new-session", "-d", "-s", name, "-x", "120", "-y", "40",
		"exec env TERM=xterm-256color LANG=en_CA.UTF-8 "+shellQuote(bin)+" --lang en")
	return err
}

// waitFor polls the screen of session name every millisecond until it shows text.
func (s tmuxServer) waitFor(name, text string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		out, err := s.run("capture-pane", "-p", "-t", name)
		if err == nil && strings.Contains(out, text) {
			return nil
		}
		time.Sleep(time.Millisecond)
	}
	return fmt.Errorf("%q did not appear within %v", text, limit)
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// wizardFigures measures the first frame (median of 5 starts) and the peak memory of one walk
// through every screen in both languages.
func wizardFigures(bin string) []figure {
	frame := figure{Name: "first frame in a 120×40 terminal (tmux)", Budget: 100, Unit: "ms", Note: "median of 5"}
	mem := figure{Name: "peak memory of the wizard (VmHWM)", Budget: 40, Unit: "MiB", Note: "every screen, both languages"}
	if _, err := exec.LookPath("tmux"); err != nil {
		frame.Err, mem.Err = errors.New("tmux is not installed"), errors.New("tmux is not installed")
		return []figure{frame, mem}
	}
	s := tmuxServer{socket: fmt.Sprintf("auvenir-budgets-%d", os.Getpid())}
	defer s.run("kill-server")
	if _, err := s.run("new-session", "-d", "-s", "idle", "-x", "120", "-y", "40", "sleep 600"); err != nil {
		frame.Err, mem.Err = err, err
		return []figure{frame, mem}
	}
	var times []float64
	for i := 0; i < 5 && frame.Err == nil; i++ {
		name := "frame" + strconv.Itoa(i)
		start := time.Now()
		if frame.Err = s.startWizard(name, bin); frame.Err == nil {
			frame.Err = s.waitFor(name, firstFrameMark, 5*time.Second)
			times = append(times, ms(time.Since(start)))
		}
		s.run("kill-session", "-t", name)
	}
	frame.Value = median(times)

	mem.Value, mem.Err = walk(s, bin)
	mem.Value /= 1 << 20
	return []figure{frame, mem}
}

// walk goes through every screen, opens the help, switches language and goes back, then reads
// the peak resident memory of the process before quitting.
func walk(s tmuxServer, bin string) (float64, error) {
	if err := s.startWizard("walk", bin); err != nil {
		return 0, err
	}
	defer s.run("kill-session", "-t", "walk")
	if err := s.waitFor("walk", firstFrameMark, 5*time.Second); err != nil {
		return 0, err
	}
	pid, err := s.run("display-message", "-p", "-t", "walk", "#{pane_pid}")
	if err != nil {
		return 0, err
	}
	keys := []string{"?", "?"}
	for i := 0; i < 12; i++ {
		keys = append(keys, "Right")
	}
	keys = append(keys, "l")
	for i := 0; i < 12; i++ {
		keys = append(keys, "Left")
	}
	for _, k := range keys {
		if _, err := s.run("send-keys", "-t", "walk", k); err != nil {
			return 0, err
		}
		time.Sleep(20 * time.Millisecond)
	}
	status, err := os.ReadFile(filepath.Join("/proc", strings.TrimSpace(pid), "status"))
	if err != nil {
		return 0, fmt.Errorf("reading the process status: %w", err)
	}
	s.run("send-keys", "-t", "walk", "q")
	return vmHWM(status)
}
