package main

import (
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// At a terminal that cannot redraw (TERM=dumb), for a screen reader (ACCESSIBLE=1) or with
// --plain, --check-network writes plain lines: no escape sequence at all (cursor moves, colours),
// no spinner, the header once, a line per address as its result comes, then the table without a
// second header. The lab: a trusted loopback server (open) and a refused port.
func TestCheckNetworkPlainLinesAtATerminal(t *testing.T) {
	t.Parallel()
	lb := newLoopback(t, nil)
	refused := "https://" + netchecktest.Refused(t) + "/"
	for _, c := range []struct {
		name string
		env  func(string) string
		args []string
	}{
		{"TERM=dumb", env("TERM", "dumb"), nil},
		{"ACCESSIBLE=1", env("TERM", "xterm-256color", "ACCESSIBLE", "1"), nil},
		{"--plain", env("TERM", "xterm-256color", "COLORTERM", "truecolor"), []string{"--plain"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s, out, errOut := testStreams(t, c.env, true, nil)
			args := append([]string{"--check-network", "--ca-file", lb.caFile, "--timeout", "3s", lb.url, refused}, c.args...)
			code := run(s, args)
			got := out.String()
			if code != 1 || errOut.Len() != 0 {
				t.Fatalf("exit %d, stderr %q; want 1 (one address refused)\n%s", code, errOut.String(), got)
			}
			if strings.ContainsRune(got, 0x1b) || strings.ContainsRune(got, '\r') {
				t.Errorf("escape sequence or carriage return in plain lines: %q", got)
			}
			if strings.ContainsAny(got, "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏") {
				t.Errorf("spinner frames in plain lines:\n%s", got)
			}
			if n := strings.Count(got, "Network check · addresses to check: 2"); n != 1 {
				t.Errorf("header %d times, want once:\n%s", n, got)
			}
			head := strings.Index(got, "Network check")
			first, second := strings.Index(got, "  1/2 "), strings.Index(got, "  2/2 ")
			table := strings.Index(got, "IP address")
			if !(head == 0 && head < first && first < second && second < table) {
				t.Errorf("want the header, 1/2, 2/2, then the table:\n%s", got)
			}
			for _, want := range []string{"✓ 127.0.0.1:", "✗ " + strings.TrimSuffix(strings.TrimPrefix(refused, "https://"), "/") + " · refused",
				"Reachable: 1 of 2"} {
				if !strings.Contains(got, want) {
					t.Errorf("lacks %q:\n%s", want, got)
				}
			}
		})
	}
}
