package netview

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

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

// A reachable address is drawn in the pass style with either set: the classic console's √ is
// not the Unicode ✓, and comparing the drawn mark with ✓ painted every reachable address in the
// failure style (bold red).
func TestReachableIsGoodInEverySet(t *testing.T) {
	st := Styles{Good: lipgloss.NewStyle().Italic(true), Bad: lipgloss.NewStyle().Bold(true)}
	eps := []netcheck.Endpoint{{URL: "https://a.example/"}, {URL: "https://b.example/"}}
	for _, g := range []glyphs.Set{glyphs.Unicode, glyphs.Classic} {
		n := New(nil, eps, g)
		n.rows = []row{{result: &netcheck.Result{Class: netcheck.OK}}, {result: &netcheck.Result{Class: netcheck.Refused}}}
		lines := n.Lines(locales.New(locales.English), st, false, 0)
		if !strings.HasPrefix(lines[0], st.Good.Render(g.Done)+" ") {
			t.Errorf("classic=%v: the reachable line is not in the pass style: %q", g.Classic, lines[0])
		}
		if !strings.HasPrefix(lines[1], st.Bad.Render(g.Fail)+" ") {
			t.Errorf("classic=%v: the refused line is not in the failure style: %q", g.Classic, lines[1])
		}
	}
}
