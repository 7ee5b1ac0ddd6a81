package diagnose_test

import (
	"os"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/diagnose"
)

// docs/network-causes.md, for IT, has a row for every cause in each language: a cause added
// here fails until it is documented.
func TestEveryCauseIsDocumentedInBothLanguages(t *testing.T) {
	raw, err := os.ReadFile("../../../docs/network-causes.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	en, fr, ok := strings.Cut(doc, "\n## Français\n")
	if !ok || !strings.Contains(en, "\n## English\n") {
		t.Fatal("no English and French sections")
	}
	for _, c := range diagnose.Causes {
		row := "| `" + string(c) + "` |"
		if !strings.Contains(en, row) || !strings.Contains(fr, row) {
			t.Errorf("cause %s has no row in both languages", c)
		}
	}
	for _, o := range diagnose.Owners {
		if !strings.Contains(en, "`"+string(o)+"`") {
			t.Errorf("owner %s is not explained", o)
		}
	}
}
