package tui

import (
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/locales"
)

// The screens issue 18 changed: French screens name Microsoft's French label first with the
// English beside, « 1er février 2027 » and « # » for « M'appeler » on step 9, the ?tenantId=
// address of step 6 for a code guest, and the conditional steps 3 to 5 of a client who does not
// know what the address already is (in French; issue 11's goldens have the English).
func TestGoldenIssue18(t *testing.T) {
	at := func(l locales.Lang, step int, day time.Time) Config {
		return Config{Lang: l, LangKnown: true, Step: step, Now: func() time.Time { return day }}
	}
	beforeEnd := time.Date(2027, 1, 31, 9, 0, 0, 0, time.UTC)
	cases := map[string]struct {
		cfg  Config
		w, h int
		keys []string
	}{
		"fr_step9_before_end": {at(locales.French, 9, beforeEnd), 80, 80, nil},
		"fr_step6_code_guest": {at(locales.French, 2, t0), 80, 60, []string{"m", "3", "6"}},
		"fr_step3_unsure":     {at(locales.French, 2, t0), 80, 40, []string{"m", "4", "next"}},
		"fr_step4_unsure":     {at(locales.French, 2, t0), 80, 40, []string{"m", "4", "4"}},
		"fr_step5_unsure":     {at(locales.French, 2, t0), 80, 40, []string{"m", "4", "5"}},
		"fr_step8":            {at(locales.French, 8, t0), 80, 30, nil},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { runGolden(t, c.cfg, c.w, c.h, c.keys...) })
	}
}
