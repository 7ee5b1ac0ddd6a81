package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

const (
	program = "auvenir-onboard"
	mainPkg = "./cmd/auvenir-onboard"
)

// target is one GOOS/GOARCH pair of the release.
type target struct{ OS, Arch string }

func (t target) String() string { return t.OS + "/" + t.Arch }

// exe is the name of the program inside the archive.
func (t target) exe() string {
	if t.OS == "windows" {
		return program + ".exe"
	}
	return program
}

// allTargets is the release matrix, in the order archives are listed.
var allTargets = []target{
	{"windows", "amd64"}, {"windows", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"linux", "amd64"}, {"linux", "arm64"},
}

// parseTargets reads "all" or a comma-separated list such as "linux/amd64,windows/arm64".
func parseTargets(s string) ([]target, error) {
	if s == "" || s == "all" {
		return allTargets, nil
	}
	var out []target
	seen := map[target]bool{}
	for _, part := range strings.Split(s, ",") {
		os, arch, _ := strings.Cut(strings.TrimSpace(part), "/")
		t := target{os, arch}
		known := false
		for _, k := range allTargets {
			known = known || k == t
		}
		if !known {
			return nil, fmt.Errorf("unknown target %q (known: %v)", part, allTargets)
		}
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out, nil
}

// ldflags strips the symbol table and DWARF (-s -w), empties the build ID (it hashes the
// inputs' paths on some toolchains) and stamps what --version prints.
func ldflags(s source) string {
	return strings.Join([]string{
		"-s", "-w", "-buildid=",
		"-X", "main.version=" + s.Version,
		"-X", "main.commit=" + s.Commit,
		"-X", "main.date=" + s.Time.Format(time.RFC3339),
	}, " ")
}

// buildEnv is the environment of `go build`: the caller's, minus every variable that changes the
// output of the compiler for a given target, plus the target's.
func buildEnv(t target) []string {
	drop := map[string]bool{
		"GOOS": true, "GOARCH": true, "CGO_ENABLED": true, "GOFLAGS": true, "GOEXPERIMENT": true,
		"GOAMD64": true, "GOARM64": true, "GOARM": true, "GO386": true, "GOWORK": true,
		"GOFIPS140": true,
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			env = append(env, kv)
		}
	}
	return append(env,
		"GOOS="+t.OS, "GOARCH="+t.Arch, "CGO_ENABLED=0", "GOFLAGS=-mod=readonly", "GOWORK=off",
		"GOAMD64=v1", "GOARM64=v8.0",
	)
}

// goBuild compiles the program of the source tree src for t into out.
func goBuild(src string, s source, t target, out string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags(s), "-o", out, mainPkg)
	cmd.Dir = src
	cmd.Env = buildEnv(t)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %v\n%s", t, err, buf.String())
	}
	return nil
}

// goEnv reads one variable of `go env` as the build would see it.
func goEnv(src, name string) (string, error) {
	cmd := exec.Command("go", "env", name)
	cmd.Dir = src
	cmd.Env = buildEnv(allTargets[0])
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// binPath is where the binary of t is built before it goes into its archive.
func binPath(work string, t target) string {
	return filepath.Join(work, "bin", t.OS+"_"+t.Arch, t.exe())
}
