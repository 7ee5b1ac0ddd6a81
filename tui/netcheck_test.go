package tui

import (
	"bytes"
	"net"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/internal/netview"
	"github.com/auvenir/auvenir-onboard/locales"
)

// loopbackNet is a network check against servers on 127.0.0.1: ok.test answers, closed.test
// refuses, and silent.test (when asked for) accepts and never answers.
type loopbackNet struct {
	checker            *netcheck.Checker
	ok, closed, silent netcheck.Endpoint
	closedPort, okPort string
}

func newLoopbackNet(t *testing.T, timeout time.Duration) loopbackNet {
	t.Helper()
	ca := netchecktest.NewCA(t, "Wizard Test Root", "Auvenir Tests")
	srv := netchecktest.ServeTLS(t, ca.Leaf(t, "ok.test"), 0, nil)
	_, closed, _ := net.SplitHostPort(netchecktest.Refused(t))
	_, silent, _ := net.SplitHostPort(netchecktest.Silent(t))
	eps, _, err := netcheck.FromURLs([]string{"https://ok.test:" + netchecktest.Port(srv),
		"https://closed.test:" + closed, "https://silent.test:" + silent})
	if err != nil {
		t.Fatal(err)
	}
	proxy, _ := netcheck.ProxyFromSettings("none", func(string) string { return "" })
	c := netcheck.New(netcheck.Config{Timeout: timeout, Resolver: netchecktest.Resolver{}, Proxy: proxy,
		SystemRoots: netchecktest.Pool(ca), PublicRoots: netchecktest.Pool(ca)})
	return loopbackNet{checker: c, ok: eps[0], closed: eps[1], silent: eps[2], closedPort: closed,
		okPort: netchecktest.Port(srv)}
}

func netModel(t *testing.T, ln loopbackNet, eps ...netcheck.Endpoint) Model {
	m := New(Config{Lang: locales.English, LangKnown: true, Now: func() time.Time { return t0 },
		NetChecker: func() *netcheck.Checker { return ln.checker }, NetEndpoints: eps})
	return send(m, tea.WindowSizeMsg{Width: 120, Height: 60})
}

// driver runs a model's commands the way Bubble Tea does, each in its own goroutine, and feeds
// their messages back to Update.
type driver struct {
	t    *testing.T
	m    Model
	msgs chan tea.Msg
	seen []tea.Msg
}

func newDriver(t *testing.T, m Model) *driver {
	return &driver{t: t, m: m, msgs: make(chan tea.Msg, 256)}
}

func (d *driver) exec(cmd tea.Cmd) {
	if cmd != nil {
		go func() { d.msgs <- cmd() }()
	}
}

func (d *driver) key(k string) {
	next, cmd := d.m.Update(keyMsg(k))
	d.m = next.(Model)
	d.exec(cmd)
}

// until handles messages until cond holds; it fails the test after 15 s.
func (d *driver) until(what string, cond func(Model) bool) {
	d.t.Helper()
	deadline := time.After(15 * time.Second)
	for !cond(d.m) {
		select {
		case msg := <-d.msgs:
			if b, ok := msg.(tea.BatchMsg); ok {
				for _, c := range b {
					d.exec(c)
				}
				continue
			}
			d.seen = append(d.seen, msg)
			next, cmd := d.m.Update(msg)
			d.m = next.(Model)
			d.exec(cmd)
		case <-deadline:
			d.t.Fatalf("never %s; screen:\n%s", what, screenText(d.m))
		}
	}
}

func TestNetCheckOnBeforeYouBegin(t *testing.T) {
	ln := newLoopbackNet(t, 5*time.Second)
	d := newDriver(t, netModel(t, ln, ln.ok, ln.closed))
	mustContain(t, d.m, "Press c to check that this network reaches Auvenir and Microsoft",
		"Your IT team can run the same check themselves, with this command:", "  auvenir-onboard --check-network",
		"c check the network")

	d.key("c")
	mustContain(t, d.m, "Checking the network…", "ok.test:"+ln.okPort, "Esc leave the check")
	d.until("finished", func(m Model) bool { return m.net.Report() != nil })
	mustContain(t, d.m, "This network blocks some addresses. Show this screen to your IT team:",
		"✓ ok.test:"+ln.okPort, "reachable", "✗ closed.test:"+ln.closedPort, "refused",
		"Allow closed.test:"+ln.closedPort+" in the firewall: connections to 127.0.0.1 are refused.",
		"auvenir-onboard --check-network", "Proxy: none (--proxy none: direct connections)")
	mustNotContain(t, d.m, "Checking the network…")

	d.key("esc")
	mustContain(t, d.m, "Press c to check")
	mustNotContain(t, d.m, "refused", "Esc leave the check")
}

func TestNetCheckAllReachableInFrench(t *testing.T) {
	ln := newLoopbackNet(t, 5*time.Second)
	m := netModel(t, ln, ln.ok)
	m.setLang(locales.French)
	d := newDriver(t, m)
	d.key("c")
	d.until("finished", func(m Model) bool { return m.net.Report() != nil })
	mustContain(t, d.m, "Ce réseau joint toutes les adresses : vous pouvez continuer.", "accessible",
		"Votre équipe informatique peut lancer la même vérification avec cette commande :", "auvenir-onboard --check-network",
		"Mandataire : aucun (--proxy none : connexions directes)")
}

