package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Started in a console of its own with standard output redirected (« --print > guide.md »), the
// Windows build writes its closing "Press any key" to the console (CONOUT$), where it is seen,
// and not into the file, which stays the guide alone.
func TestWindowsPauseWithRedirectedOutputUnderWine(t *testing.T) {
	wine, prefix := wineSetup(t)
	exe := buildWindows(t, false)
	dir := t.TempDir()
	socket := fmt.Sprintf("ao-winepause-%d", os.Getpid())
	script := fmt.Sprintf(`cd %[1]s
env -u TERM -u TERM_PROGRAM -u LANG -u LC_ALL -u LC_MESSAGES WINEPREFIX=%[2]s WINEDEBUG=-all %[3]s %[4]s --print --lang fr > guide.md
echo $? > code
sleep 600
`, dir, prefix, wine, exe)
	if err := os.WriteFile(filepath.Join(dir, "run.sh"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "100",
		"-y", "30", "sh", filepath.Join(dir, "run.sh")).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-L", socket, "kill-server").Run() })
	win := &pane{t: t, socket: socket, dir: dir}
	// Wine's console shows "fenêtre" without its accent on a terminal it drives without a TERM.
	win.waitFor("Appuyez sur une touche pour fermer cette fen")
	win.keys("Enter")
	if code := win.file("code"); code != "0" {
		t.Fatalf("exit status %s", code)
	}
	guide, err := os.ReadFile(filepath.Join(dir, "guide.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(guide), "# Guide") || strings.Contains(string(guide), "Appuyez") {
		t.Errorf("guide.md holds the pause or is not the guide (%d bytes): ...%q", len(guide), guide[max(0, len(guide)-120):])
	}
}
