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
	if !strings.Contains(out, "Your address: saved@firm.ca") {
		t.Fatalf("the saved address is not quoted:\n%s", out)
	}
}
