package e2e

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// sigNumbers are the ending signals and the exit status each gives (128 + its number on Linux).
var sigNumbers = []struct {
	name   string
	status string
}{{"HUP", "129"}, {"INT", "130"}, {"QUIT", "131"}, {"TERM", "143"}}

// kill sends sig to the binary alone.
func (p *pane) kill(sig string) {
	p.t.Helper()
	if out, err := exec.Command("kill", "-"+sig, p.file("pid")).CombinedOutput(); err != nil {
		p.t.Fatalf("kill -%s: %v %s", sig, err, out)
	}
}

// tmuxValue is a tmux format's value for the pane, such as #{alternate_on}.
func (p *pane) tmuxValue(format string) string {
	p.t.Helper()
	out, err := exec.Command("tmux", "-L", p.socket, "display-message", "-p", format).Output()
	if err != nil {
		p.t.Fatalf("tmux display-message: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// stty is the pane's terminal settings as stty -a lists them, one flag a field.
func (p *pane) stty() []string {
	p.t.Helper()
	out, err := exec.Command("stty", "-F", p.tmuxValue("#{pane_tty}"), "-a").Output()
	if err != nil {
		p.t.Fatalf("stty: %v", err)
	}
	return strings.Fields(strings.ReplaceAll(string(out), ";", " "))
}

func has(fields []string, f string) bool {
	for _, x := range fields {
		if x == f {
			return true
		}
	}
	return false
}

// waitState waits until the binary is stopped (ps state T) or running, as want says.
func (p *pane) waitStopped(want bool) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		// /proc/PID/stat: "pid (name) S ...", S being T when stopped (no ps needed).
		stat, _ := os.ReadFile("/proc/" + p.file("pid") + "/stat")
		_, rest, _ := strings.Cut(string(stat), ") ")
		if strings.HasPrefix(rest, "T") == want {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("process state %q, want stopped=%v; screen:\n%s", rest, want, p.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitTerminal waits until the pane's modes are what want says: raw (the wizard's: no line
// editing, no echo) with the alternate screen on, or the shell's (line editing, echo) with it off.
func (p *pane) waitTerminal(raw bool) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		st, alt := p.stty(), p.tmuxValue("#{alternate_on}")
		ok := has(st, "-icanon") && has(st, "-echo") && alt == "1"
		if !raw {
			ok = has(st, "icanon") && has(st, "echo") && alt == "0"
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("terminal raw=%v wanted; alternate screen %s, stty %v", raw, alt, st)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Every ending signal, in every mode that holds the terminal: the terminal's settings are as
// before, the alternate screen is left, the exit status is 128 + the signal, nothing like a
// stack trace is printed (SIGQUIT's goroutine dump included), and no key is left on screen.
func TestSignalsRestoreTheTerminal(t *testing.T) {
	uri := "otpauth://totp/Example:jane@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example"
	_, silent, _ := strings.Cut(netchecktest.Silent(t), ":")
	modes := []struct {
		name  string
		r     run
		ready []string
	}{
		{"wizard", run{w: 80, h: 24, args: []string{"--lang", "en", "--step", "2"}}, []string{"Step 2 of 9"}},
		{"show-qr", run{w: 80, h: 24, pipe: uri + "\n", args: []string{"--show-qr", "--lang", "en"}}, []string{"GEZD GNBV"}},
		{"check-network", run{w: 100, h: 20, args: []string{"--lang", "en", "--check-network", "--timeout", "30s",
			"--proxy", "none", "https://127.0.0.1:" + silent + "/"}}, []string{"127.0.0.1:" + silent}},
		{"plain practice", run{w: 100, h: 30, args: []string{"--plain", "--lang", "en", "--totp-practice"}},
			[]string{"3. Type the 6 digits"}},
		{"plain hidden prompt", run{w: 100, h: 30, args: []string{"--plain", "--presenter", "--lang", "en", "--step", "9"}},
			[]string{"Your choice (1 next"}},
	}
	for _, m := range modes {
		for _, sig := range sigNumbers {
			t.Run(m.name+"/"+sig.name, func(t *testing.T) {
				t.Parallel()
				p := startWith(t, m.r)
				p.waitFor(m.ready...)
				if m.name == "plain hidden prompt" {
					p.keys("5", "Enter")
					p.waitFor("mobile number")
					deadline := time.Now().Add(10 * time.Second)
					for has(p.stty(), "echo") && time.Now().Before(deadline) {
						time.Sleep(50 * time.Millisecond)
					}
				}
				p.kill(sig.name)
				if code := p.exited(); code != sig.status { // exited checks stty -g before and after
					t.Fatalf("exit %s, want %s; stderr %q", code, sig.status, p.file("stderr"))
				}
				if alt := p.tmuxValue("#{alternate_on}"); alt != "0" {
					t.Errorf("alternate screen still on")
				}
				errs := p.fileMaybe("stderr")
				for _, bad := range []string{"goroutine", "panic", "SIGQUIT", "signal:"} {
					if strings.Contains(errs, bad) {
						t.Errorf("stderr holds %q: %s", bad, errs)
					}
				}
				if m.name == "check-network" {
					if s := strings.TrimSpace(p.screen()); s != "" { // the live lines are erased
						t.Errorf("left on screen:\n%s", s)
					}
				}
				if all := p.scrollback(); strings.Contains(all, "GEZD") || plainKey.MatchString(all) {
					t.Errorf("a key is left in the terminal:\n%s", all)
				}
			})
		}
	}
}

// kill -TSTP from outside, and ctrl+z typed in the wizard: the terminal is given back as it was
// (line mode, echo, main screen) while the program is stopped; on resume (fg, kill -CONT) the
// wizard takes it again and draws its screen anew, and its keys work.
func TestSuspendAndResumeRedraw(t *testing.T) {
	for _, how := range []string{"kill -TSTP", "ctrl+z", "show-qr"} {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			if how == "show-qr" { // keys from /dev/tty, the key from a pipe
				uri := "otpauth://totp/Example:jane@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example"
				p := startWith(t, run{w: 80, h: 24, jobs: true, pipe: uri + "\n", args: []string{"--show-qr", "--lang", "en"}})
				p.waitFor("GEZD GNBV")
				p.waitTerminal(true)
				p.keys("C-z")
				p.waitStopped(true)
				p.waitTerminal(false)
				p.fg()
				p.waitStopped(false)
				p.waitTerminal(true)
				p.waitFor("GEZD GNBV")
				p.keys("q")
				if code := p.exited(); code != "0" {
					t.Fatalf("exit %s; stderr %q", code, p.file("stderr"))
				}
				return
			}
			p := startWith(t, run{w: 80, h: 24, jobs: true, args: []string{"--lang", "en", "--step", "2"}})
			p.waitFor("Step 2 of 9")
			p.waitTerminal(true)
			if how == "ctrl+z" {
				// Where a shell can resume it, the help lists the key.
				p.keys("?")
				p.waitFor("ctrl+z suspend (fg resumes)")
				p.keys("Escape")
				p.waitFor("Step 2 of 9")
				p.keys("C-z")
			} else {
				p.kill("TSTP")
			}
			p.waitStopped(true)
			p.waitTerminal(false)
			if strings.Contains(p.screen(), "Step 2 of 9") {
				t.Fatalf("the wizard is still on screen while stopped:\n%s", p.screen())
			}
			p.fg()
			p.waitStopped(false)
			p.waitTerminal(true)
			p.waitFor("Step 2 of 9") // the alternate screen comes back empty: this is a redraw
			p.keys("Right")
			p.waitFor("Step 3 of 9")
			p.keys("q")
			if code := p.exited(); code != "0" {
				t.Fatalf("exit %s; stderr %q", code, p.file("stderr"))
			}
		})
	}
}

// Without a job-control shell (the program's group is orphaned, as when a terminal window runs
// it directly), ctrl+z does nothing and the help does not offer it.
func TestNoSuspendWithoutAShell(t *testing.T) {
	p := start(t, 80, 24, nil, "--lang", "en", "--step", "2")
	p.waitFor("Step 2 of 9")
	p.keys("?")
	p.waitFor("all keys")
	if strings.Contains(p.screen(), "ctrl+z") {
		t.Fatalf("the help offers ctrl+z:\n%s", p.screen())
	}
	p.keys("Escape", "C-z")
	time.Sleep(300 * time.Millisecond)
	p.waitStopped(false)
	p.keys("Right")
	p.waitFor("Step 3 of 9")
	p.keys("q")
	if code := p.exited(); code != "0" {
		t.Fatalf("exit %s", code)
	}
}

// ctrl+\ typed in plain mode (SIGQUIT to the foreground group) with the practice key on screen:
// the key is erased, the status is 131, and no goroutine dump is printed.
func TestPlainCtrlBackslash(t *testing.T) {
	p := start(t, 100, 30, nil, "--plain", "--lang", "en", "--totp-practice")
	s := p.waitFor("3. Type the 6 digits")
	if plainKey.FindString(s) == "" {
		t.Fatalf("no key on screen:\n%s", s)
	}
	p.keys(`C-\`)
	if code := p.exited(); code != "131" {
		t.Fatalf("exit %s, want 131; stderr %q", code, p.fileMaybe("stderr"))
	}
	if errs := p.fileMaybe("stderr"); strings.Contains(errs, "goroutine") {
		t.Fatalf("goroutine dump: %s", errs)
	}
	if all := p.scrollback(); plainKey.MatchString(all) {
		t.Fatalf("the key is left:\n%s", all)
	}
	p.waitFor("The practice key was removed from this window.")
}

// ctrl+z then fg at a hidden prompt of plain presenter mode: the shell turns the echo back on
// while the program is stopped, and the resume turns it off again, so what is typed next stays
// off the shared screen (issue 14, item 3).
func TestPlainHiddenPromptStaysHiddenAfterResume(t *testing.T) {
	p := startWith(t, run{w: 100, h: 30, jobs: true, args: []string{"--plain", "--presenter", "--lang", "en"}})
	p.waitFor("Your choice (1 next")
	p.keys("1", "Enter")
	p.waitFor("Your choice (1 next")
	p.keys("4", "Enter")
	p.waitFor("Type your email address")
	deadline := time.Now().Add(10 * time.Second)
	for has(p.stty(), "echo") {
		if time.Now().After(deadline) {
			t.Fatal("the echo never went off at the hidden prompt")
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.keys("C-z")
	p.waitStopped(true)
	// What a shell with job control does when its job stops: its own modes, echo on.
	if out, err := exec.Command("stty", "-F", p.tmuxValue("#{pane_tty}"), "echo").CombinedOutput(); err != nil {
		t.Fatalf("stty echo: %v %s", err, out)
	}
	p.fg()
	p.waitStopped(false)
	deadline = time.Now().Add(10 * time.Second)
	for has(p.stty(), "echo") {
		if time.Now().After(deadline) {
			t.Fatal("the echo is on after the resume, at a hidden prompt")
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.keys(typedAddress)
	time.Sleep(300 * time.Millisecond)
	noTypedData(t, "the address prompt after a resume", p.screen())
	p.keys("Enter")
	p.waitFor("Your address: j•••@f•••.ca")
	p.keys("0", "Enter")
	if code := p.exited(); code != "0" {
		t.Fatalf("exit %s; stderr %q", code, p.fileMaybe("stderr"))
	}
	noTypedData(t, "the scrollback", p.scrollback())
}

// fileMaybe is what the wrapper wrote to name, "" when it wrote nothing (an empty stderr).
func (p *pane) fileMaybe(name string) string {
	p.t.Helper()
	out, err := exec.Command("cat", p.dir+"/"+name).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
