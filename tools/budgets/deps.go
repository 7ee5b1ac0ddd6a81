package main

import (
	"bufio"
	"bytes"
	"debug/elf"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// share is one module's part of the program's symbols.
type share struct {
	Module string
	Bytes  int64
}

// symbolPackage is the import path a symbol of `go tool nm` belongs to, among pkgs (longest
// first): "github.com/x/y.(*T).M", "type:*github.com/x/y.T", "go:itab.*github.com/x/y.T,io.Writer".
func symbolPackage(name string, pkgs []string) string {
	for _, p := range []string{"type:", "go:itab.", "go:", "*"} {
		name = strings.TrimPrefix(name, p)
	}
	name = strings.TrimPrefix(name, "*")
	for _, p := range pkgs {
		if strings.HasPrefix(name, p+".") {
			return p
		}
	}
	return ""
}

// moduleShares adds up the sizes `go tool nm -size` lists per module; pkgModule maps each import
// path to its module ("std" for the standard library). Unattributed symbols (runtime tables,
// generated names) go under "other". inFile says whether an address is stored in the file (not
// zero-filled memory such as the FIPS DRBG's 32 MiB buffer); nil counts all. Largest first.
func moduleShares(nm io.Reader, pkgModule map[string]string, inFile func(uint64) bool) []share {
	pkgs := make([]string, 0, len(pkgModule))
	for p := range pkgModule {
		pkgs = append(pkgs, p)
	}
	sort.Slice(pkgs, func(i, j int) bool { return len(pkgs[i]) > len(pkgs[j]) })
	sizes := map[string]int64{}
	sc := bufio.NewScanner(nm)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 {
			continue
		}
		size, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			continue
		}
		if addr, err := strconv.ParseUint(f[0], 16, 64); err != nil || (inFile != nil && !inFile(addr)) {
			continue
		}
		mod := "other"
		if p := symbolPackage(strings.Join(f[3:], " "), pkgs); p != "" {
			mod = pkgModule[p]
		}
		sizes[mod] += size
	}
	out := make([]share, 0, len(sizes))
	for m, b := range sizes {
		out = append(out, share{m, b})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Bytes > out[j].Bytes })
	return out
}

// dependencyShares builds the program with its symbols and reports the n largest modules' parts
// of the symbol bytes: where the binary's size comes from.
func dependencyShares(dir, work string, n int) ([]share, int64, error) {
	bin := filepath.Join(work, "auvenir-onboard-symbols")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "./cmd/auvenir-onboard")
	build.Dir, build.Env = dir, append(os.Environ(), "CGO_ENABLED=0")
	if b, err := build.CombinedOutput(); err != nil {
		return nil, 0, fmt.Errorf("go build: %v: %s", err, bytes.TrimSpace(b))
	}
	list := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{with .Module}}{{.Path}}{{else}}std{{end}}", "./cmd/auvenir-onboard")
	list.Dir = dir
	out, err := list.Output()
	if err != nil {
		return nil, 0, fmt.Errorf("go list: %v", err)
	}
	pkgModule := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if p, m, ok := strings.Cut(l, " "); ok {
			pkgModule[p] = m
		}
	}
	nm, err := exec.Command("go", "tool", "nm", "-size", bin).Output()
	if err != nil {
		return nil, 0, fmt.Errorf("go tool nm: %v", err)
	}
	inFile, err := fileBacked(bin)
	if err != nil {
		return nil, 0, err
	}
	shares := moduleShares(bytes.NewReader(nm), pkgModule, inFile)
	var total int64
	for _, s := range shares {
		total += s.Bytes
	}
	return shares[:min(n, len(shares))], total, nil
}

// fileBacked reads the ELF section table: an address counts when its section has bytes in the
// file (.bss and .noptrbss are only reserved memory).
func fileBacked(bin string) (func(uint64) bool, error) {
	f, err := elf.Open(bin)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type span struct{ lo, hi uint64 }
	var spans []span
	for _, s := range f.Sections {
		if s.Type != elf.SHT_NOBITS && s.Flags&elf.SHF_ALLOC != 0 {
			spans = append(spans, span{s.Addr, s.Addr + s.Size})
		}
	}
	return func(a uint64) bool {
		for _, s := range spans {
			if a >= s.lo && a < s.hi {
				return true
			}
		}
		return false
	}, nil
}

func printShares(w io.Writer, shares []share, total int64) {
	fmt.Fprintln(w, "| module | symbol bytes | share |")
	fmt.Fprintln(w, "|---|---:|---:|")
	for _, s := range shares {
		fmt.Fprintf(w, "| %s | %.2f MiB | %.0f %% |\n", s.Module, float64(s.Bytes)/(1<<20), 100*float64(s.Bytes)/float64(total))
	}
}
