// Command skipcheck reads `go test -json` on standard input, writes the tests' output as go test
// would, and fails (exit status 1) when a test was skipped without naming, in its skip message,
// the step of .ci/run that runs it instead. A green CI run then never hides a test that did not
// run: a skip is either a failure or a pointer to where the test does run (as the wine tests'
// "Windows build under wine").
//
//	go test -json ./... | go run ./tools/skipcheck [-ci .ci/run]
//
// The step names are read from the `step "NAME" …` lines of the CI script. A developer tool, so
// it speaks English.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

var stepLine = regexp.MustCompile(`(?m)^\s*step "([^"]+)"`)

// lanes reads the names of the steps of a CI script.
func lanes(script string) []string {
	var out []string
	for _, m := range stepLine.FindAllStringSubmatch(script, -1) {
		out = append(out, m[1])
	}
	return out
}

// unexplained reads a go test -json stream, copies each output line to w, and returns the skips
// whose messages name none of lanes, as "package Test: message".
func unexplained(r io.Reader, w io.Writer, lanes []string) ([]string, error) {
	output := map[string]*strings.Builder{} // package + test → its output so far
	var bad []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			// go test writes build errors as plain text: pass them on.
			fmt.Fprintln(w, sc.Text())
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "output":
			io.WriteString(w, e.Output)
			if e.Test != "" {
				if output[key] == nil {
					output[key] = &strings.Builder{}
				}
				output[key].WriteString(e.Output)
			}
		case "skip":
			if e.Test == "" {
				continue // a package without tests
			}
			msg := ""
			if b := output[key]; b != nil {
				msg = b.String()
			}
			if !namesALane(msg, lanes) {
				bad = append(bad, fmt.Sprintf("%s %s: %s", e.Package, e.Test, skipMessage(msg)))
			}
			delete(output, key)
		case "pass", "fail":
			delete(output, key)
		}
	}
	sort.Strings(bad)
	return bad, sc.Err()
}

func namesALane(msg string, lanes []string) bool {
	for _, l := range lanes {
		if strings.Contains(msg, l) {
			return true
		}
	}
	return false
}

// skipMessage keeps the lines of a test's output that say why it skipped, on one line.
func skipMessage(out string) string {
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "=== ") {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, " | ")
}

func main() {
	ci := flag.String("ci", ".ci/run", "the CI script whose step names a skip may give")
	flag.Parse()
	script, err := os.ReadFile(*ci)
	if err != nil {
		fmt.Fprintln(os.Stderr, "skipcheck:", err)
		os.Exit(2)
	}
	names := lanes(string(script))
	if len(names) == 0 {
		fmt.Fprintf(os.Stderr, "skipcheck: no step \"NAME\" line in %s\n", *ci)
		os.Exit(2)
	}
	bad, err := unexplained(os.Stdin, os.Stdout, names)
	if err != nil {
		fmt.Fprintln(os.Stderr, "skipcheck:", err)
		os.Exit(2)
	}
	if len(bad) > 0 {
		fmt.Printf("\nskipcheck: %d test(s) skipped without naming the .ci/run step that runs them instead:\n", len(bad))
		for _, b := range bad {
			fmt.Println("  " + b)
		}
		os.Exit(1)
	}
}
