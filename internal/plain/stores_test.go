package plain

import (
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Step 9 names the app's two official store pages, as the TUI does: the heading, the sentence
// warning of look-alikes, then one line per store with its phones and its full address, in plain
// text (no OSC 8 link), in both languages.
func TestStep9StoreLinks(t *testing.T) {
	for _, lang := range locales.Langs {
		t.Run(string(lang), func(t *testing.T) {
			z := locales.New(lang)
			d := step9Data()
			out := run(t, Config{Lang: lang, LangKnown: true, Step: 9}, lines("0"))
			// Option 1's store pages follow option 1, before option 2 (issue 10, item 9).
			inOrder(t, out, z.T("Step9Lead", d)+"\n",
				z.T("Step9Option1", d)+"\n"+z.T("Step9GetApp", d)+"\n",
				"- "+guide.Labelled(z, "App Store "+z.T("Step9StoreIPhone", d), steps.AppStoreURL)+"\n",
				"- "+guide.Labelled(z, "Google Play "+z.T("Step9StoreAndroid", d), steps.PlayStoreURL)+"\n",
				z.T("Step9Option2Heading", d),
				z.T("PlainStep9Practice", guide.With(d, "N", 4)),
				menuStart(z))
			for _, url := range []string{steps.AppStoreURL, steps.PlayStoreURL} {
				if n := strings.Count(out, url); n != 1 {
					t.Errorf("%s written %d times, want once", url, n)
				}
			}
			assertPlainText(t, out)
		})
	}
}
