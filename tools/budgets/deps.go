package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// share is what one module, linked alone into an empty program, adds to it.
type share struct {
	Module string
	Bytes  float64
}

const ownModule = "github.com/auvenir/auvenir-onboard"

// directImports groups by module the packages the program's own packages import from other
// modules. lines are `go list` output: "importing-module imports…" per package.
func directImports(lines string, moduleOf map[string]string) map[string][]string {
	out := map[string][]string{}
	seen := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(lines), "\n") {
		f := strings.Fields(l)
		if len(f) == 0 || f[0] != ownModule {
			continue
		}
		for _, p := range f[1:] {
			m, ok := moduleOf[p]
			if !ok || m == ownModule || seen[p] {
				continue
			}
			seen[p] = true
			out[m] = append(out[m], p)
		}
	}
	return out
}

// dependencyShares builds, for each module the program imports directly, an empty program that
// imports the same packages, stripped as the release is, and reports how much larger than an
// empty program it is: the cost of that dependency alone, its own dependencies included (so the
// shares overlap and do not add up to the binary). The standard library's network stack is
// measured the same way. Largest first.
func dependencyShares(dir, work string) ([]share, error) {
	list := exec.Command("go", "list", "-deps", "-f",
		`{{$imp := .Imports}}{{with .Module}}{{.Path}} {{join $imp " "}}{{end}}`, "./cmd/auvenir-onboard")
	list.Dir = dir
	out, err := list.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v", err)
	}
	mods := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}} {{with .Module}}{{.Path}}{{end}}`, "./cmd/auvenir-onboard")
	mods.Dir = dir
	mout, err := mods.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v", err)
	}
	moduleOf := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(mout)), "\n") {
		if p, m, ok := strings.Cut(l, " "); ok && m != "" {
			moduleOf[p] = m
		}
	}
	groups := directImports(string(out), moduleOf)
	groups["standard library: net/http, crypto/tls"] = []string{"net/http", "crypto/tls"}
	empty, err := buildWith(dir, work, nil)
	if err != nil {
		return nil, err
	}
	var shares []share
	for m, pkgs := range groups {
		size, err := buildWith(dir, work, pkgs)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", m, err)
		}
		shares = append(shares, share{m, size - empty})
	}
	sort.Slice(shares, func(i, j int) bool { return shares[i].Bytes > shares[j].Bytes })
	return shares, nil
}

// buildWith builds a stripped program that only imports pkgs, inside the module (its versions),
// and returns its size.
func buildWith(dir, work string, pkgs []string) (float64, error) {
	src := filepath.Join(dir, "tools", "budgets", "alone_tmp")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return 0, err
	}
	defer os.RemoveAll(src)
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n")
	for _, p := range pkgs {
		fmt.Fprintf(&b, "\t_ %q\n", p)
	}
	b.WriteString(")\n\nfunc main() {}\n")
	if err := os.WriteFile(filepath.Join(src, "main.go"), []byte(b.String()), 0o644); err != nil {
		return 0, err
	}
	bin := filepath.Join(work, "alone")
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w -buildid=", "-o", bin, "./tools/budgets/alone_tmp")
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("go build: %v: %s", err, bytes.TrimSpace(out))
	}
	fi, err := os.Stat(bin)
	if err != nil {
		return 0, err
	}
	return float64(fi.Size()), nil
}

// printShares lists the n largest, each as MiB and as a share of the stripped binary.
func printShares(w io.Writer, shares []share, binary float64, n int) {
	fmt.Fprintln(w, "| dependency (linked alone into an empty program) | adds | share of the binary |")
	fmt.Fprintln(w, "|---|---:|---:|")
	for _, s := range shares[:min(n, len(shares))] {
		fmt.Fprintf(w, "| %s | %.2f MiB | %.0f %% |\n", s.Module, s.Bytes/(1<<20), 100*s.Bytes/binary)
	}
}
