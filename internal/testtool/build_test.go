package testtool

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A program is built once for given inputs, again when a file of the module changes, and the
// cached binary is the program of the current inputs.
func TestBuildIsCachedByContent(t *testing.T) {
	t.Setenv("AUVENIR_TESTBIN_CACHE", t.TempDir())
	mod := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(mod, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mod, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/hello\n\ngo 1.22\n")
	write("cmd/hello/main.go", "package main\n\nimport \"example.com/hello/words\"\n\nfunc main() { println(words.Greeting) }\n")
	write("words/words.go", "package words\n\nconst Greeting = \"bonjour\"\n")
	b := Build{Pkg: "./cmd/hello"}
	say := func(path string) string {
		t.Helper()
		out, err := exec.Command(path).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v %s", path, err, out)
		}
		return strings.TrimSpace(string(out))
	}

	before := builds.Load()
	first, err := buildCached(b, mod)
	if err != nil {
		t.Fatal(err)
	}
	again, err := buildCached(b, mod)
	if err != nil {
		t.Fatal(err)
	}
	if first != again || builds.Load()-before != 1 {
		t.Errorf("same inputs: %s then %s, %d builds (want one)", first, again, builds.Load()-before)
	}
	if got := say(first); got != "bonjour" {
		t.Errorf("the program says %q", got)
	}

	// A change in a package the program imports (not the main package) is a new binary.
	write("words/words.go", "package words\n\nconst Greeting = \"hello\"\n")
	changed, err := buildCached(b, mod)
	if err != nil {
		t.Fatal(err)
	}
	if changed == first || builds.Load()-before != 2 {
		t.Errorf("changed inputs reused %s (%d builds)", changed, builds.Load()-before)
	}
	if got := say(changed); got != "hello" {
		t.Errorf("the rebuilt program says %q", got)
	}

	// Tags are part of the key.
	tagged, err := buildCached(Build{Pkg: "./cmd/hello", Tags: "testseams"}, mod)
	if err != nil {
		t.Fatal(err)
	}
	if tagged == changed {
		t.Error("a build with tags reused the build without")
	}
}

// Within one test binary, asking again for the same build neither builds nor lists again.
func TestProgramIsMemoized(t *testing.T) {
	t.Setenv("AUVENIR_TESTBIN_CACHE", t.TempDir())
	b := Build{Pkg: "./internal/testtool/testdata/nothing"}
	before := builds.Load()
	a := Program(t, b)
	c := Program(t, b)
	if a != c || builds.Load()-before > 1 {
		t.Errorf("%s then %s after %d builds", a, c, builds.Load()-before)
	}
	if _, err := os.Stat(a); err != nil {
		t.Error(err)
	}
}
