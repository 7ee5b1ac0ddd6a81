package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// SIGTERM and SIGINT end --check-network --json at once with 143 and 130, as the README says,
// although the run is far from done (a PAC script that spins for every address), and no PAC
// evaluator is left behind, even when the program is killed outright.
func TestSignalsEndAPipedCheckAtOnce(t *testing.T) {
	t.Parallel()
	bin := buildPlainBinary(t)
	pac := netchecktest.WritePAC(t, `function FindProxyForURL(u, h) { for (;;) {} }`)
	args := []string{"--check-network", "--json", "--timeout", "60s", "--pac", pac}
	for i := 1; i <= 20; i++ {
		args = append(args, "https://127.0.0.1:"+strconv.Itoa(i)+"/")
	}
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGTERM, 143}, {syscall.SIGINT, 130}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "LANG=en_CA.UTF-8", "HOME="+t.TempDir())
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The run is under way once the evaluator runs: one address's script spins for 2 s.
		waitFor(t, func() bool { return len(evaluatorsOf(bin)) > 0 })
		cmd.Process.Signal(c.sig)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(15 * time.Second): // the run itself would take 40 s
			cmd.Process.Kill()
			<-done
			t.Fatalf("%v: still running 15 s after the signal", c.sig)
		}
		if code := cmd.ProcessState.ExitCode(); code != c.code || out.Len() != 0 || !strings.Contains(errb.String(), "nterrupted") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", c.sig, code, out.String(), errb.String())
		}
		waitFor(t, func() bool { return len(evaluatorsOf(bin)) == 0 })
	}
	// SIGKILL, which nothing catches: the evaluator, spinning in the script, still goes (its
	// standard input closes with the program).
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "LANG=en_CA.UTF-8", "HOME="+t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return len(evaluatorsOf(bin)) > 0 })
	cmd.Process.Kill()
	cmd.Wait()
	waitFor(t, func() bool { return len(evaluatorsOf(bin)) == 0 })
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); !ok(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("waited 10 s")
		}
	}
}

// evaluatorsOf are the running processes of bin that serve as PAC evaluators.
func evaluatorsOf(bin string) []string {
	var out []string
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		exe, err := os.Readlink(d + "/exe")
		if err != nil || exe != bin {
			continue
		}
		env, _ := os.ReadFile(d + "/environ")
		if bytes.Contains(env, []byte("AUVENIR_ONBOARD_PAC_CHILD=1")) {
			stat, _ := os.ReadFile(d + "/stat")
			if !bytes.Contains(stat, []byte(") Z ")) {
				out = append(out, d)
			}
		}
	}
	return out
}
