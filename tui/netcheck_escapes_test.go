package tui

import (
	tea "charm.land/bubbletea/v2"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/locales"
)

// evilIssuer retitles the window, sets the clipboard and clears the screen when written as is.
const evilIssuer = "Evil\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J CA"

// untrustedNet is a check of one address whose certificate comes from evilIssuer.
func untrustedNet(t *testing.T) (*netcheck.Checker, []netcheck.Endpoint) {
	rogue := netchecktest.NewCA(t, evilIssuer, "Nobody")
	good := netchecktest.NewCA(t, "Wizard Test Root", "Auvenir Tests")
	srv := netchecktest.ServeTLS(t, rogue.Leaf(t, "evil.test"), 0, nil)
	eps, _, err := netcheck.FromURLs([]string{"https://evil.test:" + netchecktest.Port(srv)})
	if err != nil {
		t.Fatal(err)
	}
	proxy, _ := netcheck.ProxyFromSettings("none", func(string) string { return "" })
	return netcheck.New(netcheck.Config{Timeout: 5 * time.Second, Resolver: netchecktest.Resolver{}, Proxy: proxy,
		SystemRoots: netchecktest.Pool(good), PublicRoots: netchecktest.Pool(good)}), eps
}

// noOutsideEscapes fails on the sequences the issuer holds; the screen's own colours (SGR) are
// allowed.
func noOutsideEscapes(t *testing.T, where, s string) {
	t.Helper()
	for _, bad := range []string{"\x1b]0;", "\x1b]52;", "\x1b[2J", "pwned"} {
		if strings.Contains(s, bad) {
			t.Fatalf("%s writes %q:\n%q", where, bad, s)
		}
	}
}

// The wizard's check on key c names the issuer without its escape sequences.
func TestNetCheckScreenWritesNoEscapesFromTheNetwork(t *testing.T) {
	c, eps := untrustedNet(t)
	m := New(Config{Lang: locales.English, LangKnown: true, Now: func() time.Time { return t0 },
		NetChecker: func() *netcheck.Checker { return c }, NetEndpoints: eps})
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 60})
	d := newDriver(t, m)
	d.key("c")
	d.until("finished", func(m Model) bool { return m.net.Report() != nil })
	mustContain(t, d.m, "Evil CA")
	noOutsideEscapes(t, "the wizard's check", d.m.View().Content)
}
