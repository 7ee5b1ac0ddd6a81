package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// The Windows build, run under wine as a Windows client runs it (TERM and LANG unset), with every
// byte it writes to the console recorded. Wine's own console redraws what it receives in its own
// way, so the recording, not wine's screen, is what a Windows console would get. The recording is
// replayed into pyte, a terminal emulator, set up without insert mode as the Windows 10 console
// host is, and each screen of the walk must read exactly as the Linux build's does in tmux.
//
// It needs a wine prefix that runs Go programs (scripts/wine-prefix.sh makes one; .ci/run's wine
// lane sets AUVENIR_WINE_PREFIX), tmux, and python3 with pyte (Debian's python3-pyte).

// wineSetup returns the wine loader and the prefix, or skips (naming what is missing) when no
// prefix was prepared; under CI the wine lane always prepares one.
func wineSetup(t *testing.T) (wine, prefix string) {
	t.Helper()
	prefix = os.Getenv("AUVENIR_WINE_PREFIX")
	if prefix == "" {
		t.Skip(`AUVENIR_WINE_PREFIX is not set: .ci/run's step "Windows build under wine" (scripts/wine-check.sh) prepares the prefix and runs this test`)
	}
	wine = "/usr/lib/wine/wine64"
	if _, err := os.Stat(wine); err != nil {
		testtool.Need(t, "wine64")
		wine = "wine64"
	}
	testtool.Need(t, "tmux")
	return wine, prefix
}

// buildWindows cross-builds the program for windows/amd64. With seams it is the e2e build
// (-tags testseams: AUVENIR_ONBOARD_RECORD_OUTPUT copies the console output to a file); without,
// it is AUVENIR_WINE_EXE when set (the release .exe the wine lane built with tools/dist).
func buildWindows(t *testing.T, seams bool) string {
	t.Helper()
	if exe := os.Getenv("AUVENIR_WINE_EXE"); exe != "" && !seams {
		return exe
	}
	tags := ""
	if seams {
		tags = "testseams"
	}
	return testtool.Program(t, testtool.Build{Pkg: "./cmd/auvenir-onboard", Tags: tags,
		Env: []string{"GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0"}})
}

// pytePython is a python3 that has pyte.
func pytePython(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import pyte").Run() == nil {
			return py
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("python3 with pyte is required under CI (apt-get install python3-pyte)")
	}
	t.Skip("python3 with pyte is not installed")
	return ""
}

