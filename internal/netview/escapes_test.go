package netview

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/locales"
)

// noOutsideEscapes fails on the sequences an issuer or address may hold; the screen's own
// colours (SGR) are allowed.
func noOutsideEscapes(t *testing.T, where, s string) {
	t.Helper()
	for _, bad := range []string{"\x1b]0;", "\x1b]52;", "\x1b[2J", "pwned"} {
		if strings.Contains(s, bad) {
			t.Fatalf("%s writes %q:\n%q", where, bad, s)
		}
	}
}

// The live view of --check-network writes the addresses without escapes too, whatever built
// them.
func TestLiveViewWritesNoEscapes(t *testing.T) {
	eps := []netcheck.Endpoint{{URL: "https://evil.test/\x1b]0;pwned\x07\x1b[2J", Host: "evil.test", Port: "443"}}
	z := locales.New(locales.French)
	p := &program{z: z, check: New(nil, eps, glyphs.Unicode), head: []string{"Vérification", "Mandataire"}}
	p.check.reset()
	p.check.running = true
	p.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	p.event(0, netcheck.StageTLS, "")
	s := p.View().Content
	if !strings.Contains(s, "⠋ evil.test ") {
		t.Fatalf("the address is not shown:\n%q", s)
	}
	noOutsideEscapes(t, "the live view", s)
}
