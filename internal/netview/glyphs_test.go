package netview

import (
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/locales"
)

// The network check's marks and spinner come from the set: pass and fail differ in shape.
func TestLinesClassic(t *testing.T) {
	eps := []netcheck.Endpoint{{URL: "https://a.example/"}, {URL: "https://b.example/"}, {URL: "https://c.example/"}}
	n := New(nil, eps, glyphs.Classic)
	n.running = true
	n.rows = []row{
		{result: &netcheck.Result{Class: netcheck.OK}},
		{result: &netcheck.Result{Class: netcheck.Refused}},
		{},
	}
	lines := n.Lines(locales.New(locales.English), Styles{}, false, 0)
	if !strings.HasPrefix(lines[0], "√ ") || !strings.HasPrefix(lines[1], "× ") || !strings.HasPrefix(lines[2], "| ") {
		t.Errorf("lines:\n%s", strings.Join(lines, "\n"))
	}
}
