package netreport

import (
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/locales"
)

// A message that came out as its own ID or with a missing value: the sign of a class, a stage or
// a cause added to netcheck without its words here.
func unworded(s string) bool {
	return s == "" || strings.Contains(s, "<no value>") || strings.HasPrefix(s, "Net") && !strings.Contains(s, " ")
}

// Completeness: every class, every stage of the live display and every cause netcheck knows has
// words in both languages, and every failing class a remedy, whatever the phase it failed in.
// A new class, stage or cause fails here until it is worded (words.go, the locale files).
func TestEveryClassStageAndCauseIsWorded(t *testing.T) {
	phases := []netcheck.Phase{netcheck.PhaseDNS, netcheck.PhaseProxyReach, netcheck.PhaseProxy,
		netcheck.PhaseConnect, netcheck.PhaseTLS, netcheck.PhaseHTTP}
	for _, l := range locales.Langs {
		z := locales.New(l)
		for _, c := range netcheck.Classes {
			if unworded(Label(z, c)) {
				t.Errorf("%s: class %s has no label", l, c)
			}
			if c == netcheck.OK {
				continue
			}
			for _, p := range phases {
				if r := Remedy(z, failed(c, p), 5*time.Second); unworded(r) {
					t.Errorf("%s: class %s failing at %s has no remedy: %q", l, c, p, r)
				}
			}
		}
		for s := netcheck.StageWaiting; s < netcheck.StageDone; s++ {
			if unworded(StageText(z, s, "login.microsoftonline.com")) {
				t.Errorf("%s: stage %d has no words", l, s)
			}
		}
		for _, cause := range netcheck.Causes {
			r := failed(netcheck.Error, netcheck.PhaseTLS)
			r.Cause = cause
			if unworded(ResultLabel(z, r)) || unworded(Remedy(z, r, 5*time.Second)) {
				t.Errorf("%s: cause %s has no label or no remedy", l, cause)
			}
		}
	}
	// The stages run up to StageDone: a stage added after it would escape the loop above.
	if netcheck.StageDone != netcheck.StageRedirect+1 {
		t.Fatal("a stage was added after StageDone: word it and extend this test")
	}
}
