package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Issue 10's behaviours as a new client meets them, on the real binary at 80×24.

// 1. Issue 20, item 1: on « Your address » the field opens only on purpose. Letters typed before
// (a client typing "jacques@…") neither quit (q) nor go back (p) nor land in the field; e opens
// it, and Enter keeps the address. Going back (←) later, the letters c, q, l and Enter leave the
// saved address as it was.
func TestTypingTheAddressWithoutPressingE(t *testing.T) {
	p := start(t, 80, 24, nil, "--lang", "en")
	p.waitFor("Before you begin")
	p.keys("Right", "Right", "Right") // the intro's three parts
	p.waitFor("Your address")
	p.keys("-l", "jacques@firm.ca")
	p.keys("Enter")
	s := p.waitFor("No field is open here", "Your address")
	if strings.Contains(s, "jacques") {
		t.Fatalf("letters typed before e reached the field:\n%s", s)
	}
	p.keys("e")
	p.waitFor("Email address (editing)")
	p.keys("-l", "jacques@firm.ca")
	p.keys("Enter")
	p.waitFor("Step 1 of 9", "In the inbox of jacques@firm.ca")
	p.keys("Left")
	p.waitFor("Your address: jacques@firm.ca")
	p.keys("c", "q", "l", "Enter")
	p.waitFor("No field is open here")
	p.keys("Escape", "Right")
	p.waitFor("Step 1 of 9", "In the inbox of jacques@firm.ca")
	p.keys("q")
	if code := p.exited(); code != "0" {
		t.Fatalf("exit %s", code)
	}
}

// 2. Esc cancels an edit: the address kept before stays, and an old refusal goes.
func TestEscKeepsTheAddressTypedAfterAnError(t *testing.T) {
	p := start(t, 80, 24, nil, "--lang", "en")
	p.waitFor("Before you begin")
	p.keys("Right", "Right", "Right") // the intro's three parts
	p.waitFor("Your address")
	p.keys("e")
	p.keys("-l", "jane@firm")
	p.keys("Enter")
	p.waitFor("must be a domain with a dot")
	p.keys("C-u")
	p.keys("-l", "marie@cabinet.ca")
	p.keys("Enter")
	p.waitFor("Step 1 of 9", "In the inbox of marie@cabinet.ca")
	p.keys("Left", "e", "C-u")
	p.keys("-l", "other@cabinet.ca")
	p.keys("Escape")
	s := p.waitFor("Your address: marie@cabinet.ca")
	if strings.Contains(s, "must be a domain") || strings.Contains(s, "other@") {
		t.Fatalf("the old refusal or the cancelled text stays:\n%s", s)
	}
	p.keys("Right")
	p.waitFor("Step 1 of 9", "In the inbox of marie@cabinet.ca")
	p.keys("q")
	p.exited()
}

// 3. The chooser's marker follows the arrows.
func TestChooserMarkerFollowsTheArrows(t *testing.T) {
	p := start(t, 80, 24, []string{"LANG=C"})
	p.waitFor("Choisissez votre langue", "▸ Français")
	p.keys("Right")
	p.waitFor("▸ English")
	p.keys("Enter")
	p.waitFor("Before you begin")
	p.keys("q")
	p.exited()
}

// 4. The presenter mode's status line is said again in French after l.
func TestStatusLineFollowsTheLanguage(t *testing.T) {
	p := start(t, 80, 24, nil, "--lang", "en")
	p.waitFor("Before you begin")
	p.keys("P")
	p.waitFor("Presenter mode on")
	p.keys("l")
	s := p.waitFor("Avant de commencer", "Mode présentateur activé")
	if strings.Contains(s, "Presenter mode on") {
		t.Fatalf("the status stays in English:\n%s", s)
	}
	p.keys("q")
	p.exited()
}

// 8. s on a running timer asks before starting it over.
func TestTimerAsksBeforeStartingOver(t *testing.T) {
	p := start(t, 80, 24, nil, "--lang", "en", "--step", "3")
	p.waitFor("Step 3 of 9")
	p.keys("s")
	p.waitFor("The code works for")
	p.keys("s")
	p.waitFor("Press s again only if you asked")
	p.keys("q")
	p.exited()
}

// 10. Seven digits are a number without its area code, not a number that does not exist.
func TestPhoneWithoutAreaCode(t *testing.T) {
	p := start(t, 80, 24, nil, "--lang", "en", "--step", "9")
	p.waitFor("Step 9 of 9")
	p.keys("Right", "Right", "Right") // option 2's part, where t is
	p.waitFor("part 4 of 6")
	p.keys("t")
	p.waitFor("Mobile number")
	p.keys("-l", "555-1234")
	p.keys("Enter")
	s := p.waitFor("The area code is missing")
	if strings.Contains(s, "does not exist") {
		t.Fatalf("the number is said not to exist:\n%s", s)
	}
	p.keys("C-c")
	p.exited()
}

// Issue 14, item 15: 100 KB pasted into the address field by a terminal without bracketed paste
// arrive as 100,000 keys. The field keeps its 254 characters and the wizard answers the Enter
// that follows within a generous limit (a key past the limit costs next to nothing; the old
// wizard drew a frame for each, about 50 s).
func TestLongUnbracketedPaste(t *testing.T) {
	p := start(t, 80, 24, nil, "--lang", "en")
	p.waitFor("Before you begin")
	p.keys("Right", "Right", "Right") // the intro's three parts
	p.waitFor("Your address")
	p.keys("e")
	p.waitFor("(editing)")
	page := filepath.Join(p.dir, "page.txt")
	if err := os.WriteFile(page, []byte(strings.Repeat("abcdefghij", 10_000)), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"load-buffer", page}, {"paste-buffer"}, {"send-keys", "Enter"}} {
		if out, err := exec.Command("tmux", append([]string{"-L", p.socket}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("tmux %v: %v %s", args, err, out)
		}
	}
	deadline := time.Now().Add(40 * time.Second)
	for !strings.Contains(p.screen(), "This is not a valid email address") {
		if time.Now().After(deadline) {
			t.Fatalf("no answer to Enter 40 s after the paste:\n%s", p.screen())
		}
		time.Sleep(200 * time.Millisecond)
	}
	p.keys("C-c")
	if code := p.exited(); code != "0" {
		t.Fatalf("exit %s", code)
	}
}
