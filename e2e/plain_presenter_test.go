package e2e

import (
	"os/exec"
	"strings"
	"testing"
	"time"
)

// What the client types in these tests, and the parts of it no line may show.
const (
	typedAddress = "jane.doe@firmname.ca"
	typedNumber  = "(416) 839-2754"
)

var typedParts = []string{"jane", "firmname", "416", "839"} // the last four digits show masked too

func noTypedData(t *testing.T, where, s string) {
	t.Helper()
	for _, part := range typedParts {
		if strings.Contains(s, part) {
			t.Fatalf("%s shows %q:\n%s", where, part, s)
		}
	}
}

// lastLine is the last line of the screen that holds something.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, " \n"), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// Plain mode with --presenter in a real terminal, screen shared on a call: the address and the
// mobile number typed are not echoed while typed, and are written back only masked; the menus
// echo again; the scrollback holds neither; the terminal's settings are as they were.
func TestPlainPresenterHidesTypedData(t *testing.T) {
	for _, c := range []struct {
		lang, choice, prompt, given, step9, number string
	}{
		{"en", "Your choice (1 next", "Type your email address", "Your address: j•••@f•••.ca", "4 practise with the",
			"Your number: +1 •••-•••-2754"},
		{"fr", "Votre choix (1 suivant", "Tapez votre adresse courriel", "Votre adresse : j•••@f•••.ca", "4 m'exercer avec",
			"Votre numéro : +1 •••-•••-2754"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			p := start(t, 100, 30, nil, "--plain", "--presenter", "--lang", c.lang)
			p.waitFor(c.choice)
			p.keys("1", "Enter")
			p.waitFor(c.choice)
			p.keys("4", "Enter")
			s := p.waitFor(c.prompt)
			p.keys(typedAddress)
			time.Sleep(300 * time.Millisecond)
			noTypedData(t, "the address prompt", p.screen())
			if p.screen() != s {
				t.Fatalf("typing changed the screen:\n%s", p.screen())
			}
			p.keys("Enter")
			p.waitFor(c.given, "j•••_f•••.ca#EXT#@DMCHosting.onmicrosoft.com", c.choice)
			p.keys("3") // the menus echo again: the 3 shows alone on the last line
			p.waitUntil(func(s string) string { return "[" + lastLine(s) + "]" }, []string{"[3]"})
			p.keys("BSpace")
			for range 9 {
				p.keys("1", "Enter")
			}
			p.waitFor(c.step9, c.choice)
			p.keys("5", "Enter")
			time.Sleep(300 * time.Millisecond)
			p.keys(typedNumber)
			time.Sleep(300 * time.Millisecond)
			noTypedData(t, "the phone prompt", p.screen())
			p.keys("Enter")
			p.waitFor(c.number)
			p.keys("0", "Enter")
			if code := p.exited(); code != "0" {
				t.Fatalf("exit %s; stderr %q", code, p.file("stderr"))
			}
			all := p.scrollback()
			noTypedData(t, "the scrollback", all)
			if !strings.Contains(all, "j•••@f•••.ca") || !strings.Contains(all, "•••-•••-2754") {
				t.Fatalf("the masked forms are missing:\n%s", all)
			}
		})
	}
}

// An interrupt (SIGINT, as ctrl+c sends; sent to the binary alone, since ctrl+c in the pane would
// end the wrapper script too) while the echo is off ends the guide with the support line, exit
// 130, and the terminal's settings as they were: the echo is back.
func TestPlainPresenterInterruptedWhileHidden(t *testing.T) {
	p := start(t, 100, 30, nil, "--plain", "--presenter", "--lang", "en", "--step", "9")
	p.waitFor("Your choice (1 next")
	p.keys("5", "Enter")
	p.waitFor("Type your mobile number")
	p.keys("416 839")
	time.Sleep(300 * time.Millisecond)
	noTypedData(t, "the phone prompt", p.screen())
	if out, err := exec.Command("kill", "-INT", p.file("pid")).CombinedOutput(); err != nil {
		t.Fatalf("kill: %v %s", err, out)
	}
	if code := p.exited(); code != "130" {
		t.Fatalf("exit %s, want 130", code)
	}
	p.waitFor("Need help? Email support@auvenir.ca")
	noTypedData(t, "the scrollback", p.scrollback())
}
