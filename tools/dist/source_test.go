package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

// gitRepo makes a repository with one commit dated at, and returns it and the commit.
func gitRepo(t *testing.T, at time.Time) (string, string) {
	t.Helper()
	testtool.Need(t, "git")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "f"), []byte("one"), 0o644)
	stamp := at.Format(time.RFC3339)
	run := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+stamp, "GIT_COMMITTER_DATE="+stamp,
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.invalid",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.invalid", "GIT_CONFIG_GLOBAL=/dev/null")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	run("init", "-q")
	run("add", "f")
	run("commit", "-q", "-m", "one")
	return dir, run("rev-parse", "HEAD")
}

func TestSourceOfAnUntaggedCommit(t *testing.T) {
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	dir, commit := gitRepo(t, at)
	s, err := resolveSource(dir, "HEAD", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if s.Commit != commit || !s.Time.Equal(at) || s.Dirty {
		t.Errorf("source %+v, want commit %s at %v, clean", s, commit, at)
	}
	if want := "0.0.0-20260304050607-" + commit[:12]; s.Version != want {
		t.Errorf("version %q, want %q", s.Version, want)
	}

	os.WriteFile(filepath.Join(dir, "f"), []byte("two"), 0o644)
	s, err = resolveSource(dir, "HEAD", "v2.0.0", "1700000000")
	if err != nil {
		t.Fatal(err)
	}
	if s.Version != "2.0.0" || s.Time.Unix() != 1700000000 || !s.Dirty {
		t.Errorf("with overrides and an edit: %+v", s)
	}
	for _, bad := range [][3]string{{"nosuchrev", "", ""}, {"HEAD", "1 2", ""}, {"HEAD", "", "yesterday"}} {
		if _, err := resolveSource(dir, bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("rev %q version %q epoch %q accepted", bad[0], bad[1], bad[2])
		}
	}
}

func TestSourceOfATaggedCommit(t *testing.T) {
	dir, _ := gitRepo(t, time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC))
	if out, err := exec.Command("git", "-C", dir, "tag", "v1.4.2").CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	s, err := resolveSource(dir, "HEAD", "", "")
	if err != nil || s.Version != "1.4.2" {
		t.Errorf("tagged commit: version %q, %v", s.Version, err)
	}
}

func TestSnapshotIsTheCommit(t *testing.T) {
	dir, commit := gitRepo(t, time.Now())
	os.WriteFile(filepath.Join(dir, "f"), []byte("uncommitted"), 0o644)
	os.WriteFile(filepath.Join(dir, "stray"), []byte("untracked"), 0o644)
	out := t.TempDir()
	if err := snapshot(dir, commit, out); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "f")); string(b) != "one" {
		t.Errorf("snapshot has %q, want the committed %q", b, "one")
	}
	if _, err := os.Stat(filepath.Join(out, "stray")); err == nil {
		t.Error("an untracked file reached the snapshot")
	}
}
