package e2e

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// The explainer in a real terminal: x on step 5, the error page pasted as a terminal pastes a
// multi-line clipboard (bracketed paste), Enter: the code, who must act and the Correlation ID
// show; Esc goes back to the step.
func TestExplainerInTheWizard(t *testing.T) {
	p := start(t, 100, 40, nil, "--lang", "en", "--step", "5")
	p.waitFor("Step 5 of 9")
	p.keys("x")
	p.waitFor("Explain a Microsoft error message")
	page := "Sorry, but we're having trouble signing you in.\nAADSTS50020: User account 'jane@firm.ca' from identity provider 'live.com' does not exist in tenant 'DMC Hosting'.\nCorrelation Id: fcc0a98c-f61e-46c4-97e1-a51c69a1bb94\nTimestamp: 2026-11-29T09:55:00Z\n"
	for _, args := range [][]string{{"set-buffer", "--", page}, {"paste-buffer", "-p"}} {
		if out, err := exec.Command("tmux", append([]string{"-L", p.socket}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("tmux %v: %v %s", args, err, out)
		}
	}
	p.keys("Enter")
	p.waitFor("Microsoft error AADSTS50020", "Who must act: you", "fcc0a98c-f61e-46c4-97e1-a51c69a1bb94")
	p.keys("Escape")
	p.waitFor("Step 5 of 9", "Enter the code you received")
	p.keys("q")
	if code := p.exited(); code != "0" {
		t.Fatalf("exit status %s", code)
	}
}

// --explain - reads a pipe; binary input gets one line and status 2.
func TestExplainFromAPipe(t *testing.T) {
	cmd := exec.Command(binary, "--lang", "fr", "--explain", "-")
	cmd.Stdin = strings.NewReader("AADSTS90072: PassThroughUserMfaError\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\n")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil || errb.Len() != 0 {
		t.Fatalf("%v %q", err, errb.String())
	}
	for _, w := range []string{"Erreur Microsoft AADSTS90072", "Qui doit agir\u00a0: vous", "aaaa0000-bb11-2222-33cc-444444dddddd", "support@auvenir.ca"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("lacks %q:\n%s", w, out.String())
		}
	}
	cmd = exec.Command(binary, "--lang", "en", "--explain", "-")
	cmd.Stdin = bytes.NewReader([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0})
	errb.Reset()
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || strings.Count(errb.String(), "\n") != 1 {
		t.Fatalf("binary input: %v %q", err, errb.String())
	}
}
