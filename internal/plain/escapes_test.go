package plain

import (
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
)

// Pasted text holding escape sequences is said back without them: the address prompt quotes
// what was typed, the saved address comes from a file.
func TestPastedEscapesAreNotWritten(t *testing.T) {
	evil := "\x1b]0;pwned\x07\x1b[2J"
	out := run(t, Config{Lang: locales.English, LangKnown: true, Step: 0, Email: "saved" + evil + "@firm.ca"},
		lines("1", "4", "jane"+evil+"@firm", "jane"+evil+"@firm.ca", "1", "0"))
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Fatalf("escapes written:\n%q", out)
	}
	// An address given with escapes is not an address the walk takes (guest.Parse would not
	// give it back unchanged): it is not quoted at all.
	if strings.Contains(out, "saved") {
		t.Fatalf("the refused address is quoted:\n%s", out)
	}
}
