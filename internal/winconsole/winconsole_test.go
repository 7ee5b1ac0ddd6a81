package winconsole

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

func TestOwnConsole(t *testing.T) {
	cases := []struct {
		processes int
		stdin     bool
		want      bool
	}{
		{1, true, true},   // double-clicked in Explorer
		{2, true, false},  // started from cmd.exe or PowerShell
		{3, true, false},  // `go run` from a shell
		{0, false, false}, // no console at all (a service, a pipe)
		{1, false, false}, // alone, but input redirected: nobody can press a key
	}
	for _, c := range cases {
		if got := ownConsole(c.processes, c.stdin); got != c.want {
			t.Errorf("ownConsole(%d, %v) = %v, want %v", c.processes, c.stdin, got, c.want)
		}
	}
}

func TestWhichKeysClose(t *testing.T) {
	for _, vk := range []uint16{0x0d, 0x20, 0x41, 0x1b, 0x70} { // Enter, Space, A, Esc, F1
		if !closes(true, vk) {
			t.Errorf("key %#x going down does not close", vk)
		}
		if closes(false, vk) {
			t.Errorf("key %#x going up closes", vk)
		}
	}
	for _, vk := range []uint16{0x10, 0x11, 0x12, 0xa0, 0xa5, 0x5b, 0x14} {
		if closes(true, vk) {
			t.Errorf("modifier %#x alone closes", vk)
		}
	}
}

// inputRecord must have the layout of INPUT_RECORD, or ReadConsoleInputW writes past it.
func TestInputRecordLayout(t *testing.T) {
	var r inputRecord
	if unsafe.Sizeof(r) != 20 || unsafe.Offsetof(r.KeyDown) != 4 || unsafe.Offsetof(r.VirtualKeyCode) != 10 ||
		unsafe.Offsetof(r.ControlKeyState) != 16 {
		t.Errorf("INPUT_RECORD layout: size %d", unsafe.Sizeof(r))
	}
}

// Outside Windows there is never a console of one's own, and the pause returns at once.
func TestNoPauseOutsideWindows(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows decides from its console")
	}
	if OwnConsole() {
		t.Error("OwnConsole is true outside Windows")
	}
	PauseIfOwnConsole("must not block")
}

// The Windows code compiles and passes vet for both Windows architectures of the release.
func TestBuildsForWindows(t *testing.T) {
	testtool.RunInStep(t, "go vet (linux, windows, darwin)", "vets every package for windows/amd64 and windows/arm64")
	for _, arch := range []string{"amd64", "arm64"} {
		cmd := exec.Command("go", "vet", ".")
		cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH="+arch, "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("GOOS=windows GOARCH=%s go vet: %v\n%s", arch, err, strings.TrimSpace(string(out)))
		}
	}
}

// The closing pause writes its prompt where the person sees it: standard output when it is the
// console; the console itself (CONOUT$) when standard output was redirected (« --json >
// out.json » in a window of its own), so the file stays JSON and the wait is not unseen; and
// does not pause at all in a shared console or without a console.
func TestPausePlan(t *testing.T) {
	for _, c := range []struct {
		processes     int
		stdin, stdout bool
		want          pausePlan
	}{
		{1, true, true, pauseOnStdout},   // double-clicked
		{1, true, false, pauseOnConsole}, // its own console, standard output to a file
		{2, true, true, noPause},         // started from cmd.exe or PowerShell
		{2, true, false, noPause},        // « auvenir-onboard --json > out.json » at a prompt
		{1, false, true, noPause},        // input redirected: nobody can press a key
		{0, false, false, noPause},       // no console at all
	} {
		if got := planPause(c.processes, c.stdin, c.stdout); got != c.want {
			t.Errorf("planPause(%d, stdin console %v, stdout console %v) = %v, want %v", c.processes, c.stdin, c.stdout, got, c.want)
		}
	}
}
