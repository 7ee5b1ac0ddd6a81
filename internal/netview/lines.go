// Package netview shows the network check as it runs: the live view of --check-network at a
// terminal (one line per address, redrawn in place) and, for terminals that cannot or should not
// redraw (TERM=dumb, ACCESSIBLE, --plain), plain lines that are only ever appended.
package netview

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/glyphs"
	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netreport"
	"github.com/auvenir/auvenir-onboard/internal/sanitize"
	"github.com/auvenir/auvenir-onboard/locales"
)

// Lines writes the check as plain lines, as gh does where it cannot animate: the header once,
// then one line per address when its result comes (no cursor movement, no spinner, nothing
// erased), so a screen reader reads each line once and an editor's shell buffer keeps them in
// order. The table that follows leaves its header out (netreport.Styles.NoHeader).
type Lines struct {
	W      io.Writer
	Z      *locales.Localizer
	Glyphs glyphs.Set
	Eps    []netcheck.Endpoint

	mu   sync.Mutex
	done int
}

// Header writes what is checked, the limit and the proxy, then a blank line.
func (l *Lines) Header(timeout time.Duration, proxy netcheck.ProxySetting) {
	var b strings.Builder
	for _, h := range netreport.Header(l.Z, len(l.Eps), timeout, proxy) {
		b.WriteString(h + "\n")
	}
	b.WriteString("\n")
	io.WriteString(l.W, b.String())
}

// Event is the checker's progress callback: a line for each address that has its result,
// "3/12 ✓ login.microsoftonline.com · reachable". Steps before the result write nothing.
func (l *Lines) Event(e netcheck.Event) {
	if e.Result == nil || e.Index < 0 || e.Index >= len(l.Eps) {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.done++
	g := l.Glyphs
	if g.Done == "" {
		g = glyphs.Unicode
	}
	fmt.Fprintf(l.W, "  %d/%d %s %s %s %s\n", l.done, len(l.Eps), netreport.MarkIn(*e.Result, g),
		ShortAddr(l.Eps[e.Index]), g.Sep, netreport.ResultLabel(l.Z, *e.Result))
}

// ShortAddr is the address without "https://" and a bare "/": what fits a line.
func ShortAddr(e netcheck.Endpoint) string {
	s := strings.TrimPrefix(sanitize.Text(e.URL), "https://")
	return strings.TrimSuffix(s, "/")
}
