package endpoints_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/endpoints"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/probe"
)

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func wantProblem(t *testing.T, err error, want endpoints.Problem) *endpoints.FileError {
	t.Helper()
	var fe *endpoints.FileError
	if !errors.As(err, &fe) || fe.Problem != want {
		t.Fatalf("error %v, want problem %d", err, want)
	}
	return fe
}

// A device and a folder are refused before anything is read (/dev/zero would be read forever).
func TestListThatIsNotARegularFile(t *testing.T) {
	paths := []string{t.TempDir()}
	if runtime.GOOS != "windows" {
		paths = append(paths, "/dev/zero")
	}
	for _, p := range paths {
		_, err := endpoints.LoadFile(p)
		wantProblem(t, err, endpoints.ProblemNotRegular)
		if _, err := probe.LoadCAFile(p); !errors.Is(err, endpoints.ErrNotRegular) {
			t.Errorf("--ca-file %s: %v", p, err)
		}
	}
}

func TestListOverTheSizeLimit(t *testing.T) {
	big := writeFile(t, "big.toml", "# "+strings.Repeat("x", endpoints.MaxFileBytes)+"\n")
	_, err := endpoints.LoadFile(big)
	wantProblem(t, err, endpoints.ProblemTooLarge)
	var tl *endpoints.TooLargeError
	if _, err := probe.LoadCAFile(big); !errors.As(err, &tl) || tl.Limit != endpoints.MaxFileBytes {
		t.Errorf("--ca-file: %v", err)
	}
	// Exactly at the limit is read.
	at := writeFile(t, "at.toml", "[[group]]\nid = \"a\"\n[[group.endpoint]]\nurl = \"https://a.example\"\n#")
	fi, _ := os.Stat(at)
	pad := strings.Repeat("x", endpoints.MaxFileBytes-int(fi.Size()))
	os.WriteFile(at, []byte("[[group]]\nid = \"a\"\n[[group.endpoint]]\nurl = \"https://a.example\"\n#"+pad), 0o600)
	if _, err := endpoints.LoadFile(at); err != nil {
		t.Errorf("a file of exactly %d bytes: %v", endpoints.MaxFileBytes, err)
	}
}

// Shapes on which the TOML decoder's memory explodes are refused before it sees them, on the
// line where they start, with a few kilobytes allocated instead of gigabytes.
func TestListNestedTooDeep(t *testing.T) {
	n := 10000
	cases := map[string]string{
		"10 000 nested inline tables": "[[group]]\nid = \"a\"\nx = " + strings.Repeat("{a = ", n) + "1" + strings.Repeat("}", n) + "\n",
		"10 000 nested arrays":        "[[group]]\nid = \"a\"\nx = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n",
		"400 KB [a.a.a…] header":      "[[group]]\nid = \"a\"\n[" + strings.Repeat("a.", 200000) + "a]\n",
		"dotted key":                  "[[group]]\nid = \"a\"\n" + strings.Repeat("a.", 40) + "a = 1\n",
	}
	for name, text := range cases {
		var err error
		alloc := allocated(func() { _, err = endpoints.Parse([]byte(text), "list.toml") })
		fe := wantProblem(t, err, endpoints.ProblemTooDeep)
		if fe.Line != 3 {
			t.Errorf("%s: line %d, want 3", name, fe.Line)
		}
		if alloc > 4<<20 {
			t.Errorf("%s: %d KB allocated", name, alloc>>10)
		}
	}
	// Brackets, dots and quotes inside strings and comments are text, not nesting.
	ok := "# [[[[[[[[[[[[[[[[[[[[ a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a\n" +
		"[[group]]\nid = \"a\"\nname = '''{{{{{{{{{{{{{{{{{{{{\n\"''' \nsource = \"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j \\\" [[[[[[[[[[[[[[[[[[[\"\n" +
		"[[group.endpoint]]\nurl = \"https://a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j.example/\"\n"
	if _, err := endpoints.Parse([]byte(ok), "ok.toml"); err != nil {
		t.Errorf("a list with brackets and dots in strings and comments: %v", err)
	}
}
