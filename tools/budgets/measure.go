package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// buildStripped builds the program as the release does (no cgo, -trimpath, -s -w) and returns
// its size in bytes.
func buildStripped(dir, out string) (float64, error) {
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w -buildid=", "-o", out, "./cmd/auvenir-onboard")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("go build: %v: %s", err, bytes.TrimSpace(b))
	}
	fi, err := os.Stat(out)
	if err != nil {
		return 0, err
	}
	return float64(fi.Size()), nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// timed runs bin args n times, without a terminal, output discarded, and reports the median
// wall time from start to exit.
func timed(n int, budget float64, bin string, env []string, args ...string) figure {
	f := figure{Name: "`" + strings.Join(args, " ") + "`", Budget: budget, Unit: "ms", Note: fmt.Sprintf("median of %d", n)}
	var times []float64
	for i := 0; i < n; i++ {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), env...)
		cmd.Stdout = io.Discard
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		err := cmd.Run()
		elapsed := time.Since(start)
		if err != nil {
			f.Err = fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
			return f
		}
		times = append(times, ms(elapsed))
	}
	f.Value = median(times)
	return f
}

var benchLine = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op`)

// slowestBench reads `go test -bench` output and returns the slowest benchmark and its ns/op.
func slowestBench(out []byte) (string, float64, error) {
	name, worst := "", -1.0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		ns, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			return "", 0, err
		}
		if ns > worst {
			name, worst = m[1], ns
		}
	}
	if worst < 0 {
		return "", 0, errors.New("no benchmark result in the output")
	}
	return name, worst, nil
}

// renderFigure runs the rendering benchmark of tui/ and reports the slowest screen.
func renderFigure(dir string) figure {
	f := figure{Name: "rendering a screen at 120×40 (slowest)", Budget: 1, Unit: "ms"}
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "120x40", "-benchtime", "300x", "./tui")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		f.Err = fmt.Errorf("go test -bench: %v: %s", err, lastLine(out))
		return f
	}
	name, ns, err := slowestBench(out)
	if err != nil {
		f.Err = err
		return f
	}
	f.Value, f.Note = ns/1e6, name
	return f
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return lines[len(lines)-1]
}

// vmHWM reads the peak resident set size ("high water mark") of a process, in bytes, from the
// text of /proc/<pid>/status.
func vmHWM(status []byte) (float64, error) {
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			fields := strings.Fields(rest)
			if len(fields) != 2 || fields[1] != "kB" {
				return 0, fmt.Errorf("unexpected %q", line)
			}
			kb, err := strconv.ParseFloat(fields[0], 64)
			return kb * 1024, err
		}
	}
	return 0, errors.New("no VmHWM line")
}
