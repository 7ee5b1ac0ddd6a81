package e2e

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// --check-network in a real terminal (a pty from script(1), whose bytes are read raw) with
// TERM=dumb, ACCESSIBLE=1 or --plain writes plain lines: no escape sequence, no spinner, no
// carriage return but the terminal's own before each newline, the header once. The same run
// without them draws the live view (escape sequences), which shows the test can see them. The
// lab is on loopback: a trusted server (open) and a refused port.
func TestCheckNetworkPlainLinesInAPty(t *testing.T) {
	testtool.Need(t, "script")
	ca := netchecktest.NewCA(t, "Plain Lines Root", "Auvenir Tests")
	open := netchecktest.ServeTLS(t, ca.Leaf(t, "127.0.0.1"), 0, nil)
	dir := t.TempDir()
	caFile := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caFile, ca.PEM, 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := l.Addr().String()
	l.Close()
	args := []string{binary, "--lang", "en", "--check-network", "--proxy", "none", "--timeout", "3s", "--ca-file", caFile,
		"https://127.0.0.1:" + netchecktest.Port(open) + "/", "https://" + refused + "/"}
	for _, c := range []struct {
		name  string
		env   []string
		extra string
		plain bool
	}{
		{"TERM=dumb", []string{"TERM=dumb"}, "", true},
		{"ACCESSIBLE=1", []string{"TERM=xterm-256color", "ACCESSIBLE=1"}, "", true},
		{"--plain", []string{"TERM=xterm-256color"}, "--plain", true},
		{"live view", []string{"TERM=xterm-256color"}, "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			line := strings.Join(args, " ") + " " + c.extra
			cmd := exec.Command("script", "-q", "-e", "-c", line, "/dev/null")
			cmd.Env = append(os.Environ(), append(c.env, "NO_COLOR=", "ACCESSIBLE="+accessible(c.env),
				"XDG_CONFIG_HOME="+filepath.Join(dir, "config"))...)
			raw, err := cmd.Output()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Fatalf("%v, want exit status 1 (one address refused):\n%q", err, raw)
			}
			got := strings.ReplaceAll(string(raw), "\r\n", "\n")
			escapes := strings.ContainsAny(got, "\x1b\r")
			if !c.plain {
				if !escapes {
					t.Errorf("the live view drew no escape sequence: %q", got)
				}
				return
			}
			if escapes || strings.ContainsAny(got, "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏") {
				t.Errorf("escape sequences or spinner in plain lines: %q", got)
			}
			if n := strings.Count(got, "Network check · addresses to check: 2"); n != 1 {
				t.Errorf("header %d times:\n%s", n, got)
			}
			for _, want := range []string{"1/2 ", "2/2 ", "✗ " + refused + " · refused", "Reachable: 1 of 2"} {
				if !strings.Contains(got, want) {
					t.Errorf("lacks %q:\n%s", want, got)
				}
			}
		})
	}
}

// accessible is ACCESSIBLE's value in env, so that the one of the test's own environment never
// leaks in.
func accessible(env []string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "ACCESSIBLE="); ok {
			return v
		}
	}
	return ""
}
