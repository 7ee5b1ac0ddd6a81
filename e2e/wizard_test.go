package e2e

import (
	"os/exec"
	"strings"
	"testing"
)

func TestWalkthroughInEnglishThenFrench(t *testing.T) {
	p := start(t, 80, 24, nil, "--lang", "en")
	p.waitFor("Before you begin", "support@auvenir.ca", "FR [EN]")
	p.keys("Right")
	p.waitFor("part 2 of 3", "What may happen")
	p.keys("Right")
	p.waitFor("part 3 of 3", "Why Microsoft and DMC Hosting")
	p.keys("Right")
	p.waitFor("Your address")
	// e opens the field: the letters are the address, enter keeps it and goes on.
	p.keys("e", "j", "a", "n", "e", "@", "f", "i", "r", "m", ".", "c", "a", "Enter")
	p.waitFor("Step 1 of 9", "In the inbox of jane@firm.ca")
	p.keys("Left")
	p.waitFor("jane_firm.ca#EXT#@DMCHosting.onmicrosoft.com")
	want := []string{
		"no-reply@auvenir.ca", "“Créer un compte”", "“Send code”", "DMCHosting (via Microsoft)",
		"“Sign in”", "“Accept”", "click jane@firm.ca", "“Next”", "Option 1",
	}
	for n, text := range want {
		p.keys("Right")
		if n == 5 {
			p.waitFor("Step 6 of 9", "part 1 of 2")
			p.keys("Right") // step 6's second part
		}
		p.waitFor("Step "+string(rune('1'+n))+" of 9", text)
	}
	p.keys("l")
	p.waitFor("Étape 9 de 9", "[FR] EN", "Aide : support@auvenir.ca")
	p.keys("Left")
	p.waitFor("Étape 8 de 9", "« Suivant » (Next)")
	p.keys("3")
	p.waitFor("Étape 3 de 9", "« Envoyer le code » (Send code)")
	p.keys("s", "Right")
	p.waitFor("Étape 4 de 9", "Le code est encore valide pendant 2")
	p.keys("q")
	if code := p.exited(); code != "0" {
		t.Fatalf("exit %s", code)
	}
	if s := p.screen(); !strings.Contains(s, "Aide : support@auvenir.ca · +1 (855) 528-8364") {
		t.Fatalf("after quitting, the support line is not left behind:\n%s", s)
	}
}

func TestOpensAtStep4InFrenchAt60x20(t *testing.T) {
	p := start(t, 60, 20, nil, "--step", "4", "--lang", "fr")
	s := p.waitFor("Étape 4 de 9", "DMCHosting (via Microsoft)", "support@auvenir.ca", "q quitter")
	for _, line := range strings.Split(s, "\n") {
		if len([]rune(line)) > 60 {
			t.Fatalf("line wider than 60: %q", line)
		}
	}
	p.keys("C-c")
	if code := p.exited(); code != "0" {
		t.Fatalf("exit %s after ctrl+c", code)
	}
}

func TestLanguageFromLocaleAndChooser(t *testing.T) {
	p := start(t, 80, 24, []string{"LANG=fr_CA.UTF-8"})
	p.waitFor("Avant de commencer")
	p.keys("q")
	p.exited()

	p = start(t, 80, 24, []string{"LANG=C"})
	p.waitFor("Choisissez votre langue · Choose your language")
	p.keys("e")
	p.waitFor("Before you begin")
	p.keys("q")
	p.exited()
}

func TestSIGTERMRestoresTerminal(t *testing.T) {
	p := start(t, 80, 24, nil, "--lang", "en", "--step", "2")
	p.waitFor("Step 2 of 9")
	if out, err := exec.Command("kill", "-TERM", p.file("pid")).CombinedOutput(); err != nil {
		t.Fatalf("kill: %v %s", err, out)
	}
	p.exited()
}

func TestPanicShowsSupportNotAStack(t *testing.T) {
	p := start(t, 80, 24, []string{"AUVENIR_ONBOARD_PANIC_KEY=x"}, "--lang", "fr")
	p.waitFor("Avant de commencer")
	p.keys("x")
	if code := p.exited(); code == "0" {
		t.Fatal("a crash exited 0")
	}
	stderr := p.file("stderr")
	if !strings.Contains(stderr, "erreur interne") || !strings.Contains(stderr, "support@auvenir.ca") ||
		strings.Contains(stderr, "goroutine") || strings.Count(stderr, "\n") > 0 {
		t.Fatalf("stderr after a crash: %q", stderr)
	}
}

// NO_COLOR with any non-empty value (no-color.org) removes colour; bold and marks remain.
func TestNoColor(t *testing.T) {
	colours := func(env ...string) bool {
		p := start(t, 80, 24, env, "--lang", "en")
		p.waitFor("Before you begin")
		out, err := exec.Command("tmux", "-L", p.socket, "capture-pane", "-p", "-e").Output()
		if err != nil {
			t.Fatal(err)
		}
		p.keys("q")
		p.exited()
		return strings.Contains(string(out), "38;") || strings.Contains(string(out), "48;")
	}
	if !colours() {
		t.Fatal("no colour without NO_COLOR: the test cannot tell")
	}
	if colours("NO_COLOR=yes") {
		t.Fatal("NO_COLOR=yes left colours on screen")
	}
}
