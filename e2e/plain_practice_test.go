package e2e

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// plainKey matches the practice key as plain mode writes it: eight groups of four.
var plainKey = regexp.MustCompile(`(?m)^(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}$`)

// plainPractice opens plain mode's practice at step 9 in a terminal and returns the key shown.
func plainPractice(t *testing.T, p *pane) string {
	t.Helper()
	p.waitFor("Your choice (1 next, 2 back, 3 repeat, 4 practise with the Microsoft Authenticator app, 5 check my mobile number")
	p.keys("4", "Enter")
	s := p.waitFor("Practice: add an account", "3. Type the 6 digits the app shows")
	key := plainKey.FindString(s)
	if key == "" {
		t.Fatalf("no key on screen:\n%s", s)
	}
	return strings.ReplaceAll(key, " ", "")
}

// noKeyLeft fails if the terminal, scrollback included, still shows the key.
func noKeyLeft(t *testing.T, p *pane, secret string) {
	t.Helper()
	if s := p.scrollback(); strings.Contains(s, secret[:8]) || plainKey.MatchString(s) {
		t.Fatalf("the key is left in the terminal:\n%s", s)
	}
}

// Plain mode in a real terminal: the practice key as text, codes computed by oathtool from it
// (wrong, two minutes ahead, right), then the window and its scrollback erased, the key in no
// file; the phone prompt after it. Screen readers get the same lines, in order.
func TestPlainPracticeEndToEnd(t *testing.T) {
	testtool.Need(t, "oathtool")
	home, config := t.TempDir(), t.TempDir()
	p := start(t, 200, 40, []string{"HOME=" + home, "XDG_CONFIG_HOME=" + config}, "--plain", "--lang", "en", "--step", "9")
	secret := plainPractice(t, p)
	p.keys(oathtool(t, secret, "now + 1 hour"), "Enter")
	p.waitFor("This code does not match")
	p.keys(oathtool(t, secret, "now + 2 minutes"), "Enter")
	p.waitFor("your phone's clock is about 2 minutes ahead")
	p.keys(oathtool(t, secret, "now"), "Enter")
	p.waitFor("The practice key was removed from this window.", "Now delete the practice account", "Your choice (1 next")
	noKeyLeft(t, p, secret)
	p.keys("5", "Enter", "647 555", "Enter")
	p.waitFor("This number is too short.")
	p.keys("6475550123", "Enter")
	p.waitFor("Your number: +1 647-555-0123", "“Call me”: Microsoft calls this number")
	p.keys("0", "Enter")
	if code := p.exited(); code != "0" {
		t.Fatalf("exit %s; stderr %q", code, p.file("stderr"))
	}
	noKeyLeft(t, p, secret)
	noSecretUnder(t, home, secret)
	noSecretUnder(t, config, secret)
	if countFiles(t, config) == 0 {
		t.Fatal("no progress saved: the check above looked at nothing")
	}
}

// Interrupted (ctrl+c, SIGINT) while the key is on screen, plain mode erases it, says the
// support line and exits 130 with the terminal's settings as they were.
func TestPlainPracticeInterrupted(t *testing.T) {
	p := start(t, 100, 30, nil, "--plain", "--lang", "fr", "--step", "9")
	p.waitFor("Votre choix (1 suivant")
	p.keys("4", "Enter")
	s := p.waitFor("Exercice : ajouter un compte", "3. Tapez les 6 chiffres")
	key := plainKey.FindString(s)
	if key == "" {
		t.Fatalf("no key on screen:\n%s", s)
	}
	if out, err := exec.Command("kill", "-INT", p.file("pid")).CombinedOutput(); err != nil {
		t.Fatalf("kill: %v %s", err, out)
	}
	if code := p.exited(); code != "130" {
		t.Fatalf("exit %s, want 130", code)
	}
	p.waitFor("La clé d'exercice a été effacée de cette fenêtre.", "Besoin d'aide ? Écrivez à support@auvenir.ca")
	noKeyLeft(t, p, strings.ReplaceAll(key, " ", ""))
}

// TERM=dumb (an editor's shell buffer keeps all it is sent): even on a terminal, plain mode says
// the practice needs a window that can erase its key, and shows none.
func TestPlainPracticeRefusedOnDumbTerminal(t *testing.T) {
	p := start(t, 100, 30, []string{"TERM=dumb"}, "--lang", "en", "--step", "9")
	p.waitFor("Your choice (1 next")
	p.keys("4", "Enter")
	// The command that works from plain mode (issue 20, item 5), read across the pane's wrapping.
	p.waitUntil(func(s string) string { return strings.ReplaceAll(s, "\n", "") },
		[]string{"run auvenir-onboard --plain --totp-practice there"})
	p.keys("0", "Enter")
	if code := p.exited(); code != "0" {
		t.Fatalf("exit %s", code)
	}
	if s := p.scrollback(); plainKey.MatchString(s) || strings.Contains(s, "Practice: add an account") {
		t.Fatalf("the practice started:\n%s", s)
	}
}
