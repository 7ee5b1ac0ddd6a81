package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// An address marked required = false that fails warns: exit 0, and 1 with --strict.
func TestCheckNetworkOptionalFailureWarnsAndStrictFails(t *testing.T) {
	t.Parallel()
	lb := newLoopback(t, nil)
	list := filepath.Join(t.TempDir(), "list.toml")
	os.WriteFile(list, []byte(`[[group]]
id = "office"
  [[group.endpoint]]
  url = "`+lb.url+`"
  [[group.endpoint]]
  url = "https://`+netchecktest.Refused(t)+`/"
  required = false
`), 0o600)
	code, out, errs := runCheck(t, env(), "--json", "--ca-file", lb.caFile, "--endpoints", list)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q, out %s", code, errs, out)
	}
	var rep struct {
		Endpoints []struct {
			Class, Severity string
			Required        bool
		} `json:"endpoints"`
		Summary struct {
			Severity map[string]int `json:"severity"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if e := rep.Endpoints[1]; e.Class != "refused" || e.Severity != "warn" || e.Required || rep.Summary.Severity["warn"] != 1 {
		t.Errorf("%+v", rep)
	}
	if code, _, _ := runCheck(t, env(), "--strict", "--ca-file", lb.caFile, "--endpoints", list); code != 1 {
		t.Errorf("--strict: exit %d, want 1", code)
	}
	code, out, _ = runCheck(t, env(), "--ca-file", lb.caFile, "--endpoints", list)
	if code != 0 || !strings.Contains(out, "! refused (optional)") || !strings.Contains(out, "Nothing blocks signing in") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestCheckNetworkParallelFlag(t *testing.T) {
	t.Parallel()
	lb := newLoopback(t, nil)
	if code, _, errs := runCheck(t, env(), "--parallel", "1", "--ca-file", lb.caFile, lb.url, lb.url); code != 0 {
		t.Errorf("--parallel 1: exit %d, %q", code, errs)
	}
	for _, bad := range []string{"0", "-3", "many", "5000"} {
		if code, _, errs := runCheck(t, env(), "--parallel", bad, lb.url); code != 2 || !strings.Contains(errs, "--parallel") {
			t.Errorf("--parallel %s: exit %d, %q", bad, code, errs)
		}
	}
}

// A computer without any network: the check runs in a network namespace of its own (no
// interface up, the system's DNS out of reach) on the built-in list. It says once that the
// computer seems offline, not one DNS remedy per address.
func TestCheckNetworkOfflineInAnEmptyNetworkNamespace(t *testing.T) {
	if os.Getenv("AUVENIR_TEST_OFFLINE_CHILD") == "1" {
		code, out, _ := runCheck(t, env(), "--timeout", "3s")
		os.Stdout.WriteString(out)
		os.Exit(code)
	}
	testtool.Need(t, "unshare")
	cmd := exec.Command("unshare", "-n", os.Args[0], "-test.run=^TestCheckNetworkOfflineInAnEmptyNetworkNamespace$")
	cmd.Env = append(os.Environ(), "AUVENIR_TEST_OFFLINE_CHILD=1")
	out, err := cmd.Output()
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) {
		t.Fatalf("%v: %s", err, out)
	}
	text := string(out)
	if strings.Count(text, "this computer seems offline") != 1 || !strings.Contains(text, "This computer seems offline: nothing could be checked.") {
		t.Errorf("offline not said once:\n%s", text)
	}
	if strings.Contains(text, "cannot be found by name") || strings.Contains(text, "Fix in the DNS") {
		t.Errorf("DNS remedies for an offline computer:\n%s", text)
	}
}
