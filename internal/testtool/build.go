package testtool

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Build says which program to build for a test, and how. The zero Env builds for this machine.
type Build struct {
	Pkg  string   // the main package, relative to the module root: "./cmd/auvenir-onboard"
	Tags string   // build tags, comma-separated ("testseams")
	Env  []string // extra environment of go build, such as GOOS=windows and GOARCH=amd64
	// Race builds with -race. Program sets it when the test binary itself runs with -race and
	// Env is empty (a build for this machine), so that `go test -race` races the program's
	// goroutines too.
	Race bool
}

// builds counts the go build commands this process ran, for the cache's own test.
var builds atomic.Int64

// memo holds, per Build, the path of its binary in this process: go list and hashing run once.
var memo struct {
	sync.Mutex
	paths map[string]*memoEntry
}

type memoEntry struct {
	once sync.Once
	path string
	err  error
}

// Program returns the path of the binary b describes, building it at most once per test
// binary, and not at all when a test binary (this one or another package's, now or in an earlier
// run) already built it from the same inputs: binaries are kept in a cache folder under a hash of
// the Go version, the build settings and the contents of every file of the module that goes into
// the program (its dependencies by module version). It fails t when the build fails.
func Program(t testing.TB, b Build) string {
	t.Helper()
	path, err := BuildProgram(b)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// BuildProgram is Program for TestMain, which has no t.
func BuildProgram(b Build) (string, error) {
	if raceEnabled && len(b.Env) == 0 { // -race needs the host's own platform
		b.Race = true
	}
	key := fmt.Sprintf("%q %q %q %v", b.Pkg, b.Tags, b.Env, b.Race)
	memo.Lock()
	if memo.paths == nil {
		memo.paths = map[string]*memoEntry{}
	}
	e := memo.paths[key]
	if e == nil {
		e = &memoEntry{}
		memo.paths[key] = e
	}
	memo.Unlock()
	e.once.Do(func() { e.path, e.err = buildCached(b, "") })
	return e.path, e.err
}

// buildCached builds b in the module at root ("" for the module of the current directory) into
// the cache, unless the cache already holds the binary of the same inputs.
func buildCached(b Build, root string) (string, error) {
	if root == "" {
		out, err := goCmd("", b, "env", "GOMOD")
		if err != nil {
			return "", err
		}
		if root = filepath.Dir(strings.TrimSpace(out)); root == "." || strings.TrimSpace(out) == os.DevNull {
			return "", errors.New("testtool: not inside a Go module")
		}
	}
	hash, err := inputsHash(b, root)
	if err != nil {
		return "", err
	}
	dir, err := cacheDir()
	if err != nil {
		return "", err
	}
	name := strings.TrimSuffix(filepath.Base(b.Pkg), ".go")
	if goosOf(b) == "windows" {
		name += ".exe"
	}
	path := filepath.Join(dir, hash[:24]+"-"+name)
	if _, err := os.Stat(path); err == nil {
		now := time.Now()
		os.Chtimes(path, now, now) // keeps a binary in use out of prune's reach
		return path, nil
	}
	prune(dir, 7*24*time.Hour)
	// Built beside its final name and renamed: two test binaries building the same inputs at once
	// each write their own file, and the rename makes either result appear whole.
	tmp, err := os.CreateTemp(dir, "building-*")
	if err != nil {
		return "", err
	}
	tmp.Close()
	args := []string{"build", "-o", tmp.Name()}
	if b.Tags != "" {
		args = append(args, "-tags", b.Tags)
	}
	if b.Race {
		args = append(args, "-race")
	}
	builds.Add(1)
	if out, err := goCmd(root, b, append(args, b.Pkg)...); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("building %s: %v\n%s", b.Pkg, err, out)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return path, nil
}

// inputsHash hashes what decides the binary: the Go version, the build settings, go.mod and
// go.sum, each dependency's module and version, and the name and content of every file of the
// module's own packages that go build reads (Go, assembly, syso and embedded files).
func inputsHash(b Build, root string) (string, error) {
	h := sha256.New()
	version, err := goCmd(root, b, "env", "GOVERSION", "GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT")
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "%s\n%q %q %q %v\n", version, b.Pkg, b.Tags, b.Env, b.Race)
	const format = `{{if not .Standard}}{{.ImportPath}}	{{with .Module}}{{.Path}}@{{.Version}}{{if .Main}}@main{{end}}{{end}}	{{.Dir}}	{{join .GoFiles " "}} {{join .SFiles " "}} {{join .SysoFiles " "}} {{join .EmbedFiles " "}}{{end}}`
	args := []string{"list", "-deps", "-f", format}
	if b.Tags != "" {
		args = append(args, "-tags", b.Tags)
	}
	list, err := goCmd(root, b, append(args, b.Pkg)...)
	if err != nil {
		return "", err
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		if err := hashFile(h, filepath.Join(root, f)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
	}
	lines := strings.Split(strings.TrimSpace(list), "\n")
	sort.Strings(lines)
	for _, line := range lines {
		f := strings.SplitN(line, "\t", 4)
		if len(f) != 4 {
			continue // a standard-library package: the Go version covers it
		}
		fmt.Fprintf(h, "%s %s\n", f[0], f[1])
		if !strings.HasSuffix(f[1], "@main") && f[1] != "" {
			continue // a module version's files do not change
		}
		for _, name := range strings.Fields(f[3]) {
			fmt.Fprintf(h, "%s/%s\n", f[0], name)
			if err := hashFile(h, filepath.Join(f[2], name)); err != nil {
				return "", err
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func hashFile(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// goCmd runs the go command in dir with b's environment and returns its standard output (with
// standard error when it fails).
func goCmd(dir string, b Build, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), b.Env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String() + stderr.String(), fmt.Errorf("go %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}

func goosOf(b Build) string {
	for _, kv := range b.Env {
		if v, ok := strings.CutPrefix(kv, "GOOS="); ok {
			return v
		}
	}
	out, err := goCmd("", b, "env", "GOOS")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(out)
}

// cacheDir is where built test binaries are kept: AUVENIR_TESTBIN_CACHE, else a folder of the
// user's cache (beside Go's own build cache).
func cacheDir() (string, error) {
	dir := os.Getenv("AUVENIR_TESTBIN_CACHE")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		dir = filepath.Join(base, "auvenir-onboard-testbin")
	}
	return dir, os.MkdirAll(dir, 0o755)
}

// prune removes binaries unused for longer than age (and builds left behind by a killed test).
func prune(dir string, age time.Duration) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > age {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
