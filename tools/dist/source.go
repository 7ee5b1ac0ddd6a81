package main

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// source is the commit a release is built from. Everything that ends up in the archives is a
// function of it (and of the Go toolchain), which is what makes two builds byte-identical.
type source struct {
	Commit  string    // full hash, stamped as main.commit
	Time    time.Time // commit time (or SOURCE_DATE_EPOCH), stamped as main.date and used as every mtime
	Version string    // without a leading "v": archive names and main.version
	Dirty   bool      // the working tree differs from the commit (reported, not built)
}

// git runs git in repo and returns its trimmed standard output.
func git(repo string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

// resolveSource reads commit, time and version of rev. version and epoch override what git says
// (epoch is SOURCE_DATE_EPOCH, https://reproducible-builds.org/specs/source-date-epoch/).
func resolveSource(repo, rev, version, epoch string) (source, error) {
	var s source
	commit, err := git(repo, "rev-parse", "--verify", rev+"^{commit}")
	if err != nil {
		return s, fmt.Errorf("dist builds a git commit and %q is not one: %w", rev, err)
	}
	s.Commit = commit
	if epoch == "" {
		if epoch, err = git(repo, "show", "-s", "--format=%ct", commit); err != nil {
			return s, err
		}
	}
	sec, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil || sec < 0 {
		return s, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", epoch)
	}
	s.Time = time.Unix(sec, 0).UTC()
	if version == "" {
		version = describe(repo, commit, s.Time)
	}
	s.Version = strings.TrimPrefix(version, "v")
	if !validVersion(s.Version) {
		return s, fmt.Errorf("version %q: use letters, digits, '.', '-' and '+' only", version)
	}
	status, err := git(repo, "status", "--porcelain", "--untracked-files=no")
	s.Dirty = err == nil && status != ""
	return s, nil
}

// describe names an untagged commit like a Go pseudo-version, so versions still sort by time.
func describe(repo, commit string, t time.Time) string {
	if d, err := git(repo, "describe", "--tags", "--match", "v[0-9]*", commit); err == nil && d != "" {
		return d
	}
	return "0.0.0-" + t.Format("20060102150405") + "-" + commit[:12]
}

// validVersion keeps the version usable in a file name, an -X flag and a VERSIONINFO string.
func validVersion(v string) bool {
	if v == "" || len(v) > 100 {
		return false
	}
	for _, r := range v {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".-+", r)
		if !ok {
			return false
		}
	}
	return true
}

// snapshot writes the tree of commit into dir with `git archive`, so the build sees exactly the
// commit: no uncommitted edit, no stray generated file, no ignored binary.
func snapshot(repo, commit, dir string) error {
	cmd := exec.Command("git", "-C", repo, "archive", "--format=tar", commit)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	exErr := extractTar(out, dir)
	_, _ = io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git archive: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return exErr
}

func extractTar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.FromSlash(h.Name)
		if !filepath.IsLocal(name) {
			return fmt.Errorf("git archive: unexpected path %q", h.Name)
		}
		path := filepath.Join(dir, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(path, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(h.Mode)&0o755|0o600)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		case tar.TypeSymlink:
			if err := os.Symlink(h.Linkname, path); err != nil {
				return err
			}
		case tar.TypeXGlobalHeader:
			// git archive records the commit id here; nothing to extract.
		default:
			return errors.New("git archive: unsupported entry " + h.Name)
		}
	}
}