// winPath is path as the Windows program sees it through wine's Z: drive.
func winPath(p string) string { return `Z:` + strings.ReplaceAll(p, "/", `\`) }

// growsThenSettles waits until the file at path is longer than n and has not changed for settle,
// and returns its length.
func growsThenSettles(t *testing.T, path string, n int64, what string) int64 {
	t.Helper()
	const settle = 800 * time.Millisecond
	deadline := time.Now().Add(60 * time.Second)
	last, since := int64(-1), time.Now()
	for {
		var size int64
		if fi, err := os.Stat(path); err == nil {
			size = fi.Size()
		}
		if size != last {
			last, since = size, time.Now()
		}
		if size > n && time.Since(since) >= settle {
			return size
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: the recording stayed at %d bytes (waiting for more than %d)", what, size, n)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// settledScreen waits until the pane shows texts and stays the same for a moment.
func (p *pane) settledScreen(texts ...string) string {
	p.t.Helper()
	p.waitFor(texts...)
	prev := p.screen()
	for i := 0; i < 50; i++ {
		time.Sleep(300 * time.Millisecond)
		s := p.screen()
		if s == prev {
			return s
		}
		prev = s
	}
	return prev
}

// normalize keeps a screen's lines without trailing blanks, and no blank lines at the end.
func normalize(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimRight(strings.ReplaceAll(l, "\u00a0", " "), " ")
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// What a Windows 10 console does not understand: insert mode (ANSI mode 4), REP (repeat the last
// character) and HPA (the console knows CHA for the same move).
var (
	insertMode = regexp.MustCompile(`\x1b\[[0-9;]*4[hl]`)
	repeatChar = regexp.MustCompile("\x1b\\[[0-9]*b")
	hpa        = regexp.MustCompile("\x1b\\[[0-9]*`")
)

func TestWindowsConsoleWalkUnderWine(t *testing.T) {
	wine, prefix := wineSetup(t)
	py := pytePython(t)
	exe := buildWindows(t, true)
	const w, h = 100, 30
	// The walk: first screen, help, back, step 9, French, help in French, back; then quit.
	type checkpoint struct {
		key   string
		texts []string // on the Linux screen when this frame is drawn
	}
	walk := []checkpoint{
		{"", []string{"Before you begin", "q quit"}},
		{"?", []string{"go to step"}},
		{"?", []string{"part 1 of 3"}}, // the intro's first part fits at 100×30
		{"9", []string{"Step 9 of 9"}},
		{"l", []string{"Étape 9 de 9"}},
		{"?", []string{"aller à l'étape"}},
		{"?", []string{"partie 1 de 6"}},
	}

	// The Windows build under wine.
	dir := t.TempDir()
	rec := filepath.Join(dir, "console.bin")
	socket := fmt.Sprintf("ao-wine-%d", os.Getpid())
	// A fresh start on both sides without --reset, whose line names the progress file (a
	// Windows path here, a Linux one there): the prefix may hold progress from an earlier walk.
	script := fmt.Sprintf(`cd %[1]s
rm -f %[2]s/drive_c/users/*/AppData/Roaming/auvenir-onboard/progress.json
env -u TERM -u TERM_PROGRAM -u TERM_PROGRAM_VERSION -u LANG -u LC_ALL -u LC_MESSAGES WINEPREFIX=%[2]s WINEDEBUG=-all AUVENIR_ONBOARD_RECORD_OUTPUT='%[3]s' %[4]s %[5]s --lang en
echo $? > code
sleep 600
`, dir, prefix, winPath(rec), wine, exe)
	if err := os.WriteFile(filepath.Join(dir, "run.sh"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", fmt.Sprint(w),
		"-y", fmt.Sprint(h), "sh", filepath.Join(dir, "run.sh")).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-L", socket, "kill-server").Run() })
	win := &pane{t: t, socket: socket, dir: dir}

	var offsets []int64
	var n int64
	for i, c := range walk {
		if c.key != "" {
			win.keys(c.key)
		}
		n = growsThenSettles(t, rec, n, fmt.Sprintf("step %d (key %q)", i, c.key))
		offsets = append(offsets, n)
	}
	win.keys("q")
	// Wine gives the program a console of its own, so the closing pause shows: in French, the
	// language the session ended in. (Wine's console shows "fenêtre" without its accent on a
	// terminal it drives without a TERM.)
	win.waitFor("Appuyez sur une touche pour fermer cette fen")
	win.keys("Enter")
	if code := win.file("code"); code != "0" {
		t.Fatalf("exit status %s", code)
	}
	all, err := os.ReadFile(rec)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("console output of the walk: %d bytes (%d at the last screen before quitting)", len(all), n)
	for name, re := range map[string]*regexp.Regexp{"insert mode": insertMode, "REP": repeatChar, "HPA": hpa} {
		if loc := re.FindIndex(all); loc != nil {
			t.Errorf("the Windows build wrote %s at byte %d: %q", name, loc[0], all[max(0, loc[0]-40):min(len(all), loc[1]+40)])
		}
	}

	// Replayed without insert mode.
	args := []string{"testdata/replay_noirm.py", rec, fmt.Sprint(w), fmt.Sprint(h)}
	for _, o := range offsets {
		args = append(args, fmt.Sprint(o))
	}
	out, err := exec.Command(py, args...).Output()
	if err != nil {
		t.Fatalf("replay: %v", err)
	}
	var replayed [][]string
	if err := json.Unmarshal(out, &replayed); err != nil {
		t.Fatal(err)
	}

	// The Linux build, same walk, same size, with the same glyphs (TERM=linux picks the classic
	// console's set, as the Windows console host gets).
	lin := start(t, w, h, []string{"TERM=linux"}, "--lang", "en")
	for i, c := range walk {
		if c.key != "" {
			lin.keys(c.key)
		}
		want := normalize(strings.Split(strings.TrimSuffix(lin.settledScreen(c.texts...), "\n"), "\n"))
		got := normalize(replayed[i])
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("screen %d (after %q): the replayed Windows output differs from the Linux build's\n--- Windows, replayed without insert mode:\n%s\n--- Linux:\n%s",
				i, c.key, strings.Join(got, "\n"), strings.Join(want, "\n"))
			continue
		}
		t.Logf("screen %d (after %q): %d lines identical", i, c.key, len(want))
	}
	lin.keys("q")
}

// A Windows user whose display language is French gets French without --lang (Windows has no
// LANG). Wine takes its display language from LC_ALL; cmd.exe then clears the variables so that
// the program sees none, as on Windows.
func TestWindowsDisplayLanguageUnderWine(t *testing.T) {
	wine, prefix := wineSetup(t)
	exe := buildWindows(t, false)
	// The title each language prints, from the Linux build.
	title := func(lang string) string {
		out, err := exec.Command(binary, "--print", "--lang", lang).Output()
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(out), "\n")
		return first
	}
	fr, en := title("fr"), title("en")
	for _, c := range []struct{ locale, want string }{
		{"fr_CA.UTF-8", fr}, {"fr_FR.UTF-8", fr}, {"en_US.UTF-8", en},
	} {
		cmd := exec.Command(wine, "cmd", "/c", "set LC_ALL=&& set LANG=&& set LC_MESSAGES=&& "+winPath(exe)+" --print")
		cmd.Env = append(withoutLocale(os.Environ()), "LC_ALL="+c.locale, "WINEPREFIX="+prefix, "WINEDEBUG=-all")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", c.locale, err)
		}
		if first, _, _ := strings.Cut(string(out), "\n"); strings.TrimSpace(first) != c.want {
			t.Errorf("display language %s: first line %q, want %q", c.locale, first, c.want)
		}
	}
}

