package tui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// quoted is a label in quotes, as both languages write them (“…” and « … »).
var quoted = regexp.MustCompile(`“[^”]*”|«[^»]*»`)

// wholes are the strings a line must never break inside when they fit on one: the addresses,
// the support phone number and the quoted labels.
func wholes(email string) []string {
	return []string{email, steps.SupportEmail, steps.SupportPhone, steps.InviteSender, steps.TenantDomain,
		steps.CodeSender, "+1 (855) 528-8364"}
}

// Issue 20, item 6: at 80 and 60 columns, in both languages, with and without presenter mode,
// no address, phone number or quoted label that fits on a line is broken over two.
func TestNoBreakInsideAddressesOrLabels(t *testing.T) {
	const email = "claire.roy@cabinet.qc.ca"
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		for _, lang := range locales.Langs {
			for _, presenter := range []bool{false, true} {
				m, _ := newWith(Config{Lang: lang, LangKnown: true, Email: email, Presenter: presenter}, size[0], size[1])
				for i := range m.walk.Screens() {
					m.show(i)
					lines := make([]string, len(m.vp.lines))
					for j, l := range m.vp.lines {
						lines[j] = strings.TrimRight(strings.ReplaceAll(ansi.Strip(l), "\u00a0", " "), " │")
						lines[j] = strings.TrimLeft(lines[j], " │•!›")
					}
					flat := strings.Join(lines, " ")
					width := m.mainWidth() - 4
					want := wholes(email)
					want = append(want, quoted.FindAllString(flat, -1)...)
					for _, w := range want {
						if len([]rune(w)) > width || !strings.Contains(flat, w) {
							continue
						}
						found := false
						for _, l := range lines {
							if strings.Contains(l, w) {
								found = true
								break
							}
						}
						if !found {
							t.Errorf("%dx%d %s presenter=%v %s: %q is broken over two lines", size[0], size[1], lang, presenter, m.screen().Key, w)
						}
					}
				}
			}
		}
	}
}
