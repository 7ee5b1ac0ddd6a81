package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Completeness: the TUI draws something for every widget a screen can carry, in both languages
// (internal/plain/completeness_test.go checks plain mode). A new steps.Widget fails here until it
// has a screen (Model.widgetScreen) or a line of the walkthrough (Model.widget).
func TestEveryWidgetIsDrawn(t *testing.T) {
	for _, l := range locales.Langs {
		m, _ := newWith(Config{Lang: l}, 80, 24)
		m.walk.Keep(progress.State{CodeSent: t0})
		for _, w := range steps.Widgets() {
			m.walk.Screens()[m.walk.Index()].Widget = w
			m.walk.Screens()[m.walk.Index()].Parts = nil // the widget on a screen shown whole
			m.refresh()
			out := m.widget(m.mainWidth())
			if strings.TrimSpace(out) == "" || strings.Contains(out, "<no value>") {
				t.Errorf("%s: widget %d draws %q", l, w, out)
			}
		}
	}
}

// Every screen answers the interface's questions without a panic, in both languages and at the
// smallest window: a new screen that forgets to register fails here.
func TestEveryScreenIsRegistered(t *testing.T) {
	for _, l := range locales.Langs {
		m, _ := newWith(Config{Lang: l, Step: 9}, minWidth, minHeight)
		m.under = m.allKeys() // what the help lists, as refresh sets it
		for id := idChooser; id < idEnd; id++ {
			s := m.get(id)
			if s == nil {
				t.Fatalf("screen %d is not registered (its file calls register)", id)
			}
			m.put(id, s)
			if m.get(id) == nil {
				t.Fatalf("screen %d is not kept by Model.put", id)
			}
			if id == idShowQR {
				continue // needs a key: TestShowQRModel
			}
			if v := s.view(&m.common, m.w, m.h); v == "" && id != idNone {
				t.Errorf("%s: screen %d draws nothing", l, id)
			}
			for _, b := range s.keys(&m.common) {
				if len(b.Keys()) == 0 {
					t.Errorf("screen %d lists a binding without keys", id)
				}
			}
		}
	}
}

// No handler matches a key by its name: keys are declared once, in keys.go or in a screen's own
// bind call (a screen added in its own file), and matched with key.Matches, so the help and the
// behaviour cannot disagree. The check reads the package's source: a comparison of msg.String()
// or a switch on it with string cases fails.
func TestNoKeyStringsInHandlers(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "keys.go" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "bind" && len(n.Args) == 3 {
					return false // a binding declared with its keys and its label: the one place they are named
				}
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "String" && len(n.Args) == 0 {
					if id, ok := sel.X.(*ast.Ident); ok && (id.Name == "msg" || id.Name == "press" || id.Name == "k") {
						t.Errorf("%s: %s.String() reads a key by its name", fset.Position(n.Pos()), id.Name)
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					if v, _ := strconv.Unquote(n.Value); isKeyName(v) {
						t.Errorf("%s: key name %s outside keys.go", fset.Position(n.Pos()), n.Value)
					}
				}
			}
			return true
		})
	}
	if checked < 10 {
		t.Fatalf("only %d files read", checked)
	}
}

// isKeyName reports whether s names a key as Bubble Tea spells them.
func isKeyName(s string) bool {
	switch s {
	case "enter", "esc", "tab", "shift+tab", "left", "right", "up", "down", "pgup", "pgdown",
		"home", "end", "space", "backspace", "ctrl+c", "ctrl+u":
		return true
	}
	return false
}
