package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/auvenir/auvenir-onboard/locales"
)

// chooserScreen asks for the language in both languages at once, since neither is known yet.
// The marker is drawn from the choice, so it follows every key that changes it.
type chooserScreen struct {
	choice locales.Lang
}

var _ = register(idChooser, entry{make: func(Config) screen { return chooserScreen{choice: locales.French} }})

// Of the global keys only ctrl+c and q apply: l moves the marker here, as h does.
func (chooserScreen) mode(*common) mode { return mode{full: true, globals: gQuit} }

func (chooserScreen) keys(c *common) []key.Binding {
	k := c.km.chooser
	return []key.Binding{k.French, k.English, k.Other, k.Choose}
}

func (s chooserScreen) update(c *common, msg tea.Msg) (screen, action, tea.Cmd) {
	k := c.km.chooser
	press, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
		return s, unchanged{}, nil
	case key.Matches(press, k.French):
		return chooserScreen{locales.French}, langChosen{locales.French}, nil
	case key.Matches(press, k.English):
		return chooserScreen{locales.English}, langChosen{locales.English}, nil
	case key.Matches(press, k.Other):
		return chooserScreen{s.choice.Other()}, redraw{}, nil
	case key.Matches(press, k.Choose):
		return s, langChosen{s.choice}, nil
	}
	return s, unchanged{}, nil
}

func (s chooserScreen) view(c *common, w, h int) string {
	fr, en := locales.New(locales.French), locales.New(locales.English)
	opt := func(l locales.Lang, z *locales.Localizer) string {
		label := z.T("LangName")
		if s.choice == l {
			return c.st.StepCurrent.Render(glyphs.Current + " " + label)
		}
		return c.st.Step.Render("  " + label)
	}
	bw := min(64, max(20, w-8))
	d := c.data()
	box := c.st.Box.Render(strings.Join([]string{
		fill(c.st.Heading, fr.T("ChooseLanguage")+" "+glyphs.Sep+" "+en.T("ChooseLanguage"), bw),
		"",
		opt(locales.French, fr) + "     " + opt(locales.English, en),
		"",
		fill(c.st.Muted, fr.T("ChooseLanguageKey"), bw),
		fill(c.st.Muted, en.T("ChooseLanguageKey"), bw),
		// The other keys, which a client could not guess (issue 20, item 5).
		fill(c.st.Muted, fr.T("ChooseLanguageMove"), bw),
		fill(c.st.Muted, en.T("ChooseLanguageMove"), bw),
	}, "\n"))
	sup := c.st.Footer.Render(fill(lipgloss.NewStyle(), fr.T("FooterSupport", d), max(10, w-2)) + "\n" +
		fill(lipgloss.NewStyle(), en.T("FooterSupport", d), max(10, w-2)))
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box+"\n\n"+sup)
}
