// Command budgets measures the figures the program promises and prints each against its budget:
//
//	go run ./tools/budgets [-runs 20] [-bin path]
//
// It builds the stripped linux/amd64-style binary of the working tree (as dist does), times
// --version and --print, drives the wizard in tmux for the first frame and the peak memory,
// reads the 120×40 rendering benchmark of tui/, and times --check-network against loopback
// servers of known delays. The start of --version and of a one-address --check-network is timed
// against an empty Go program's, alternately in the same run, as a ratio. Figures depend on the machine: they are printed, and the exit status is
// 1 when one is over budget. It is a developer tool, so it speaks English.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"
)

// binaryBudgetMiB is the stripped binary's budget. 24 MiB: the phone-number library stays (numbers
// checked correctly worldwide are worth its 7.5 MiB), and evaluating PAC files may need a
// JavaScript engine.
const binaryBudgetMiB = 24

// figure is one measured quantity against its budget; Err says why it could not be measured.
type figure struct {
	Name   string
	Value  float64
	Budget float64
	Unit   string
	Note   string
	Err    error
}

func (f figure) over() bool { return f.Err == nil && f.Value > f.Budget }

func (f figure) verdict() string {
	switch {
	case f.Err != nil:
		return "not measured: " + f.Err.Error()
	case f.over():
		return "OVER BUDGET"
	}
	return "ok"
}

// report prints the figures as a Markdown table (docs/testing.md shows it) and tells whether all fit.
func report(w io.Writer, figs []figure) bool {
	ok := true
	fmt.Fprintln(w, "| figure | measured | budget | verdict |")
	fmt.Fprintln(w, "|---|---:|---:|---|")
	for _, f := range figs {
		val := "–"
		if f.Err == nil {
			val = fmt.Sprintf("%.*f %s", decimals(f.Value), f.Value, f.Unit)
			if f.Note != "" {
				val += " (" + f.Note + ")"
			}
		}
		fmt.Fprintf(w, "| %s | %s | %s %s | %s |\n", f.Name, val, trim(f.Budget), f.Unit, f.verdict())
		if f.over() {
			ok = false
		}
	}
	return ok
}

func decimals(v float64) int {
	switch {
	case v >= 100:
		return 0
	case v >= 10:
		return 1
	}
	return 2
}

func trim(v float64) string { return fmt.Sprintf("%g", v) }

func main() {
	runs := flag.Int("runs", 20, "runs of each timed command (the median is reported)")
	bin := flag.String("bin", "", "measure this binary instead of building one")
	startupOnly := flag.Bool("startup", false, "measure only the start-up ratios and the package initialisation")
	flag.Parse()
	root, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "budgets: run inside the module:", err)
		os.Exit(2)
	}
	dir := string(root[:len(root)-1])
	work, err := os.MkdirTemp("", "auvenir-budgets-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "budgets:", err)
		os.Exit(2)
	}
	defer os.RemoveAll(work)

	var figs []figure
	var binary float64
	path := *bin
	if path == "" {
		path = filepath.Join(work, "auvenir-onboard")
		size, err := buildStripped(dir, path)
		binary = size
		figs = append(figs, figure{Name: "stripped " + runtime.GOOS + "/" + runtime.GOARCH + " binary", Value: size / (1 << 20), Budget: binaryBudgetMiB, Unit: "MiB", Err: err})
		if err != nil {
			report(os.Stdout, figs)
			os.Exit(1)
		}
	}
	env := []string{"LANG=en_CA.UTF-8", "NO_COLOR=1"}
	if *startupOnly {
		figs = append(figs[:0], startupFigures(*runs, path, work, env)...)
		fmt.Printf("\nMeasured %s on %s/%s, %d CPUs, %s.\n\n", time.Now().UTC().Format("2006-01-02"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
		report(os.Stdout, figs)
		if all, phone, err := initCost(*runs, path); err == nil {
			fmt.Printf("\nPackage initialisation of `--version` (GODEBUG=inittrace=1, median of %d): %.1f ms, of which github.com/nyaruka/phonenumbers %.1f ms.\n", *runs, all, phone)
		}
		return
	}
	figs = append(figs,
		timed(*runs, 20, path, env, "--version"),
		timed(*runs, 40, path, env, "--print", "--lang", "en"),
	)
	figs = append(figs, startupFigures(*runs, path, work, env)...)
	figs = append(figs, wizardFigures(path)...)
	figs = append(figs, renderFigure(dir))
	figs = append(figs, checkNetworkFigure(path))
	fmt.Printf("\nMeasured %s on %s/%s, %d CPUs, %s.\n\n", time.Now().UTC().Format("2006-01-02"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	ok := report(os.Stdout, figs)
	if all, phone, err := initCost(*runs, path); err != nil {
		fmt.Println("\npackage initialisation: not measured:", err)
	} else {
		fmt.Printf("\nPackage initialisation of `--version` (GODEBUG=inittrace=1, median of %d): %.1f ms, of which github.com/nyaruka/phonenumbers %.1f ms (it decodes its metadata in init, used or not).\n", *runs, all, phone)
	}
	if binary > 0 {
		if shares, err := dependencyShares(dir, work); err != nil {
			fmt.Println("\nlargest dependencies: not measured:", err)
		} else {
			fmt.Printf("\nLargest dependencies (they overlap: a module's own dependencies count in its figure):\n\n")
			printShares(os.Stdout, shares, binary, 8)
		}
	}
	if !ok {
		os.Exit(1)
	}
}
