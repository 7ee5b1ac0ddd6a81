package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// processGlobals are what a package reads of its process instead of being told: the environment
// and the command line.
var processGlobals = map[string]map[string]bool{
	"os":      {"Getenv": true, "LookupEnv": true, "Environ": true, "Args": true},
	"syscall": {"Getenv": true, "Environ": true},
}

// Nothing below the command line reads the environment or the arguments: cmd/auvenir-onboard
// decides (the proxy, the terminal's glyphs, the colours, the desktop session) and passes what it
// decided, as cli/cli passes IOStreams, so a package never second-guesses the command line (the
// wizard's network check used to read the proxy variables again after --proxy chose).
// Programs of their own (package main: tools/, scripts/) are commands like this one; test files
// are not part of the product. internal/testtool is test support, imported by tests only, which
// this test checks too.
func TestNothingBelowTheCommandLineReadsTheProcess(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "cmd" || strings.HasPrefix(d.Name(), ".") && rel != "." || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"github.com/auvenir/auvenir-onboard/internal/testtool"` && !strings.HasSuffix(path, "_test.go") {
				t.Errorf("%s imports internal/testtool, which is for tests only", rel)
			}
		}
		if strings.HasSuffix(path, "_test.go") || f.Name.Name == "main" || strings.HasPrefix(rel, "internal/testtool/") {
			return nil
		}
		checked++
		for _, r := range processReads(fset, f) {
			t.Errorf("%s: the command line decides and passes it down", r)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d files checked: the walk missed the tree", checked)
	}
}

// processReads are the places f reads processGlobals, whatever name it imports their package by.
func processReads(fset *token.FileSet, f *ast.File) []string {
	imports := map[string]string{} // local name → path
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		name := p[strings.LastIndex(p, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		imports[name] = p
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && processGlobals[imports[x.Name]][sel.Sel.Name] {
				out = append(out, fmt.Sprintf("%s: %s.%s", fset.Position(sel.Pos()), imports[x.Name], sel.Sel.Name))
			}
		}
		return true
	})
	return out
}

// The test sees what it looks for, under another import name too; a comment naming os.Getenv or
// a function of the same name elsewhere is not a read.
func TestProcessReadsAreSeen(t *testing.T) {
	t.Parallel()
	src := "package x\nimport (\n\tgoos \"os\"\n\t\"syscall\"\n\t\"example.com/env\"\n)\n" +
		"// os.Getenv is named in a comment\n" +
		"func f() string { return goos.Getenv(\"HOME\") + goos.Args[0] + env.Getenv(\"X\") }\n" +
		"func g() []string { return syscall.Environ() }\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	got := processReads(fset, f)
	want := []string{"x.go:8:26: os.Getenv", "x.go:8:48: os.Args", "x.go:9:28: syscall.Environ"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("found\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
