package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// looksLikeQR: a QR code drawn in half blocks has rows dense with block characters; the widest
// block drawing the wizard makes on purpose (presenter mode's big step number) has six.
func looksLikeQR(s string) bool {
	for _, line := range strings.Split(s, "\n") {
		n := 0
		for _, r := range line {
			if r == '█' || r == '▀' || r == '▄' {
				n++
			}
		}
		if n >= 20 {
			return true
		}
	}
	return false
}

// Presenter mode, screen shared on a call: the address typed never shows, on any screen or in
// the scrollback after quitting, and no QR code appears.
func TestPresenterNeverShowsTheAddress(t *testing.T) {
	p := start(t, 80, 24, nil, "--presenter", "--lang", "en")
	p.waitFor("Before you begin", "Presenter mode", "support@auvenir.ca")
	p.keys("Right", "Right", "Right", "e", "jane.doe@firmname.ca") // the intro's three parts
	p.waitFor("••••••••")
	p.keys("Enter", "Left")
	p.waitFor("j•••@f•••.ca", "j•••_f•••.ca#EXT#@DMCHosting.onmicrosoft.com")
	var seen strings.Builder
	check := func(s string) {
		t.Helper()
		seen.WriteString(s)
		if strings.Contains(s, "jane") || strings.Contains(s, "firmname") {
			t.Fatalf("the address is on screen:\n%s", s)
		}
		if looksLikeQR(s) {
			t.Fatalf("a QR code is on screen:\n%s", s)
		}
	}
	check(p.screen())
	for n := 1; n <= 9; n++ {
		p.keys(fmt.Sprint(n))
		check(p.waitFor(fmt.Sprintf("Step %d of 9", n), "support@auvenir.ca", "+1 (855) 528-8364"))
		p.keys("?")
		check(p.waitFor("all keys"))
		p.keys("?")
	}
	p.keys("7")
	check(p.waitFor("click j•••@f•••.ca"))
	p.keys("l")
	check(p.waitFor("Étape 7 de 9", "Mode présentateur", "j•••@f•••.ca"))
	p.keys("q")
	if code := p.exited(); code != "0" {
		t.Fatalf("exit %s", code)
	}
	check(p.scrollback())
}

// The big step number in presenter mode matches the guide's « Étape N ».
func TestPresenterBigStep(t *testing.T) {
	p := start(t, 80, 24, nil, "--presenter", "--lang", "fr", "--step", "5")
	s := p.waitFor("Étape 5 de 9", "Mode présentateur")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.Contains(l, "Étape  ") {
			// The number 5 three lines high.
			big := lines[i-1] + "\n" + l + "\n" + lines[i+1]
			if !strings.Contains(lines[i-1], "██▀▀▀▀") || !strings.Contains(l, "▀▀▀▀██") || !strings.Contains(lines[i+1], "▀▀▀▀▀▀") {
				t.Fatalf("no big 5:\n%s", big)
			}
			p.keys("q")
			p.exited()
			return
		}
	}
	t.Fatalf("no « Étape » banner:\n%s", s)
}

type savedState map[string]any

