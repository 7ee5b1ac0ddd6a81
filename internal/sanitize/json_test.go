package sanitize

import (
	"encoding/json"
	"testing"
)

func TestEscapeC1(t *testing.T) {
	in := map[string]string{"issuer": "Evil\u009b2J\u009d0;t\u009c CA « é »", "esc": "\x1b[2J"}
	raw, _ := json.Marshal(in)
	out := EscapeC1(raw)
	want := `{"esc":"\u001b[2J","issuer":"Evil\u009b2J\u009d0;t\u009c CA « é »"}`
	if string(out) != want {
		t.Fatalf("%s\nwant %s", out, want)
	}
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil || back["issuer"] != in["issuer"] {
		t.Fatalf("%v %q", err, back["issuer"])
	}
}

// FuzzEscapeC1: the document means the same after, and holds no C1 control as UTF-8.
func FuzzEscapeC1(f *testing.F) {
	f.Add("plain", "\u009b31m")
	f.Fuzz(func(t *testing.T, a, b string) {
		raw, err := json.Marshal([]string{a, b})
		if err != nil {
			return
		}
		out := EscapeC1(raw)
		var back, want []string
		json.Unmarshal(raw, &want)
		if err := json.Unmarshal(out, &back); err != nil || len(back) != 2 || back[0] != want[0] || back[1] != want[1] {
			t.Fatalf("%s -> %s: %v", raw, out, err)
		}
		for _, r := range string(out) {
			if r >= 0x80 && r < 0xa0 {
				t.Fatalf("C1 %U left in %s", r, out)
			}
		}
	})
}
