// Package doccheck holds the test that keeps the README and docs/ saying what .ci/run does: the
// test command, the CI steps, the fuzz length and the CI budget. Only a test: nothing to build.
package doccheck

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// ciFacts is what .ci/run says of itself.
type ciFacts struct {
	steps    []string // the step names, variables expanded
	fuzzTime string   // FUZZTIME's default
	budget   string   // the minutes of "Budget: N minutes"
}

var (
	stepLine   = regexp.MustCompile(`(?m)^step "([^"]+)"`)
	assignLine = regexp.MustCompile(`(?m)^([A-Z_]+)=([^ \n#$]+)`)
	fuzzLine   = regexp.MustCompile(`(?m)^FUZZTIME=\$\{FUZZTIME:-([^}]+)\}`)
	budgetLine = regexp.MustCompile(`(?m)^# Budget: (\d+) minutes`)
	// Statements of the CI's budget in the docs: "budget is 30 minutes", "a 30-minute budget".
	budgetText = regexp.MustCompile(`(?i)budget (?:is|of) (\d+) minutes|(\d+)-minute budget`)
	// Statements of FUZZTIME's value in the docs.
	fuzzText = regexp.MustCompile("FUZZTIME[`]?[^.\n]{0,40}?(?:default|=)[ `(]*([0-9]+[a-z]*)")
)

func readCI(t *testing.T) ciFacts {
	t.Helper()
	raw, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	script := string(raw)
	vars := map[string]string{}
	for _, m := range assignLine.FindAllStringSubmatch(script, -1) {
		vars[m[1]] = m[2]
	}
	var f ciFacts
	for _, m := range stepLine.FindAllStringSubmatch(script, -1) {
		f.steps = append(f.steps, os.Expand(m[1], func(k string) string { return vars[k] }))
	}
	if m := fuzzLine.FindStringSubmatch(script); m != nil {
		f.fuzzTime = m[1]
	}
	if m := budgetLine.FindStringSubmatch(script); m != nil {
		f.budget = m[1]
	}
	if len(f.steps) < 5 || f.fuzzTime == "" || f.budget == "" {
		t.Fatalf(".ci/run no longer reads as expected: %+v", f)
	}
	return f
}

func docs(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	files, _ := filepath.Glob("../../docs/*.md")
	for _, p := range append(files, "../../README.md") {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimPrefix(p, "../../")] = string(b)
	}
	return out
}

// The README's test command is a step of .ci/run, and it fits on a few screens.
func TestReadmeNamesTheCITestCommand(t *testing.T) {
	ci := readCI(t)
	readme := docs(t)["README.md"]
	m := regexp.MustCompile("(?m)^(go test [^ ]+)").FindStringSubmatch(readme)
	if m == nil {
		t.Fatal("the README gives no go test command")
	}
	found := false
	for _, s := range ci.steps {
		found = found || s == m[1] || strings.HasPrefix(s, m[1]+" (")
	}
	if !found {
		t.Errorf("the README runs the tests with %q; .ci/run's steps are %q", m[1], ci.steps)
	}
	if n := strings.Count(readme, "\n"); n >= 200 {
		t.Errorf("the README has %d lines: keep it under 200, the rest in docs/", n)
	}
}

// docs/testing.md's table of steps lists exactly .ci/run's steps, in order.
func TestTestingDocListsTheCISteps(t *testing.T) {
	ci := readCI(t)
	doc := docs(t)["docs/testing.md"]
	_, table, ok := strings.Cut(doc, "| step | what it runs |")
	if !ok {
		t.Fatal(`docs/testing.md has no "| step | what it runs |" table`)
	}
	var listed []string
	for _, line := range strings.Split(table, "\n")[2:] {
		if !strings.HasPrefix(line, "| ") {
			break
		}
		cell := strings.TrimSpace(strings.Split(line, "|")[1])
		listed = append(listed, strings.Trim(cell, "`"))
	}
	if strings.Join(listed, "\n") != strings.Join(ci.steps, "\n") {
		t.Errorf("docs/testing.md lists the steps\n%q\n.ci/run has\n%q", listed, ci.steps)
	}
}

// Wherever the README or docs/ give FUZZTIME's default or the CI's budget, it is .ci/run's.
func TestDocsAgreeWithCIOnFuzzTimeAndBudget(t *testing.T) {
	ci := readCI(t)
	seen := map[string]bool{}
	for name, text := range docs(t) {
		for _, m := range fuzzText.FindAllStringSubmatch(text, -1) {
			seen["fuzz"] = true
			if m[1] != ci.fuzzTime {
				t.Errorf("%s: FUZZTIME %q, .ci/run's default is %q (%q)", name, m[1], ci.fuzzTime, m[0])
			}
		}
		for _, m := range budgetText.FindAllStringSubmatch(text, -1) {
			seen["budget"] = true
			if got := m[1] + m[2]; got != ci.budget {
				t.Errorf("%s: a CI budget of %s minutes, .ci/run's is %s (%q)", name, got, ci.budget, m[0])
			}
		}
	}
	var missing []string
	for _, k := range []string{"fuzz", "budget"} {
		if !seen[k] {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("no document states %v: docs/testing.md should", missing)
	}
}

// Every duration a comment of .ci/run gives ("about 25 s") is the one docs/testing.md gives.
func TestDocsGiveTheDurationsOfCI(t *testing.T) {
	raw, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	var comments strings.Builder
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			comments.WriteString(line + "\n")
		}
	}
	doc := strings.Join(strings.Fields(docs(t)["docs/testing.md"]), " ")
	for _, m := range duration.FindAllString(comments.String(), -1) {
		if !strings.Contains(doc, m) {
			t.Errorf(".ci/run says %q, docs/testing.md does not", m)
		}
	}
}

var duration = regexp.MustCompile(`about \d+(?:[.,]\d+)? (?:s|seconds|minutes?)\b`)

// The checks above catch a disagreement.
func TestTheChecksCatchADisagreement(t *testing.T) {
	if m := fuzzText.FindStringSubmatch("a fuzz smoke run (`FUZZTIME`, default 5 s each)"); m == nil || m[1] != "5" {
		t.Errorf("the old README's FUZZTIME is not read: %q", m)
	}
	if m := budgetText.FindStringSubmatch("Its budget is 20 minutes on 2 cores."); m == nil || m[1] != "20" {
		t.Errorf("a budget statement is not read: %q", m)
	}
	if m := budgetText.FindStringSubmatch("a 29-minute budget"); m == nil || m[2] != "29" {
		t.Errorf("a budget statement is not read: %q", m)
	}
	if m := duration.FindString("(default 5000x: about 25 s for the slowest target"); m != "about 25 s" {
		t.Errorf("a duration is not read: %q", m)
	}
}
