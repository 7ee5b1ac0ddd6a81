package progress

import (
	"encoding/json"
	"errors"
	"os"
	"testing"
)

// A progress file whose address holds what the screen cannot show (a C1 CSI, which makes "2J"
// clear a terminal, an RLO, a zero-width space, a BOM) or a domain in Unicode rather than the
// xn-- form the program saves is not loaded: it is reported as damaged, as a hand-edited file
// with any other refused value is, and nothing of it reaches a screen (issue 22 item 5).
func TestLoadRefusesAddressWithHiddenCharacters(t *testing.T) {
	for _, email := range []string{"ab\u009b2Jcd@firm.ca", "jane\u202eac.mrif@x.ca", "ja\u200bne@firm.ca",
		"\ufeffjane@firm.ca", "jean@bücher.ca"} {
		s := Store{Dir: t.TempDir()}
		raw, _ := json.Marshal(map[string]any{"version": Version, "screen": "address", "lang": "en", "email": email})
		if err := os.WriteFile(s.Path(), raw, 0o600); err != nil {
			t.Fatal(err)
		}
		st, found, err := s.Load()
		var e *Error
		if found || !errors.As(err, &e) || e.ID != IDCorrupt {
			t.Errorf("%q: loaded %+v, found %v, %v", email, st, found, err)
		}
		if err := s.Save(State{Screen: "address", Lang: "en", Email: email}); err == nil {
			t.Errorf("%q was saved", email)
		}
	}
}
