package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The example: « --check-network --json --print > out.json » wrote the Markdown guide
// into the JSON file and exited 0. The real binary refuses it before anything runs: exit 2, one
// line naming both options, nothing in the file, the saved progress that --reset would forget
// still there.
func TestConflictingModesRefusedByTheBinary(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "config", "auvenir-onboard", "progress.json")
	if err := os.MkdirAll(filepath.Dir(saved), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(saved, []byte(`{"version":1,"screen":"step5","lang":"fr"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "en", "--check-network", "--json", "--print"}, "--check-network and --print cannot be used together"},
		{[]string{"--lang", "fr", "--print", "--reset"}, "--print et --reset ne s'utilisent pas ensemble"},
	} {
		outFile := filepath.Join(dir, "out.json")
		out, err := os.Create(outFile)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(binary, c.args...)
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
		var errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = out, &errb
		err = cmd.Run()
		out.Close()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 2 {
			t.Errorf("%v: %v, want exit status 2", c.args, err)
		}
		msg := strings.ReplaceAll(errb.String(), "\u00a0", " ")
		if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, c.want) {
			t.Errorf("%v: stderr %q, want one line with %q", c.args, msg, c.want)
		}
		if b, _ := os.ReadFile(outFile); len(b) != 0 {
			t.Errorf("%v wrote %d bytes to standard output: %.80q", c.args, len(b), b)
		}
	}
	if _, err := os.Stat(saved); err != nil {
		t.Errorf("the saved progress is gone: %v", err)
	}
}
