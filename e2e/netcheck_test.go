package e2e

import (
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// The wizard's key c checks what --check-network would, as the command line sets it: the
// --endpoints list, through --proxy, trusting --ca-file, within --timeout.
func TestWizardNetworkCheckFollowsTheCommandLine(t *testing.T) {
	ca := netchecktest.NewCA(t, "Wizard Test Root", "Auvenir Tests")
	ok := netchecktest.ServeTLS(t, ca.Leaf(t, "ok.test"), 0, nil)
	_, silent, _ := strings.Cut(netchecktest.Silent(t), ":")
	proxy := netchecktest.NewProxy(t, false)
	dir := t.TempDir()
	caFile, list := filepath.Join(dir, "ca.pem"), filepath.Join(dir, "endpoints.toml")
	if err := os.WriteFile(caFile, ca.PEM, 0o600); err != nil {
		t.Fatal(err)
	}
	toml := "[[group]]\nid = \"test\"\nname = \"Test\"\n\n  [[group.endpoint]]\n  url = \"https://ok.test:" +
		netchecktest.Port(ok) + "/\"\n\n  [[group.endpoint]]\n  url = \"https://silent.test:" + silent + "/\"\n"
	if err := os.WriteFile(list, []byte(toml), 0o600); err != nil {
		t.Fatal(err)
	}
	p := start(t, 120, 50, nil, "--lang", "en", "--proxy", proxy.URL, "--endpoints", list,
		"--ca-file", caFile, "--timeout", "2s")
	p.waitFor("Before you begin")
	p.keys("End") // the offer closes the screen, under the seed's explanations
	p.waitFor("Press c")
	p.keys("c")
	p.waitForWords("This network blocks some addresses", "no answer within 2 s")
	if s := p.screen(); !strings.Contains(s, "ok.test") {
		t.Errorf("the --endpoints list is not what was checked:\n%s", s)
	}
	want := []string{"ok.test:" + netchecktest.Port(ok), "silent.test:" + silent}
	got := proxy.Connects()
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("the proxy was asked for %v, want %v", got, want)
	}
	p.keys("q")
	if code := p.exited(); code != "0" {
		t.Errorf("exit %s", code)
	}
}

// ctrl+c during --check-network in a terminal: the live lines and the echoed ^C are erased (the
// harness sends standard error to a file), one line says the check was interrupted, and the exit
// status is 130.
func TestCheckNetworkInterruptedLeavesACleanScreen(t *testing.T) {
	_, silent, _ := strings.Cut(netchecktest.Silent(t), ":")
	p := start(t, 100, 20, nil, "--lang", "fr", "--check-network", "--timeout", "30s", "--proxy", "none",
		"https://127.0.0.1:"+silent+"/")
	p.waitFor("Vérification du réseau", "127.0.0.1:"+silent)
	p.keys("C-c")
	if code := p.exited(); code != "130" {
		t.Fatalf("exit %s, want 130; screen:\n%s", code, p.screen())
	}
	if s := strings.TrimSpace(p.screen()); s != "" {
		t.Errorf("left on screen after ctrl+c:\n%s", s)
	}
	if msg := p.file("stderr"); msg != "Vérification du réseau interrompue." {
		t.Errorf("stderr %q", msg)
	}
}

// At a terminal, the table left after the live view keeps its colours: the verdict marks are
// coloured, not only shaped (the table is written through the failed-write check, which is no
// terminal itself, so the colour profile must come from standard output).
func TestCheckNetworkTableKeepsItsColoursAtATerminal(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	l.Close()
	p := start(t, 100, 20, []string{"COLORTERM=truecolor"}, "--lang", "en", "--check-network",
		"--proxy", "none", "--timeout", "2s", "https://"+closed+"/")
	if code := p.exited(); code != "1" {
		t.Fatalf("exit %s, want 1; screen:\n%s", code, p.screen())
	}
	var row string
	for _, line := range strings.Split(p.screenEscapes(), "\n") {
		if strings.Contains(line, closed) && strings.Contains(line, "refused") {
			row = line // the table's row comes before the remedies
			break
		}
	}
	if row == "" {
		t.Fatalf("no refused row for %s:\n%s", closed, p.screen())
	}
	if !strings.Contains(row, "\x1b[38;") && !strings.Contains(row, "\x1b[3") && !strings.Contains(row, "\x1b[9") {
		t.Errorf("the refused row has no colour: %q", row)
	}
}
