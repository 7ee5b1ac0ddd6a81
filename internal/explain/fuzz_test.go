package explain

import (
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// FuzzParse feeds arbitrary text to the extractor: it never panics; it either refuses the input
// with one of its refusals or finds codes that appear in the text, details that appear in it, and
// an answer that ends with the support contacts.
func FuzzParse(f *testing.F) {
	f.Add("AADSTS50020: User account does not exist.\nCorrelation Id: fcc0a98c-f61e-46c4-97e1-a51c69a1bb94\nTimestamp: 2022-11-02T06:39:14Z")
	f.Add(`{"error_codes":[53003],"correlation_id":"aaaa0000-bb11-2222-33cc-444444dddddd","timestamp":"2016-01-09 02:02:12Z"}`)
	f.Add("aadsts 0000500021 ID de corrélation : 11111111-2222-3333-4444-555555555555")
	f.Add("")
	f.Add("\x00\xff")
	f.Fuzz(func(t *testing.T, text string) {
		r, err := Parse(text)
		if err != nil {
			if err != ErrEmpty && err != ErrTooLong && err != ErrBinary {
				t.Fatalf("unexpected refusal %v", err)
			}
			return
		}
		lower := strings.ToLower(text)
		for _, c := range r.Codes {
			if c == "" || strings.TrimLeft(c, "0123456789") != "" || !strings.Contains(text, c) {
				t.Fatalf("code %q not from the text", c)
			}
		}
		if r.CorrelationID != "" && !strings.Contains(lower, r.CorrelationID) {
			t.Fatalf("correlation %q not in the text", r.CorrelationID)
		}
		if r.Timestamp != "" && !strings.Contains(text, r.Timestamp) {
			t.Fatalf("timestamp %q not in the text", r.Timestamp)
		}
		ls := Answer(locales.New(locales.French), r, steps.Facts())
		if len(ls) == 0 || ls[len(ls)-1].Kind != LineContact {
			t.Fatal("the answer does not end with the support contacts")
		}
	})
}
