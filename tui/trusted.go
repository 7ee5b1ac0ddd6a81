package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/internal/progress"
	"github.com/auvenir/auvenir-onboard/steps"
)

// trustedScreen is the ending for a client whom Microsoft asked for no method at step 9: DMC
// Hosting trusts the multifactor authentication of their own organisation, so they confirm
// sign-ins as their organisation asks and have nothing to set up for Auvenir. Microsoft's
// cross-tenant access settings, "Trust multi-factor authentication from Microsoft Entra
// tenants": "During authentication, Microsoft Entra ID will check a user's credentials for a
// claim that the user has completed MFA. If not, an MFA challenge will be initiated in the
// user's home tenant." (learn.microsoft.com/entra/external-id/cross-tenant-access-settings-b2b-collaboration,
// ms.date 2023-11-06, read 2026-12-07.)
//
// It is opened from step 9 by d, shown only to a client whose address may be an organisation's
// account (step 2's answer), and Enter records it in the walk. This file and its line in the list
// of screenIDs are all it took to add (issue 20, item 7).
type trustedScreen struct{}

var _ = register(idTrusted, entry{
	make: func(Config) screen { return trustedScreen{} },
	on:   steps.WidgetMFAOptions,
	key: func(c *common) key.Binding {
		b := c.bind([]string{"d"}, "d", "TrustedKey")
		b.SetEnabled(c.walk.TrustPossible() && c.walk.Offers(steps.OfferTrusted))
		return b
	},
})

func (trustedScreen) mode(*common) mode { return mode{globals: gAll} }

func (trustedScreen) keys(c *common) []key.Binding {
	return []key.Binding{
		c.bind([]string{"enter"}, c.z.T("KeyNameEnter"), "TrustedKeyConfirm"),
		c.bind([]string{"esc"}, c.z.T("KeyNameEsc"), "TrustedKeyBack"),
	}
}

func (s trustedScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	press, _ := msg.(tea.KeyPressMsg)
	k := s.keys(c)
	switch {
	case key.Matches(press, k[0]):
		return s, mfaChosen{opt: progress.MFATrusted}, nil
	case key.Matches(press, k[1]):
		return s, closeScreen{}, nil
	}
	return s, unchanged{}, nil
}

func (trustedScreen) view(c *common, w, _ int) string {
	st, d := c.st, c.data()
	out := []string{fill(st.Heading, c.z.T("TrustedTitle", d), w), ""}
	if c.walk.MFA() == progress.MFATrusted {
		out = append(out, fill(st.Success, glyphs.Done+" "+c.z.T("TrustedRecorded", d), w), "")
	}
	for _, id := range []string{"TrustedWhen", "TrustedMeaning", "TrustedOtherwise"} {
		out = append(out, fill(st.Text, c.z.T(id, d), w), "")
	}
	return strings.Join(out, "\n")
}