func readState(t *testing.T, cfg string) (savedState, os.FileInfo, os.FileInfo) {
	t.Helper()
	dir := filepath.Join(cfg, "auvenir-onboard")
	path := filepath.Join(dir, "progress.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var st savedState
	if err := json.Unmarshal(raw, &st); err != nil {
		t.Fatalf("state file is not JSON: %v\n%s", err, raw)
	}
	fi, _ := os.Stat(path)
	di, _ := os.Stat(dir)
	return st, fi, di
}

// Quit at step 5 with an address and the code timer running; start again: the guide offers to
// continue there, in the language saved, and does. The file is private and holds no secret.
func TestResumeAfterQuittingAtStep5(t *testing.T) {
	cfg := t.TempDir()
	env := []string{"XDG_CONFIG_HOME=" + cfg}
	p := start(t, 80, 24, env, "--lang", "fr")
	p.waitFor("Avant de commencer")
	p.keys("Right", "Right", "Right", "e", "jane@firm.ca", "Enter", "Left") // the intro's three parts
	p.waitFor("jane_firm.ca#EXT#@DMCHosting.onmicrosoft.com")
	p.keys("3", "s")
	p.waitFor("Le code est encore valide pendant")
	started := time.Now()
	p.keys("Right", "Right")
	p.waitFor("Étape 5 de 9")
	p.keys("q")
	if code := p.exited(); code != "0" {
		t.Fatalf("exit %s", code)
	}

	st, fi, di := readState(t, cfg)
	if fi.Mode().Perm() != 0o600 || di.Mode().Perm() != 0o700 {
		t.Fatalf("file mode %o, directory mode %o; want 600 and 700", fi.Mode().Perm(), di.Mode().Perm())
	}
	var keys []string
	for k := range st {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if strings.Join(keys, " ") != "code_sent email lang screen version" {
		t.Fatalf("state file holds %v", keys)
	}
	if st["screen"] != "step5" || st["lang"] != "fr" || st["email"] != "jane@firm.ca" {
		t.Fatalf("state = %v", st)
	}
	sent, err := time.Parse(time.RFC3339Nano, st["code_sent"].(string))
	if err != nil || sent.Before(started.Add(-time.Minute)) || sent.After(started.Add(time.Minute)) {
		t.Fatalf("code_sent = %v (%v)", st["code_sent"], err)
	}

	// No --lang this time, and LANG=C: the saved language is used.
	p = start(t, 80, 24, env)
	p.waitFor("Bon retour", "Étape 5 de 9 : Entrer le code", "Reprendre à cet endroit ?")
	p.keys("Enter")
	p.waitFor("Étape 5 de 9", "Le code est encore valide pendant 2", "jane@firm.ca")
	p.keys("Right")
	p.waitFor("Étape 6 de 9")
	p.keys("q")
	p.exited()
	if st, _, _ := readState(t, cfg); st["screen"] != "step6" {
		t.Fatalf("after resuming and moving on, state = %v", st)
	}

	// --reset forgets it: no question, a line saying so.
	p = start(t, 80, 24, env, "--reset", "--lang", "en")
	p.waitFor("Saved progress forgotten:", "Before you begin")
	p.keys("q")
	p.exited()
	if _, err := os.Stat(filepath.Join(cfg, "auvenir-onboard", "progress.json")); !os.IsNotExist(err) {
		t.Fatal("--reset left the state file")
	}
}

// A damaged state file is reported in one line on the first screen and the guide starts from
// the beginning, then saves good progress over it.
func TestCorruptStateFile(t *testing.T) {
	cfg := t.TempDir()
	dir := filepath.Join(cfg, "auvenir-onboard")
	os.MkdirAll(dir, 0o700)
	os.WriteFile(filepath.Join(dir, "progress.json"), []byte(`{"version": 1, "screen": "st`), 0o600)
	p := start(t, 100, 30, []string{"XDG_CONFIG_HOME=" + cfg}, "--lang", "en")
	p.waitFor("damaged and was ignored", "Before you begin")
	p.keys("Right", "Right", "Right") // the intro's three parts
	p.waitFor("Email address")        // the field's label: "Your address" is also in the step list
	if s := p.screen(); strings.Contains(s, "damaged") {
		t.Fatalf("the notice stays after moving on:\n%s", s)
	}
	p.keys("q") // the address field stays closed until e: q is the key
	if code := p.exited(); code != "0" {
		t.Fatalf("exit %s", code)
	}
	if st, _, _ := readState(t, cfg); st["screen"] != "address" {
		t.Fatalf("state after the corrupt file = %v", st)
	}
	// A file from a newer version is left alone, and said so.
	os.WriteFile(filepath.Join(dir, "progress.json"), []byte(`{"version": 99}`), 0o600)
	p = start(t, 100, 30, []string{"XDG_CONFIG_HOME=" + cfg}, "--lang", "en")
	p.waitFor("newer version", "Before you begin")
	p.keys("q")
	p.exited()
}

// y copies through OSC 52 as well: tmux, with set-clipboard on, keeps it as a paste buffer.
// With no display there is no system clipboard, so the screen does not claim a copy: it shows
// the address on a line of its own, to select by hand.
func TestCopyKeyOSC52(t *testing.T) {
	p := start(t, 80, 24, []string{"DISPLAY=", "WAYLAND_DISPLAY="}, "--lang", "en", "--step", "4")
	if out, err := exec.Command("tmux", "-L", p.socket, "set-option", "-g", "set-clipboard", "on").CombinedOutput(); err != nil {
		t.Fatalf("tmux set-clipboard: %v %s", err, out)
	}
	p.waitFor("Step 4 of 9")
	p.keys("y")
	screen := p.waitFor("The clipboard could not be reached. Select this text to copy it:")
	if strings.Contains(screen, "Copied to the clipboard") || !strings.Contains(screen, "\n  support@auvenir.ca\n") {
		t.Fatalf("screen:\n%s", screen)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		out, _ := exec.Command("tmux", "-L", p.socket, "show-buffer").Output()
		if strings.TrimSpace(string(out)) == "support@auvenir.ca" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("clipboard buffer = %q", out)
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.keys("q")
	p.exited()
}

// o on step 6: with no browser to open, the link is shown to open by hand; with one, it gets
// the link.
func TestOpenKey(t *testing.T) {
	p := start(t, 100, 30, []string{"DISPLAY=", "WAYLAND_DISPLAY="}, "--lang", "en", "--step", "6")
	p.waitFor("Step 6 of 9", "o open link")
	p.keys("o")
	p.waitFor("No web browser could be opened. Open this address yourself:", "https://myaccount.microsoft.com?tenantId=DMCHosting.onmicrosoft.com")
	p.keys("q")
	p.exited()

	bin := t.TempDir()
	got := filepath.Join(bin, "opened")
	fake := "#!/bin/sh\necho \"$1\" > " + got + "\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	p = start(t, 100, 30, []string{"DISPLAY=:99", "PATH=" + bin + ":$PATH"}, "--lang", "en", "--step", "6")
	p.waitFor("Step 6 of 9")
	p.keys("o")
	p.waitFor("Opening https://myaccount.microsoft.com?tenantId=DMCHosting.onmicrosoft.com in your web browser.")
	if b, err := os.ReadFile(got); err != nil || strings.TrimSpace(string(b)) != "https://myaccount.microsoft.com?tenantId=DMCHosting.onmicrosoft.com" {
		t.Fatalf("the browser got %q (%v)", b, err)
	}
	p.keys("q")
	p.exited()
}

// Plain mode in a terminal, its answers piped in: every step, in both languages, line by line,
// then the support line and exit 0, the terminal's settings unchanged.
func TestPlainModeThroughAPipe(t *testing.T) {
	for _, c := range []struct{ lang, step, end string }{
		{"en", "Step %d of 9: ", "Need help? Email support@auvenir.ca or call +1 (855) 528-8364."},
		{"fr", "Étape %d de 9 : ", "Besoin d'aide ? Écrivez à support@auvenir.ca ou appelez le +1 (855) 528-8364."},
	} {
		t.Run(c.lang, func(t *testing.T) {
			p := startPipe(t, strings.Repeat("1\n", 11), "--plain", "--lang", c.lang)
			if code := p.exited(); code != "0" {
				t.Fatalf("exit %s", code)
			}
			s := p.scrollback()
			last := -1
			for n := 1; n <= 9; n++ {
				i := strings.Index(s, fmt.Sprintf(c.step, n))
				if i <= last {
					t.Fatalf("step %d missing or out of order:\n%s", n, s)
				}
				last = i
			}
			if !strings.Contains(s, c.end) || looksLikeQR(s) || strings.ContainsAny(s, "╭│─") {
				t.Fatalf("no support line, or box drawing:\n%s", s)
			}
		})
	}
}

// startPipe runs `printf input | binary args` in a tmux pane, recording like start does.
func startPipe(t *testing.T, input string, args ...string) *pane {
	t.Helper()
	testtool.Need(t, "tmux")
	dir := t.TempDir()
	p := &pane{t: t, socket: fmt.Sprintf("ao-%d-%d", os.Getpid(), sessions.Add(1)), dir: dir}
	if err := os.WriteFile(filepath.Join(dir, "input"), []byte(input), 0o600); err != nil {
		t.Fatal(err)
	}
	script := fmt.Sprintf(`cd %s
stty -g > before
cat input | %s %s 2> stderr
echo $? > code
stty -g > after
sleep 600
`, dir, binary, strings.Join(args, " "))
	os.WriteFile(filepath.Join(dir, "run.sh"), []byte(script), 0o700)
	cmd := exec.Command("tmux", "-L", p.socket, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30",
		"env", "TERM=xterm-256color", "LANG=C.UTF-8", "XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"sh", filepath.Join(dir, "run.sh"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-L", p.socket, "kill-server").Run() })
	return p
}

// y with a desktop session (an X display and xclip): the address is on the system clipboard,
// and the screen says so.
func TestCopyKeySystemClipboard(t *testing.T) {
	testtool.Need(t, "Xvfb")
	testtool.Need(t, "xclip")
	display := startXvfb(t)
	p := start(t, 80, 24, []string{"DISPLAY=" + display, "WAYLAND_DISPLAY="}, "--lang", "en", "--step", "4")
	p.waitFor("Step 4 of 9")
	p.keys("y")
	p.waitFor("Copied to the clipboard: support@auvenir.ca")
	read := exec.Command("xclip", "-o", "-selection", "clipboard")
	read.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := read.Output(); err != nil || string(out) != "support@auvenir.ca" {
		t.Fatalf("the X clipboard holds %q (%v)", out, err)
	}
	p.keys("q")
	p.exited()
}

// startXvfb starts a virtual X display for the test and returns its name.
func startXvfb(t *testing.T) string {
	t.Helper()
	n := 140
	for ; n < 220; n++ {
		_, e1 := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n))
		_, e2 := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n))
		if e1 != nil && e2 != nil {
			break
		}
	}
	display := fmt.Sprintf(":%d", n)
	cmd := exec.Command("Xvfb", display, "-nolisten", "tcp")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			return display
		}
		if time.Now().After(deadline) {
			t.Fatal("Xvfb did not start")
		}
	}
}
