package plain

import (
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
)

// Issue 22 item 5 in plain mode: an address typed with a C1 CSI or an RLO is refused with the
// syntax message and never written back; an international domain is kept in its xn-- form and
// shown with the Unicode beside it.
func TestAddressHiddenCharactersAndIDN(t *testing.T) {
	out := run(t, Config{Lang: locales.English, LangKnown: true, Step: 0},
		lines("1", "4", "ab\u009b2Jcd@firm.ca", "ja\u202ene@firm.ca", "jean@bücher.ca", "0"))
	if n := strings.Count(out, "This is not a valid email address"); n != 2 {
		t.Fatalf("%d refusals:\n%s", n, out)
	}
	if strings.ContainsAny(out, "\u009b\u202e") {
		t.Fatalf("a control reached the output: %q", out)
	}
	for _, want := range []string{"Your address: jean@xn--bcher-kva.ca", "in its own letters: jean@bücher.ca",
		"\njean_xn--bcher-kva.ca#EXT#@DMCHosting.onmicrosoft.com\n"} {
		if !strings.Contains(out, want) {
			t.Fatalf("missing %q:\n%s", want, out)
		}
	}
}
