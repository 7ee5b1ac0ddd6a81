package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/ledger"
)

// Against a local server standing in for Learn: a quote still on its page is found (through tags,
// entities, a typographic apostrophe and a line break), a reworded one is listed as missing, a
// page gone is a failure, and a source without an address is left to be checked by hand.
func TestCheckFindsChangedQuotes(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/signin":
			w.Write([]byte(`<html><head><script>var x = "After you select Next";</script></head><body>
<p>After you select <strong>Next</strong> from the
 prompt, a <b>Keep your account secure</b> wizard appears.</p>
<p>Sélectionnez Suivant dans l&#8217;invite Plus d&rsquo;informations requises.</p></body></html>`))
		case "/renamed":
			w.Write([]byte(`<p>Choose <b>Send me a code</b>, then select Next.</p>`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	sources := []ledger.Source{
		{ID: "signin", Title: "Sign-in prompt", URL: srv.URL + "/signin", Revised: "2020-04-07", Read: "2026-12-07"},
		{ID: "renamed", Title: "Text messages", URL: srv.URL + "/renamed", Revised: "undated", Read: "2026-12-07"},
		{ID: "gone", Title: "Removed page", URL: srv.URL + "/gone", Revised: "undated", Read: "2026-12-07"},
		{ID: "seed", Title: "The PDF", Path: "/seed.txt", Revised: "undated", Read: "2026-12-07"},
		{ID: "unused", Title: "Quoted by nothing", URL: srv.URL + "/unused", Revised: "undated", Read: "2026-12-07"},
	}
	q := func(what, src, text string) labelled {
		return labelled{What: what, Quote: ledger.Quote{Source: src, Text: text}}
	}
	quotes := []labelled{
		q("fact Next", "signin", "After you select Next from the prompt"),
		q("fact MoreInfo", "signin", "Sélectionnez Suivant dans l’invite Plus d’informations requises."),
		q("fact KeepSecure", "signin", "a Keep your account secure wizard appears"),
		q("fact TextMe", "renamed", "choose Text me a code, and then select Next."),
		q("fact Old", "gone", "anything"),
		q("fact CreateAccount", "seed", "Créer un compte"),
	}
	results := checker{client: srv.Client()}.check(sources, quotes)
	if len(results) != 4 {
		t.Fatalf("%d results: a source no quote uses was fetched, or one was skipped", len(results))
	}
	by := map[string]result{}
	for _, r := range results {
		by[r.Source.ID] = r
	}
	if r := by["signin"]; r.Err != nil || len(r.Missing) != 0 || r.Quotes != 3 {
		t.Errorf("signin: %+v", r)
	}
	if r := by["renamed"]; len(r.Missing) != 1 || r.Missing[0].What != "fact TextMe" {
		t.Errorf("renamed: %+v", r)
	}
	if r := by["gone"]; r.Err == nil {
		t.Errorf("gone: %+v", r)
	}
	if r := by["seed"]; !r.ByHand {
		t.Errorf("seed: %+v", r)
	}
	if !failed(results) {
		t.Error("a missing quote does not fail the run")
	}
	var out bytes.Buffer
	report(&out, results)
	for _, want := range []string{"CHANGED  Text messages", `fact TextMe: "choose Text me a code, and then select Next."`,
		"FAILED   Removed page", "by hand  The PDF: 1 quotes (/seed.txt)", "ok       Sign-in prompt: 3 quotes",
		"4 sources, 6 quotes, 1 not found"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

// Every quote of the three files is gathered, each naming a source the ledger lists.
func TestAllQuotes(t *testing.T) {
	qs, err := allQuotes()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, q := range qs {
		kinds[strings.Fields(q.What)[0][:4]] = true
		if _, ok := ledger.Embedded().Source(q.Quote.Source); !ok {
			t.Errorf("%s: source %q is not in the ledger", q.What, q.Quote.Source)
		}
	}
	for _, k := range []string{"fact", "smsv", "AADS"} {
		if !kinds[k] {
			t.Errorf("no quote from %s…", k)
		}
	}
}

func FuzzNormalise(f *testing.F) {
	f.Add("<p>After you select <b>Next</b>&nbsp;from</p>")
	f.Fuzz(func(t *testing.T, s string) {
		n := normalise(pageText(s))
		if normalise(n) != n {
			t.Fatalf("normalise is not stable on %q", s)
		}
	})
}

// Every source of the ledger supports at least one quote: a source nothing quotes cannot be
// checked, and says nothing the guide relies on. Endpoint-list sources are named by
// assets/endpoints.toml's groups instead.
func TestEverySourceIsQuoted(t *testing.T) {
	qs, err := allQuotes()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, q := range qs {
		used[q.Quote.Source] = true
	}
	for _, s := range ledger.Embedded().Sources {
		if !used[s.ID] && s.ID != "intune-endpoints" && s.ID != "fcm-ports" {
			t.Errorf("source %s (%s) supports no quote", s.ID, s.Title)
		}
	}
}
