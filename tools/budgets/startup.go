package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// startupBudget is the target of issue 21: a start no dearer than 3 empty Go programs. It is not
// met while github.com/nyaruka/phonenumbers (v1.8.1) decodes its metadata in an init function,
// which it does whether or not a number is checked (phonenumberutil.go: init calls initMetadata).
const startupBudget = 3

// buildEmpty builds the smallest Go program, stripped as the release is, to time the start of any
// Go program on this machine.
func buildEmpty(work string) (string, error) {
	dir := filepath.Join(work, "empty")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		return "", err
	}
	out := filepath.Join(dir, "empty")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, src)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GO111MODULE=off")
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build of an empty program: %v: %s", err, bytes.TrimSpace(b))
	}
	return out, nil
}

// runOnce runs bin args to its end, output discarded, and returns the wall time in ms.
func runOnce(bin string, env []string, args ...string) (float64, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout = io.Discard
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %v: %s", filepath.Base(bin), strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return ms(elapsed), nil
}

// startRatio times bin args and the empty program alternately, n times each, so both see the
// same load, and returns the ratio of the medians with both medians.
func startRatio(n int, bin, empty string, env []string, args ...string) (ratio, prog, base float64, err error) {
	var p, e []float64
	for i := 0; i < n; i++ {
		tp, err := runOnce(bin, env, args...)
		if err != nil {
			return 0, 0, 0, err
		}
		te, err := runOnce(empty, env)
		if err != nil {
			return 0, 0, 0, err
		}
		p, e = append(p, tp), append(e, te)
	}
	prog, base = median(p), median(e)
	return prog / base, prog, base, nil
}

// startupFigures are the start of --version and of a one-address --check-network (a loopback
// server answering at once) against the empty program's, measured in the same run.
func startupFigures(n int, bin, work string, env []string) []figure {
	empty, err := buildEmpty(work)
	mk := func(name string, args ...string) figure {
		f := figure{Name: name + " ÷ an empty Go program's start", Budget: startupBudget, Unit: "×"}
		if err != nil {
			f.Err = err
			return f
		}
		r, prog, base, rerr := startRatio(n, bin, empty, env, args...)
		f.Value, f.Err = r, rerr
		f.Note = fmt.Sprintf("%.1f ms ÷ %.1f ms, medians of %d, alternated", prog, base, n)
		return f
	}
	figs := []figure{mk("`--version`", "--version")}
	url, stop, serr := slowServer(0)
	if serr != nil {
		return append(figs, figure{Name: "`--check-network` (one loopback address)", Err: serr})
	}
	defer stop()
	figs = append(figs, mk("`--check-network --json URL` (one loopback address)", "--check-network", "--json", "--lang", "en", url))
	return figs
}

var initLine = regexp.MustCompile(`^init (\S+) @[\d.]+ ms, ([\d.]+) ms clock`)

// initTimes reads GODEBUG=inittrace=1 output: the clock time of each package's initialisation.
func initTimes(trace []byte) (map[string]float64, error) {
	out := map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(trace))
	for sc.Scan() {
		m := initLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		v, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			return nil, err
		}
		out[m[1]] += v
	}
	if len(out) == 0 {
		return nil, errors.New("no inittrace line")
	}
	return out, nil
}

// initCost is the package initialisation of one --version run and the part of it the phone-number
// library takes (GODEBUG=inittrace=1), medians of n runs.
func initCost(n int, bin string) (all, phone float64, err error) {
	var alls, phones []float64
	for i := 0; i < n; i++ {
		cmd := exec.Command(bin, "--version")
		cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
		cmd.Stdout = io.Discard
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return 0, 0, err
		}
		times, err := initTimes(stderr.Bytes())
		if err != nil {
			return 0, 0, err
		}
		sum := 0.0
		for _, v := range times {
			sum += v
		}
		alls, phones = append(alls, sum), append(phones, times["github.com/nyaruka/phonenumbers"])
	}
	return median(alls), median(phones), nil
}
