package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 20, item 2, on the real binary: on the resume offer n and Esc forget nothing; f names
// what forgetting deletes and asks, Enter there keeps the progress, and only a yes deletes it.
// --step then opens elsewhere with the address kept and saves it with the new place.
func TestResumeOfferForgetsOnlyAfterAYes(t *testing.T) {
	cfg := t.TempDir()
	env := []string{"XDG_CONFIG_HOME=" + cfg}
	p := start(t, 80, 24, env, "--lang", "en")
	p.waitFor("Before you begin")
	p.keys("Right", "Right", "Right", "e", "claire.roy@cabinet.qc.ca", "Enter") // the intro's three parts
	p.waitFor("Step 1 of 9")
	p.keys("5")
	p.waitFor("Step 5 of 9")
	p.keys("q")
	p.exited()

	// --step 3 keeps the address, and saves the new place with it.
	p = start(t, 80, 24, env, "--step", "3")
	p.waitFor("Step 3 of 9")
	p.keys("Right")
	p.waitFor("Step 4 of 9")
	p.keys("q")
	p.exited()
	if st, _, _ := readState(t, cfg); st["screen"] != "step4" || st["email"] != "claire.roy@cabinet.qc.ca" {
		t.Fatalf("--step dropped the address: %v", st)
	}

	p = start(t, 80, 24, env)
	p.waitFor("Welcome back", "Step 4 of 9", "Continue from there?", "f start over")
	p.keys("n", "Escape")
	p.waitFor("Welcome back")
	p.keys("f")
	s := p.waitFor("Start over and forget your saved progress?", "your address (claire.roy@cabinet.qc.ca)",
		"Forget all of it?", "y yes, forget it")
	if !strings.Contains(s, "Enter no, keep it") {
		t.Fatalf("the default is not said:\n%s", s)
	}
	p.keys("Enter")
	p.waitFor("Continue from there?")
	p.keys("q")
	p.exited()
	if st, _, _ := readState(t, cfg); st["email"] != "claire.roy@cabinet.qc.ca" {
		t.Fatalf("the progress changed without a yes: %v", st)
	}

	p = start(t, 80, 24, env)
	p.waitFor("Welcome back")
	p.keys("f")
	p.waitFor("Forget all of it?")
	p.keys("y")
	p.waitFor("Saved progress forgotten: deleted from this computer.", "Before you begin")
	p.keys("q")
	p.exited()
	if _, err := os.Stat(filepath.Join(cfg, "auvenir-onboard", "progress.json")); !os.IsNotExist(err) {
		t.Fatal("a yes left the state file")
	}
}
