package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestLanesOfTheRealScript(t *testing.T) {
	script, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	got := lanes(string(script))
	for _, want := range []string{"dead code", "Windows build under wine"} {
		found := false
		for _, l := range got {
			found = found || l == want
		}
		if !found {
			t.Errorf("step %q not found in .ci/run (found %q)", want, got)
		}
	}
}

func TestUnexplainedSkips(t *testing.T) {
	stream := `{"Action":"run","Package":"p","Test":"TestWine"}
{"Action":"output","Package":"p","Test":"TestWine","Output":"=== RUN   TestWine\n"}
{"Action":"output","Package":"p","Test":"TestWine","Output":"    wine_test.go:32: no prefix: the step \"Windows build under wine\" runs it\n"}
{"Action":"output","Package":"p","Test":"TestWine","Output":"--- SKIP: TestWine (0.00s)\n"}
{"Action":"skip","Package":"p","Test":"TestWine"}
{"Action":"run","Package":"p","Test":"TestQuiet"}
{"Action":"output","Package":"p","Test":"TestQuiet","Output":"    x_test.go:9: lipgloss changed\n"}
{"Action":"skip","Package":"p","Test":"TestQuiet"}
{"Action":"run","Package":"p","Test":"TestFine"}
{"Action":"output","Package":"p","Test":"TestFine","Output":"--- PASS: TestFine\n"}
{"Action":"pass","Package":"p","Test":"TestFine"}
{"Action":"skip","Package":"q"}
not json: a build error
`
	var out bytes.Buffer
	bad, err := unexplained(strings.NewReader(stream), &out, []string{"go test ./...", "Windows build under wine"})
	if err != nil {
		t.Fatal(err)
	}
	if len(bad) != 1 || !strings.HasPrefix(bad[0], "p TestQuiet: ") || !strings.Contains(bad[0], "lipgloss changed") {
		t.Errorf("unexplained = %q, want only TestQuiet with its message", bad)
	}
	for _, want := range []string{"--- SKIP: TestWine", "--- PASS: TestFine", "not json: a build error"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the output lacks %q:\n%s", want, out.String())
		}
	}
}
