package e2e

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/otpauth"
	"github.com/auvenir/auvenir-onboard/internal/screenqr"
	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// oathtool computes the code of secret at a time given in date(1)'s words ("now + 2 minutes").
func oathtool(t *testing.T, secret, at string) string {
	t.Helper()
	out, err := exec.Command("oathtool", "--totp", "-b", "-N", at, secret).Output()
	if err != nil {
		t.Fatalf("oathtool: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// carrySGR makes each line of a `tmux capture-pane -e` capture stand alone. tmux writes only the
// changes from one cell to the next, across line ends too, and drops trailing spaces: a line of
// the colour drawing of a QR code can start in the background colour set at the end of the line
// above. Each line gets the colour changes since the last reset in front.
func carrySGR(capture string) string {
	sgr := regexp.MustCompile(`\x1b\[[0-9;:]*m`)
	var state []string
	lines := strings.Split(capture, "\n")
	for i, l := range lines {
		prefix := strings.Join(state, "")
		for _, s := range sgr.FindAllString(l, -1) {
			if s == "\x1b[m" || s == "\x1b[0m" {
				state = state[:0]
				continue
			}
			state = append(state, s)
		}
		lines[i] = prefix + l
	}
	return strings.Join(lines, "\n")
}

// backgrounds are the tmux panes' default colours. tmux answers a program's OSC 11 query with
// the pane's background when window-style sets one in RGB, so the binary learns it as from a
// real terminal. With colour the drawing paints its own quiet zone, the same on both: its top
// line starts with spaces in the drawing's light colour.
var backgrounds = []struct {
	name  string
	style string
	theme screenqr.Theme
	zone  string // the first cells of the drawing's top line
}{
	{"light", "set -g window-style 'bg=#ffffff,fg=#000000'", screenqr.Light, "    "},
	{"dark", "set -g window-style 'bg=#000000,fg=#ffffff'", screenqr.Dark, "    "},
}

// waitForZone waits until the drawing's top-left cells are zone: the binary has drawn the code
// for the background tmux reported (the first frame, before the answer, assumes dark). It then
// waits for the same screen twice in a row: the redraw for the background reaches the top line
// first, and a capture taken during it holds half of each drawing, which no scanner reads.
func (p *pane) waitForZone(zone string) string {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	last := ""
	for {
		s := p.screen()
		if strings.HasPrefix(s, zone) && s == last {
			return s
		}
		last = s
		if time.Now().After(deadline) {
			p.t.Fatalf("the code is not drawn for this background (want %q first); screen:\n%s", zone, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// flow is a screen's text in reading order for a screen whose left part is a QR code: blocks
// and line breaks become spaces, so a sentence wrapped in the right column reads whole.
func flow(screen string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r == '█' || r == '▀' || r == '▄' {
			return ' '
		}
		return r
	}, screen)), " ")
}

// waitForWords is waitFor for sentences that may wrap.
func (p *pane) waitForWords(texts ...string) {
	p.t.Helper()
	p.waitUntil(flow, texts)
}

func TestPracticeEndToEnd(t *testing.T) {
	testtool.Need(t, "zbarimg")
	testtool.Need(t, "oathtool")
	for _, bg := range backgrounds {
		t.Run(bg.name, func(t *testing.T) {
			began := time.Now()
			home, config := t.TempDir(), t.TempDir()
			p := startWith(t, run{w: 80, h: 24, tmux: bg.style,
				env:  []string{"HOME=" + home, "XDG_CONFIG_HOME=" + config},
				args: []string{"--lang", "en", "--totp-practice"}})
			p.waitFor("Practice: add an account", "Or enter code manually", "support@auvenir.ca")
			plain := p.waitForZone(bg.zone)

			// As a phone's camera sees it on this background: dark modules on light.
			got, err := screenqr.ScanANSI(carrySGR(p.screenEscapes()), bg.theme)
			if err != nil || len(got) != 1 {
				t.Fatalf("on a %s background a scanner reads %q (%v)", bg.name, got, err)
			}
			key, err := otpauth.Parse(got[0])
			if err != nil || key.Issuer != "Auvenir (practice)" || key.Account != "practice" {
				t.Fatalf("the code holds %q: %v", got[0], err)
			}
			secret := key.Secret
			if !strings.Contains(plain, otpauth.Group(secret)[:19]) || !strings.Contains(plain, otpauth.Group(secret)[20:]) {
				t.Fatalf("the key shown as text is not the key in the code:\n%s", plain)
			}

			// Not a code: refused where it is typed, and kept.
			p.keys("12a", "Enter")
			p.waitForWords("Type the 6 digits the app shows", "› 12a")
			p.keys("BSpace", "BSpace", "BSpace")
			// A six-digit code of no time near now.
			wrong := oathtool(t, secret, "now + 1 hour")
			p.keys(wrong, "Enter")
			p.waitForWords("This code does not match")
			// The phone's clock two minutes ahead.
			p.keys(oathtool(t, secret, "now + 2 minutes"), "Enter")
			p.waitForWords("your phone's clock is about 2 minutes ahead")
			// The right code.
			p.keys(oathtool(t, secret, "now"), "Enter")
			p.waitForWords("✓ Code verified", "Now delete the practice account", "Work or school account")
			p.keys("Escape")
			p.waitFor("Step 9 of 9", "✓ Practice done")
			p.keys("q")
			if code := p.exited(); code != "0" {
				t.Fatalf("exit %s; stderr %q", code, p.file("stderr"))
			}

			// The key lived on the alternate screen and in memory only.
			if s := p.scrollback(); strings.Contains(s, secret[:16]) || strings.Contains(s, otpauth.Group(secret)[:19]) {
				t.Fatalf("the key is left in the terminal:\n%s", s)
			}
			for _, dir := range []string{home, config} {
				noSecretUnder(t, dir, secret)
			}
			if n := countFiles(t, config); n == 0 {
				t.Fatal("no progress saved under XDG_CONFIG_HOME: the check above looked at nothing")
			}
			t.Logf("%s background: %.1f s", bg.name, time.Since(began).Seconds())
		})
	}
}

// noSecretUnder fails if any file under dir holds the key, in any of the forms it is shown in.
func noSecretUnder(t *testing.T, dir, secret string) {
	t.Helper()
	forms := [][]byte{[]byte(secret), []byte(strings.ToLower(secret)), []byte(otpauth.Group(secret)), []byte(secret[:16])}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, f := range forms {
			if bytes.Contains(b, f) {
				t.Errorf("%s holds the practice key", path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func countFiles(t *testing.T, dir string) (n int) {
	t.Helper()
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// --show-qr: the address comes through a pipe, the keys from the terminal; the code on screen is
// the address given, on either background.
func TestShowQREndToEnd(t *testing.T) {
	testtool.Need(t, "zbarimg")
	uri := "otpauth://totp/Example:jane@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example"
	for _, bg := range backgrounds {
		t.Run(bg.name, func(t *testing.T) {
			p := startWith(t, run{w: 80, h: 24, tmux: bg.style, pipe: uri + "\n", args: []string{"--show-qr", "--lang", "fr"}})
			p.waitFor("Balayez ce code", "GEZD GNBV GY3T QOJQ", "support@auvenir.ca")
			p.waitForZone(bg.zone)
			if seen, err := screenqr.ScanANSI(carrySGR(p.screenEscapes()), bg.theme); err != nil || len(seen) != 1 || seen[0] != uri {
				t.Fatalf("on a %s background a scanner reads %q (%v)", bg.name, seen, err)
			}
			p.keys("q")
			if code := p.exited(); code != "0" {
				t.Fatalf("exit %s; stderr %q", code, p.file("stderr"))
			}
			if strings.Contains(p.scrollback(), "GEZD") {
				t.Fatal("the key is left in the terminal")
			}
		})
	}
}

// --show-qr typed at a prompt, with nothing piped in: it must not wait for typing.
func TestShowQRWithoutPipeEndToEnd(t *testing.T) {
	p := start(t, 80, 24, nil, "--show-qr", "--lang", "en")
	if code := p.exited(); code != "2" {
		t.Fatalf("exit %s", code)
	}
	if stderr := p.file("stderr"); !strings.Contains(stderr, "reads the otpauth address from standard input") {
		t.Fatalf("stderr %q", stderr)
	}
}

// screenEscapes is the visible screen with its colour escapes (capture-pane -e): the colour
// drawing of a QR code is in the colours.
func (p *pane) screenEscapes() string {
	p.t.Helper()
	out, err := exec.Command("tmux", "-L", p.socket, "capture-pane", "-p", "-e").Output()
	if err != nil {
		p.t.Fatalf("capture-pane: %v", err)
	}
	return string(out)
}
