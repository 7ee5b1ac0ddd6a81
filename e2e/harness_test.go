// Package e2e drives the real binary in tmux, as a person at a terminal would, and reads the
// screen back. It needs tmux; under CI=true a missing tmux fails the tests instead of skipping.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

var (
	binary   string
	sessions atomic.Int64 // numbers the tmux servers, one per test, so none shares a socket
)

func TestMain(m *testing.M) {
	// -tags testseams: the crash key of TestPanicShowsSupportNotAStack; release builds lack it.
	// Built once for all the tests (and kept for the next run while its inputs are unchanged);
	// under go test -race, built with -race.
	var err error
	binary, err = testtool.BuildProgram(testtool.Build{Pkg: "./cmd/auvenir-onboard", Tags: "testseams"})
	if err != nil {
		fmt.Fprintln(os.Stderr, "building the binary:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// pane is one tmux session on a private server, running a shell script around the binary that
// records the terminal settings before and after, and the exit status.
type pane struct {
	t      *testing.T
	socket string
	dir    string
}

// start runs the binary with args in a w×h terminal. env entries are KEY=value.
func start(t *testing.T, w, h int, env []string, args ...string) *pane {
	t.Helper()
	return startWith(t, run{w: w, h: h, env: env, args: args})
}

// run is how startWith starts the binary.
type run struct {
	w, h int
	env  []string
	args []string
	// tmux is tmux configuration for the private server, such as the pane's default colours
	// (which tmux reports to the program when asked for the background).
	tmux string
	// pipe, when set, is written to a file the binary reads through a pipe on standard input.
	pipe string
	// jobs runs the binary as a job of a shell with job control (bash, set -m), as at a prompt:
	// a stopped binary (ctrl+z, kill -TSTP) is written to the file "suspended" and resumed with
	// fg when the test calls fg. Without job control the binary's process group is orphaned and
	// the system ignores SIGTSTP for it.
	jobs bool
}

func startWith(t *testing.T, r run) *pane {
	t.Helper()
	testtool.Need(t, "tmux")
	w, h, env, args := r.w, r.h, r.env, r.args
	dir := t.TempDir()
	p := &pane{t: t, socket: fmt.Sprintf("ao-%d-%d", os.Getpid(), sessions.Add(1)), dir: dir}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	feed := ""
	if r.pipe != "" {
		if err := os.WriteFile(filepath.Join(dir, "stdin"), []byte(r.pipe), 0o600); err != nil {
			t.Fatal(err)
		}
		feed = "cat stdin | "
	}
	conf := "/dev/null"
	if r.tmux != "" {
		conf = filepath.Join(dir, "tmux.conf")
		if err := os.WriteFile(conf, []byte(r.tmux+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// The trap keeps the wrapper alive through a ctrl+c or ctrl+\ typed into the pane (SIGINT or
	// SIGQUIT to the whole foreground group), so it still records the exit status and the
	// terminal settings; a trap with a command, unlike an ignored signal, leaves the binary's own
	// handling of the signal as it was.
	script := fmt.Sprintf(`cd %[1]s
trap : INT QUIT
stty -g > before
%[6]s%[5]s%[2]s sh -c 'echo $$ > pid; exec "$0" "$@"' %[3]s %[4]s 2> stderr
code=$?
%[7]secho $code > code
stty -g > after
sleep 600
`, dir, strings.Join(env, " "), binary, strings.Join(quoted, " "), feed, jobsOn(r.jobs), jobsLoop(r.jobs))
	if err := os.WriteFile(filepath.Join(dir, "run.sh"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("tmux", "-L", p.socket, "-f", conf, "new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", "TERM=xterm-256color", "LANG=C.UTF-8", "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), // saved progress stays in the test
		"GORACE=log_path="+filepath.Join(dir, "race"), // a -race binary's reports go to files, not the pane or stderr
		shell(r.jobs), filepath.Join(dir, "run.sh"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() {
		exec.Command("tmux", "-L", p.socket, "kill-server").Run()
		// Under go test -race the binary is built with -race: a race it reports fails the test.
		if report, _ := os.ReadFile(filepath.Join(dir, "stderr")); strings.Contains(string(report), "WARNING: DATA RACE") {
			t.Errorf("the race detector found a data race in the program:\n%s", report)
		}
		checkRaceLogs(t, dir)
	})
	return p
}

func jobsOn(on bool) string {
	if on {
		return "set -m\n"
	}
	return ""
}

// jobsLoop, while the job is stopped, says so and waits for the test's fg.
func jobsLoop(on bool) string {
	if !on {
		return ""
	}
	return `while [ -n "$(jobs -s)" ]; do
  echo stopped >> suspended
  until [ -e resume ]; do sleep 0.05; done
  rm resume
  fg > /dev/null
  code=$?
done
`
}

func shell(jobs bool) string {
	if jobs {
		return "bash"
	}
	return "sh"
}

// fg resumes the stopped job (a harness run with jobs), as typing fg at the prompt does.
func (p *pane) fg() {
	p.t.Helper()
	if err := os.WriteFile(filepath.Join(p.dir, "resume"), nil, 0o600); err != nil {
		p.t.Fatal(err)
	}
}

func (p *pane) keys(keys ...string) {
	p.t.Helper()
	for _, k := range keys {
		if out, err := exec.Command("tmux", "-L", p.socket, "send-keys", k).CombinedOutput(); err != nil {
			p.t.Fatalf("send-keys %s: %v %s", k, err, out)
		}
		time.Sleep(60 * time.Millisecond)
	}
}

// screen is the visible text, with no-break spaces read as spaces.
func (p *pane) screen() string {
	p.t.Helper()
	out, err := exec.Command("tmux", "-L", p.socket, "capture-pane", "-p").Output()
	if err != nil {
		p.t.Fatalf("capture-pane: %v", err)
	}
	return strings.ReplaceAll(string(out), "\u00a0", " ")
}

// scrollback is everything the pane holds, history included.
func (p *pane) scrollback() string {
	p.t.Helper()
	out, err := exec.Command("tmux", "-L", p.socket, "capture-pane", "-p", "-S", "-", "-E", "-").Output()
	if err != nil {
		p.t.Fatalf("capture-pane: %v", err)
	}
	return strings.ReplaceAll(string(out), "\u00a0", " ")
}

// waitFor waits until every text is on screen, and fails with the screen after 10 seconds.
func (p *pane) waitFor(texts ...string) string {
	p.t.Helper()
	return p.waitUntil(func(s string) string { return s }, texts)
}

// waitUntil waits until every text is in view(screen), and fails with the screen after 10 s.
func (p *pane) waitUntil(view func(string) string, texts []string) string {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := p.screen()
		seen, missing := view(s), ""
		for _, t := range texts {
			if !strings.Contains(seen, t) {
				missing = t
				break
			}
		}
		if missing == "" {
			return s
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waited 10 s for %q; screen:\n%s", missing, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// file reads what the wrapper script wrote, waiting for it to appear.
func (p *pane) file(name string) string {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, err := os.ReadFile(filepath.Join(p.dir, name))
		if err == nil && len(b) > 0 {
			return strings.TrimSpace(string(b))
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("%s never written; screen:\n%s", name, p.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// exited waits for the binary to end and checks that the terminal's settings are as before.
func (p *pane) exited() (code string) {
	p.t.Helper()
	code = p.file("code")
	if before, after := p.file("before"), p.file("after"); before != after {
		p.t.Fatalf("stty -g changed:\nbefore %s\nafter  %s", before, after)
	}
	return code
}
