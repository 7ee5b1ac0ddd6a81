package netview

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/locales"
)

// liveProgram is --check-network's live view over n addresses, fed by hand.
func liveProgram(t testing.TB, n int) *program {
	t.Helper()
	urls := make([]string, n)
	for i := range urls {
		urls[i] = fmt.Sprintf("https://h%d.test/", i)
	}
	eps, _, err := netcheck.FromURLs(urls)
	if err != nil {
		t.Fatal(err)
	}
	z := locales.New(locales.English)
	p := &program{z: z, check: New(nil, eps, glyphs.Unicode), head: []string{"Network check", "Proxy: none"}}
	p.check.reset()
	p.check.running = true
	p.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return p
}

func (p *program) event(i int, s netcheck.Stage, class netcheck.Class) {
	ev := netcheck.Event{Index: i, Stage: s, Host: p.check.eps[i].Host}
	if class != "" {
		ev.Result = &netcheck.Result{URL: p.check.eps[i].URL, Class: class}
	}
	p.check.Update(EventMsg{run: p.check.run, ev: ev})
}

// With more addresses than the terminal has lines, the live view is a window: the addresses
// being checked and a count of the others, never a frame taller than the screen (which the
// terminal would scroll on every redraw, and whose cost grew with the list for every event).
func TestLiveViewIsAWindowOfTheScreen(t *testing.T) {
	p := liveProgram(t, 2000)
	frame := func() string {
		s := p.View().Content
		if n := strings.Count(s, "\n"); n > 30 {
			t.Fatalf("a frame of %d lines in a 30-line terminal", n)
		}
		return s
	}
	for i := 0; i < 2000; i++ {
		p.event(i, netcheck.StageWaiting, "")
	}
	if s := frame(); !strings.Contains(s, "0 of 2000 checked · 0 not reachable · 2000 waiting") {
		t.Fatalf("no count:\n%s", s)
	}
	for i := 0; i < 1500; i++ {
		p.event(i, netcheck.StageConnecting, "")
		class := netcheck.OK
		if i%10 == 0 {
			class = netcheck.Refused
		}
		p.event(i, netcheck.StageDone, class)
	}
	for i := 1500; i < 1532; i++ {
		p.event(i, netcheck.StageTLS, "")
	}
	s := frame()
	for _, want := range []string{"1500 of 2000 checked · 150 not reachable · 468 waiting", "h1500.test", "checking the certificate"} {
		if !strings.Contains(s, want) {
			t.Errorf("frame lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "h1499.test") || strings.Contains(s, "h1600.test") {
		t.Errorf("a finished or waiting address in the window:\n%s", s)
	}
}

// A list that fits the terminal shows every address, as before.
func TestLiveViewShowsEveryLineWhenTheyFit(t *testing.T) {
	p := liveProgram(t, 10)
	p.event(3, netcheck.StageDone, netcheck.Refused)
	s := p.View().Content
	for i := 0; i < 10; i++ {
		if !strings.Contains(s, fmt.Sprintf("h%d.test", i)) {
			t.Errorf("h%d.test missing:\n%s", i, s)
		}
	}
	if strings.Contains(s, "of 10 checked") {
		t.Errorf("a count although every line fits:\n%s", s)
	}
}

// The cost of a frame does not grow with the list: rendering 20 000 addresses' frame allocates
// about what 200 addresses' does.
func BenchmarkLiveViewFrame(b *testing.B) {
	for _, n := range []int{200, 2000, 20000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			p := liveProgram(b, n)
			for i := 0; i < 32; i++ { // as many as are checked at once
				p.event(i, netcheck.StageConnecting, "")
			}
			b.ResetTimer()
			for range b.N {
				p.event(16, netcheck.StageTLS, "")
				_ = p.View()
			}
		})
	}
}
