package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"syscall"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
	"github.com/auvenir/auvenir-onboard/internal/netview"
	"github.com/auvenir/auvenir-onboard/locales"
)

// With the classic console's legacy mode on, Bubble Tea cannot set the console's modes and the
// wizard ended with « could not run: error setting console mode: … » in English and no word of
// --plain. It ends with one line in the person's language that says --plain works there and how
// to turn the mode off; other errors keep their own line.
func TestLegacyConsoleSaysPlainWorks(t *testing.T) {
	t.Parallel()
	refused := fmt.Errorf("error setting console mode: %w", syscall.Errno(87)) // ERROR_INVALID_PARAMETER
	for _, c := range []struct {
		lang locales.Lang
		want string
	}{
		{locales.English, "This console window cannot show the full-screen guide: its legacy console mode is on. Run auvenir-onboard --plain"},
		{locales.French, "Cette fenêtre de console ne peut pas afficher le guide plein écran\u00a0: son mode de console hérité est activé. Lancez auvenir-onboard --plain"},
	} {
		for _, err := range []error{refused, fmt.Errorf("program: %w", refused), errors.New("set console mode: The parameter is incorrect.")} {
			s, out, errOut := testStreams(t, nil, true, nil)
			code := wizardEnded(s, locales.New(c.lang), err)
			msg := errOut.String()
			if code != 1 || out.Len() != 0 || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, c.want) ||
				strings.Contains(msg, "error setting") {
				t.Errorf("%s, %v: exit %d, stderr %q; want 1 and %q", c.lang, err, code, msg, c.want)
			}
		}
	}
	s, _, errOut := testStreams(t, nil, true, nil)
	if code := wizardEnded(s, locales.New(locales.English), errors.New("error making terminal raw: no")); code != 1 ||
		!strings.Contains(errOut.String(), "could not run: error making terminal raw") {
		t.Errorf("another error: %d %q", code, errOut.String())
	}
}

// --check-network in a console whose legacy mode refuses the live view's modes runs the same
// check in plain lines instead of saying « interrupted ». Not parallel: it replaces liveView.
func TestCheckNetworkFallsBackToPlainLinesInALegacyConsole(t *testing.T) {
	real := liveView
	t.Cleanup(func() { liveView = real })
	liveView = func(context.Context, *netcheck.Checker, []netcheck.Endpoint, netview.Options) (netcheck.Report, error) {
		return netcheck.Report{}, fmt.Errorf("error setting console mode: %w", syscall.Errno(87))
	}
	refused := "https://" + netchecktest.Refused(t) + "/"
	s, out, errOut := testStreams(t, env(), true, nil)
	code := run(s, []string{"--check-network", "--proxy", "none", refused})
	got := out.String()
	if code != 1 || errOut.Len() != 0 || !strings.Contains(got, "1/1 ✗ ") || strings.Count(got, "Network check · ") != 1 ||
		strings.ContainsRune(got, 0x1b) {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant 1 and the plain lines", code, errOut.String(), got)
	}
}