func withoutLocale(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "LANG=") && !strings.HasPrefix(kv, "LC_") && !strings.HasPrefix(kv, "TERM") {
			out = append(out, kv)
		}
	}
	return out
}

// --show-qr with its key piped in by cmd.exe (as a Windows user would type it) ends on q alone.
func TestWindowsShowQRQuitsOnQUnderWine(t *testing.T) {
	wine, prefix := wineSetup(t)
	exe := buildWindows(t, true)
	dir := t.TempDir()
	uri := "otpauth://totp/Example:jane@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example"
	if err := os.WriteFile(filepath.Join(dir, "key.txt"), []byte(uri+"\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rec := filepath.Join(dir, "console.bin")
	socket := fmt.Sprintf("ao-wineqr-%d", os.Getpid())
	script := fmt.Sprintf(`cd %[1]s
env -u TERM -u TERM_PROGRAM -u LANG -u LC_ALL WINEPREFIX=%[2]s WINEDEBUG=-all AUVENIR_ONBOARD_RECORD_OUTPUT='%[3]s' %[4]s cmd /c 'type key.txt | %[5]s --show-qr --lang en'
echo $? > code
sleep 600
`, dir, prefix, winPath(rec), wine, winPath(exe))
	if err := os.WriteFile(filepath.Join(dir, "run.sh"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30",
		"sh", filepath.Join(dir, "run.sh")).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-L", socket, "kill-server").Run() })
	p := &pane{t: t, socket: socket, dir: dir}
	growsThenSettles(t, rec, 0, "the code drawn")
	if b, _ := os.ReadFile(rec); !strings.Contains(string(b), "GEZD GNBV GY3T QOJQ") {
		t.Fatalf("the key is not on screen; recorded %d bytes", len(b))
	}
	p.keys("q")
	// No other key is pressed: file waits up to 10 s for the exit status.
	if code := p.file("code"); code != "0" {
		t.Fatalf("exit status %s", code)
	}
}