// The check runs beside the wizard: while a server keeps it waiting, the person can move on,
// come back, and leave the check with esc, which ends its connections.
func TestNetCheckNeverBlocksAndEscCancels(t *testing.T) {
	ln := newLoopbackNet(t, time.Minute)
	d := newDriver(t, netModel(t, ln, ln.silent))
	d.key("c")
	d.until("shows the TLS step", func(m Model) bool {
		return strings.Contains(screenText(m), "checking the certificate")
	})
	d.key("right") // the intro's next part: the check's view is on its first
	mustNotContain(t, d.m, "checking the certificate")
	d.key("right")
	d.key("right")
	mustContain(t, d.m, "Your address")
	mustNotContain(t, d.m, "checking the certificate")
	d.key("c") // not offered here: a letter in the address field
	for range 4 {
		d.key("left")
	}
	mustContain(t, d.m, "checking the certificate")

	run := d.m.net.RunID()
	d.key("esc")
	if d.m.net.Running() || d.m.net.shown {
		t.Fatal("esc did not leave the check")
	}
	mustContain(t, d.m, "Press c to check")
	// The cancelled run ends (its silent connection is closed) long before its one-minute limit.
	d.until("ended the cancelled run", func(Model) bool {
		for _, msg := range d.seen {
			if done, ok := msg.(netview.DoneMsg); ok && done.Run == run {
				return true
			}
		}
		return false
	})
	if d.m.net.Report() != nil {
		t.Error("the cancelled run's result was shown")
	}
}

// A real Bubble Tea program: c, the result on screen, q.
func TestNetCheckInProgram(t *testing.T) {
	ln := newLoopbackNet(t, 5*time.Second)
	tm := teatest.NewTestModel(t, netModel(t, ln, ln.ok, ln.closed),
		teatest.WithInitialTermSize(120, 50),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii),
			tea.WithEnvironment([]string{"TERM=xterm-256color"})))
	tm.Send(keyMsg("c"))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("in the firewall"))
	}, teatest.WithDuration(15*time.Second))
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if final.net.Report() == nil || final.net.Report().Summary.Failed != 1 {
		t.Errorf("report %+v", final.net.Report())
	}
}

// At 80×24 the check sits below the fold: starting it and its end both bring it into view.
func TestNetCheckScrollsIntoViewAt80x24(t *testing.T) {
	ln := newLoopbackNet(t, 5*time.Second)
	m := netModel(t, ln, ln.ok, ln.closed)
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	d := newDriver(t, m)
	d.key("c")
	mustContain(t, d.m, "Checking the network…")
	d.until("finished", func(m Model) bool { return m.net.Report() != nil })
	mustContain(t, d.m, "This network blocks some addresses", "✓ ok.test", "✗ closed.test")
}

// In a 60-column window, an address too long to share its line with its result puts the result
// under it instead of losing its end; a proxy out of reach is one remedy, not one per address.
func TestNetCheckNarrowWindowKeepsEveryResult(t *testing.T) {
	refused := netchecktest.Refused(t)
	eps, _, err := netcheck.FromURLs([]string{"https://account.activedirectory.windowsazure.test/",
		"https://login.microsoftonline.test/", "https://a.test/"})
	if err != nil {
		t.Fatal(err)
	}
	proxy, _ := netcheck.ProxyFromSettings("http://"+refused, func(string) string { return "" })
	c := netcheck.New(netcheck.Config{Timeout: 5 * time.Second, Resolver: netchecktest.Resolver{}, Proxy: proxy})
	m := New(Config{Lang: locales.English, LangKnown: true, Now: func() time.Time { return t0 },
		NetChecker: func() *netcheck.Checker { return c }, NetEndpoints: eps})
	m = send(m, tea.WindowSizeMsg{Width: 60, Height: 80})
	d := newDriver(t, m)
	d.key("c")
	d.until("finished", func(m Model) bool { return m.net.Report() != nil })
	lines := strings.Split(screenText(d.m), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	s := strings.Join(lines, "\n")
	if n := strings.Count(s, "proxy failure · "); n != len(eps) {
		t.Errorf("%d whole results for %d addresses:\n%s", n, len(eps), s)
	}
	if !strings.Contains(s, "✗ account.activedirectory.windowsazure.test\n") {
		t.Errorf("the long address does not have its line:\n%s", s)
	}
	if n := strings.Count(s, "cannot reach the proxy"); n != 1 {
		t.Errorf("the proxy remedy is given %d times:\n%s", n, s)
	}
}

// No network at all: the wizard's check says once that the computer seems offline, in place
// of "this network blocks some addresses" and a DNS remedy per address.
func TestNetCheckOffline(t *testing.T) {
	proxy, _ := netcheck.ProxyFromSettings("none", func(string) string { return "" })
	missing := map[string]bool{"one.test": true, "two.test": true}
	c := netcheck.New(netcheck.Config{Timeout: 5 * time.Second, Proxy: proxy,
		Resolver: netchecktest.Resolver{Missing: missing}, HasNetwork: func() bool { return false }})
	eps, _, err := netcheck.FromURLs([]string{"https://one.test/", "https://two.test/"})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, netModel(t, loopbackNet{checker: c}, eps...))
	d.key("c")
	d.until("finished", func(m Model) bool { return m.net.Report() != nil })
	mustContain(t, d.m, "This computer seems offline. Check its network connection, then press c again.", "offline")
	mustNotContain(t, d.m, "This network blocks some addresses", "cannot be found by name")
	if n := strings.Count(screenText(d.m), "this computer seems offline"); n != 1 {
		t.Errorf("the remedy is said %d times:\n%s", n, screenText(d.m))
	}
}
