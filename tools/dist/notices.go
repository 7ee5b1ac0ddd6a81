package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Most of the program's dependencies (MIT, BSD, Apache) ask that their licence travel with
// binary copies; dist gathers the licence of every module linked into any target, and Go's own.
const noticesName = "THIRD_PARTY_LICENSES"

type module struct{ Path, Version, Dir string }

// linkedModules lists the modules (other than ours) whose packages are linked into the program
// for any of targets.
func linkedModules(src string, targets []target) ([]module, error) {
	seen := map[string]module{}
	for _, t := range targets {
		cmd := exec.Command("go", "list", "-deps", "-f",
			"{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Version}}\t{{.Dir}}{{end}}{{end}}", mainPkg)
		cmd.Dir = src
		cmd.Env = buildEnv(t)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go list %s: %v\n%s", t, err, stderr.String())
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			f := strings.Split(sc.Text(), "\t")
			if len(f) == 3 {
				seen[f[0]] = module{f[0], f[1], f[2]}
			}
		}
	}
	mods := make([]module, 0, len(seen))
	for _, m := range seen {
		mods = append(mods, m)
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	return mods, nil
}

// licenceFile finds the licence text at the top of a module.
func licenceFile(dir string) (string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	var names []string
	for _, e := range ents {
		n := strings.ToUpper(e.Name())
		if !e.IsDir() && (strings.HasPrefix(n, "LICENSE") || strings.HasPrefix(n, "LICENCE") || strings.HasPrefix(n, "COPYING")) {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return "", fmt.Errorf("no licence file in %s: cannot ship it", dir)
	}
	sort.Strings(names)
	return filepath.Join(dir, names[0]), nil
}

// writeNotices writes the licences of Go and of mods to path.
func writeNotices(path, goroot, goversion string, mods []module) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s contains the following software. Their licences follow.\n\n", program)
	section := func(title, file string) error {
		text, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s\n%s\n%s\n\n%s\n\n", strings.Repeat("=", 72), title, strings.Repeat("-", 72),
			strings.TrimSpace(strings.ReplaceAll(string(text), "\r\n", "\n")))
		return nil
	}
	if err := section("The Go programming language, "+goversion, filepath.Join(goroot, "LICENSE")); err != nil {
		return err
	}
	for _, m := range mods {
		file, err := licenceFile(m.Dir)
		if err != nil {
			return fmt.Errorf("%s: %w", m.Path, err)
		}
		if err := section(m.Path+" "+m.Version, file); err != nil {
			return err
		}
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
