package ledger

import (
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/auvenir/auvenir-onboard/assets"
)

func TestEmbeddedLedger(t *testing.T) {
	l := Embedded()
	if len(l.Facts) < 50 || len(l.Sources) < 10 {
		t.Fatalf("%d facts from %d sources: the ledger lost entries", len(l.Facts), len(l.Sources))
	}
	for _, f := range l.Facts {
		for _, q := range f.Quotes {
			if strings.Contains(q.Text, "**") {
				t.Errorf("%s: a quote keeps Markdown marks the published page does not show: %q", f.Key, q.Text)
			}
		}
	}
}

const oneSource = `
[[source]]
id = "s"
title = "A page"
url = "https://learn.microsoft.com/x"
revised = "2026-06-10"
read = "2026-12-07"
`

// A fact without a source, or with a source the ledger does not list, is refused: it cannot
// reach the guide.
func TestFactWithoutSourceIsRefused(t *testing.T) {
	cases := map[string]string{
		"no quote":        `[[fact]]` + "\nkey = \"Next\"\nkind = \"label\"\nen = \"Next\"\n",
		"unlisted source": `[[fact]]` + "\nkey = \"Next\"\nkind = \"label\"\nen = \"Next\"\nquotes = [{ source = \"t\", text = \"select Next\" }]\n",
		"empty quote":     `[[fact]]` + "\nkey = \"Next\"\nkind = \"label\"\nen = \"Next\"\nquotes = [{ source = \"s\", text = \" \" }]\n",
		"bad switch":      `[[fact]]` + "\nkey = \"G\"\nkind = \"switch\"\nen = \"maybe\"\nquotes = [{ source = \"s\", text = \"x\" }]\n",
		"duplicate":       `[[fact]]` + "\nkey = \"N\"\nkind = \"label\"\nen = \"N\"\nquotes = [{ source = \"s\", text = \"x\" }]\n[[fact]]\nkey = \"N\"\nkind = \"label\"\nen = \"N\"\nquotes = [{ source = \"s\", text = \"x\" }]\n",
		"unknown key":     `[[fact]]` + "\nkey = \"N\"\nkind = \"label\"\nen = \"N\"\nsource = \"s\"\nquotes = [{ source = \"s\", text = \"x\" }]\n",
	}
	for name, fact := range cases {
		if _, err := Parse([]byte(oneSource + fact)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	ok := `[[fact]]` + "\nkey = \"Next\"\nkind = \"label\"\nen = \"Next\"\nfr = \"Suivant\"\nquotes = [{ source = \"s\", text = \"select Next\" }]\n"
	l, err := Parse([]byte(oneSource + ok))
	if err != nil {
		t.Fatal(err)
	}
	if d := l.Data(); d["Next"] != "Next" || d["NextFR"] != "Suivant" {
		t.Fatalf("data = %v", d)
	}
}

// A source must say what it is, where it was read, which revision and when.
func TestIncompleteSourceIsRefused(t *testing.T) {
	for name, src := range map[string]string{
		"no title":    "[[source]]\nid = \"s\"\nurl = \"https://x\"\nrevised = \"undated\"\nread = \"2026-12-07\"\n",
		"no address":  "[[source]]\nid = \"s\"\ntitle = \"T\"\nrevised = \"undated\"\nread = \"2026-12-07\"\n",
		"no read day": "[[source]]\nid = \"s\"\ntitle = \"T\"\nurl = \"https://x\"\nrevised = \"undated\"\n",
		"bad revised": "[[source]]\nid = \"s\"\ntitle = \"T\"\nurl = \"https://x\"\nrevised = \"June\"\nread = \"2026-12-07\"\n",
		"plain http":  "[[source]]\nid = \"s\"\ntitle = \"T\"\nurl = \"http://x\"\nrevised = \"undated\"\nread = \"2026-12-07\"\n",
	} {
		if _, err := Parse([]byte(src)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestSwitch(t *testing.T) {
	l, err := Parse([]byte(oneSource + "[[fact]]\nkey = \"G\"\nkind = \"switch\"\nen = \"no\"\nquotes = [{ source = \"s\", text = \"x\" }]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if l.Switch("G") != SwitchNo || l.Switch("Missing") != SwitchUnknown {
		t.Fatalf("G = %s, Missing = %s", l.Switch("G"), l.Switch("Missing"))
	}
	if Embedded().Switch("GoogleFederation") == "" {
		t.Fatal("no Google federation switch")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(oneSource)
	f.Add(oneSource + "[[fact]]\nkey = \"N\"\nkind = \"label\"\nen = \"N\"\nquotes = [{ source = \"s\", text = \"x\" }]\n")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := Parse([]byte(s))
		if err != nil {
			return
		}
		for _, fact := range l.Facts {
			if len(fact.Quotes) == 0 {
				t.Fatalf("accepted %s without a source", fact.Key)
			}
		}
	})
}

// The network check's address list joins the ledger by reference: each group of
// assets/endpoints.toml names, in its source, the ledger sources it was read in.
func TestEndpointGroupsNameLedgerSources(t *testing.T) {
	var f struct {
		Group []struct {
			ID, Source string
		}
	}
	if _, err := toml.Decode(string(assets.EndpointsTOML), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Group) == 0 {
		t.Fatal("no group read")
	}
	re := regexp.MustCompile(`Ledger sources: ([a-z0-9, -]+)\.`)
	for _, g := range f.Group {
		m := re.FindStringSubmatch(g.Source)
		if m == nil {
			t.Errorf("group %s names no ledger source", g.ID)
			continue
		}
		for _, id := range strings.Split(m[1], ",") {
			if _, ok := Embedded().Source(strings.TrimSpace(id)); !ok {
				t.Errorf("group %s: %q is not a ledger source", g.ID, strings.TrimSpace(id))
			}
		}
	}
}
