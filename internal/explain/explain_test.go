package explain

import (
	"errors"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/assets"
	"github.com/auvenir/auvenir-onboard/internal/ledger"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

func TestTableParses(t *testing.T) {
	if _, err := parseTable(assets.AADSTSTOML); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		"[[code]]\ncode = \"5002x\"\nname = \"n\"\nactor = \"you\"\nsource = \"s\"\nquote = \"q\"\n",
		"[[code]]\ncode = \"50020\"\nname = \"n\"\nactor = \"boss\"\nsource = \"s\"\nquote = \"q\"\n",
		"[[code]]\ncode = \"50020\"\nname = \"n\"\nactor = \"you\"\nquote = \"q\"\n",
		"[[code]]\ncode = \"50020\"\nname = \"n\"\nactor = \"you\"\nsource = \"s\"\n",
		"[[code]]\ncode = \"50020\"\nname = \"n\"\nactor = \"you\"\nsource = \"s\"\nquote = \"q\"\nsoruce = \"typo\"\n",
		"[[code]]\ncode = \"1\"\nname = \"n\"\nactor = \"you\"\nsource = \"s\"\nquote = \"q\"\n[[code]]\ncode = \"1\"\nname = \"n\"\nactor = \"you\"\nsource = \"s\"\nquote = \"q\"\n",
	} {
		if _, err := parseTable([]byte(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

// The codes the issues name are all in the table, each with a source of the facts ledger and
// the source's own words for it.
func TestTableCoversTheIssuesCodes(t *testing.T) {
	for _, c := range []string{"50020", "90072", "16000", "500021", "500212", "500213", "53003", "53004",
		"53010", "50088", "50076", "50079", "50105", "90094",
		"16003", "50014", "530035", "5000211", "53000", "65001", "700016", "500208"} {
		if _, ok := Lookup(c); !ok {
			t.Errorf("AADSTS%s is not in the table", c)
		}
	}
	for _, e := range Table() {
		if err := ledger.Embedded().CheckQuotes("AADSTS"+e.Code, []ledger.Quote{{Source: e.Source, Text: e.Quote}}); err != nil {
			t.Error(err)
		}
	}
}

// Every code of the table, in both languages: the answer names the code, says what it means and
// who must act (as the table says), says what to do, and ends with the support contacts.
func TestEveryCodeIsExplainedInBothLanguages(t *testing.T) {
	who := map[Actor]map[locales.Lang]string{
		ActorYou:     {locales.English: "Who must act: you", locales.French: "Qui doit agir\u00a0: vous"},
		ActorIT:      {locales.English: "Who must act: your IT department", locales.French: "Qui doit agir\u00a0: votre service informatique"},
		ActorSupport: {locales.English: "Who must act: Auvenir support", locales.French: "Qui doit agir\u00a0: le soutien Auvenir"},
		ActorDMC: {locales.English: "Who must act: the administrators of DMC Hosting, through Auvenir support",
			locales.French: "Qui doit agir\u00a0: les administrateurs de DMC Hosting, par le soutien Auvenir"},
	}
	for _, lang := range locales.Langs {
		z := locales.New(lang)
		for _, e := range Table() {
			if !z.Has(e.MeaningID()) || !z.Has(e.DoID()) {
				t.Errorf("%s: AADSTS%s has no %s or %s", lang, e.Code, e.MeaningID(), e.DoID())
				continue
			}
			r, err := Parse("Message: AADSTS" + e.Code + ": something went wrong.")
			if err != nil || len(r.Codes) != 1 || r.Codes[0] != e.Code {
				t.Fatalf("AADSTS%s: %+v, %v", e.Code, r, err)
			}
			text := join(Answer(z, r, steps.Facts()))
			for _, want := range []string{"AADSTS" + e.Code, z.T(e.MeaningID(), steps.Facts()),
				who[e.Actor][lang], z.T(e.DoID(), steps.Facts()), steps.SupportEmail, steps.SupportPhone} {
				if !strings.Contains(text, want) {
					t.Errorf("%s AADSTS%s: answer lacks %q:\n%s", lang, e.Code, want, text)
				}
			}
			if strings.Contains(text, "<no value>") {
				t.Errorf("%s AADSTS%s: a template gap:\n%s", lang, e.Code, text)
			}
		}
	}
}

func join(ls []Line) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(l.Text + "\n")
	}
	return b.String()
}

// The error page as a client copies it: the code, the Correlation ID and the Timestamp are
// picked out, in both languages.
func TestWholePastedPage(t *testing.T) {
	page := `Sign in
Sorry, but we're having trouble signing you in.

AADSTS50020: User account 'jane@firm.ca' from identity provider 'live.com' does not exist in tenant 'DMC Hosting' and cannot access the application.
Troubleshooting details
If you contact your administrator, send this info to them.
Copy info to clipboard
Request Id: 2968003d-62e6-4308-af03-8b276c6e0600
Correlation Id: FCC0A98C-F61E-46C4-97E1-A51C69A1BB94
Timestamp: 2022-11-02T06:39:14Z
Message: AADSTS50020: User account 'jane@firm.ca' from identity provider 'live.com' does not exist in tenant.
`
	r, err := Parse(page)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Codes) != 1 || r.Codes[0] != "50020" || r.CorrelationID != "fcc0a98c-f61e-46c4-97e1-a51c69a1bb94" ||
		r.Timestamp != "2022-11-02T06:39:14Z" {
		t.Fatalf("%+v", r)
	}
	for lang, want := range map[locales.Lang][]string{
		locales.English: {"Microsoft error AADSTS50020", "Who must act: you", "To send to Auvenir support",
			"Correlation ID: fcc0a98c-f61e-46c4-97e1-a51c69a1bb94", "Timestamp: 2022-11-02T06:39:14Z"},
		locales.French: {"Erreur Microsoft AADSTS50020", "Qui doit agir\u00a0: vous", "À envoyer au soutien Auvenir",
			"Correlation ID (identifiant de corrélation)\u00a0: fcc0a98c-f61e-46c4-97e1-a51c69a1bb94",
			"Timestamp (horodatage)\u00a0: 2022-11-02T06:39:14Z"},
	} {
		text := join(Answer(locales.New(lang), r, steps.Facts()))
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: lacks %q:\n%s", lang, w, text)
			}
		}
	}
}

// The other shapes a message arrives in: an app's JSON, a French page, several codes, a code
// in lower case, a leading zero.
func TestExtractShapes(t *testing.T) {
	cases := []struct {
		text, codes, corr, ts string
	}{
		{`{"error":"invalid_grant","error_description":"AADSTS50076: Due to a configuration change...\r\nTrace ID: 0000aaaa-11bb-cccc-dd33-eeeeee333333\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2016-01-09 02:02:12Z","error_codes":[50076],"timestamp":"2016-01-09 02:02:12Z","correlation_id":"aaaa0000-bb11-2222-33cc-444444dddddd"}`,
			"50076", "aaaa0000-bb11-2222-33cc-444444dddddd", "2016-01-09 02:02:12Z"},
		{`{"error_codes":[53003],"correlation_id":"aaaa0000-bb11-2222-33cc-444444dddddd"}`, "53003", "aaaa0000-bb11-2222-33cc-444444dddddd", ""},
		{"AADSTS53003 puis aadsts500213 et AADSTS53003 encore\nID de corrélation : 11111111-2222-3333-4444-555555555555\nHorodatage : 2026-11-29 09:55:00Z",
			"53003 500213", "11111111-2222-3333-4444-555555555555", "2026-11-29 09:55:00Z"},
		{"Error AADSTS 090094.", "90094", "", ""},
		{"nothing to see here", "", "", ""},
	}
	for _, c := range cases {
		r, err := Parse(c.text)
		if err != nil || strings.Join(r.Codes, " ") != c.codes || r.CorrelationID != c.corr || r.Timestamp != c.ts {
			t.Errorf("%q: %+v, %v", c.text, r, err)
		}
	}
}

// An unknown code, or no code, still gets an answer: what to do, and the support contacts.
func TestUnknownAndNoCode(t *testing.T) {
	for _, lang := range locales.Langs {
		z := locales.New(lang)
		r, _ := Parse("AADSTS99999: whatever")
		text := join(Answer(z, r, steps.Facts()))
		for _, w := range []string{"AADSTS99999", z.T("ExplainUnknown", steps.Facts()), z.T("ExplainNoDetails", steps.Facts()), steps.SupportEmail} {
			if !strings.Contains(text, w) {
				t.Errorf("%s unknown: lacks %q", lang, w)
			}
		}
		r, _ = Parse("The page said something went wrong.")
		text = join(Answer(z, r, steps.Facts()))
		if !strings.Contains(text, z.T("ExplainNoCode", steps.Facts())) || !strings.Contains(text, steps.SupportPhone) {
			t.Errorf("%s no code:\n%s", lang, text)
		}
	}
}

// At most three codes are explained: a pasted log may repeat hundreds.
func TestManyCodes(t *testing.T) {
	var b strings.Builder
	for i := range 50 {
		b.WriteString("AADSTS" + string(rune('1'+i%9)) + "0000 ")
	}
	r, err := Parse(b.String())
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(join(Answer(locales.New(locales.English), r, steps.Facts())), "Microsoft error "); n != 3 {
		t.Fatalf("%d codes explained", n)
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		text string
		want error
	}{
		{"", ErrEmpty},
		{" \n\t\r\n ", ErrEmpty},
		{strings.Repeat("a", MaxInput+1), ErrTooLong},
		{"AADSTS50020\x00", ErrBinary},
		{"\xff\xfe A\x00A\x00", ErrBinary},
		{"bell\x07", ErrBinary},
	}
	for _, c := range cases {
		if _, err := Parse(c.text); !errors.Is(err, c.want) {
			t.Errorf("%q: %v, want %v", c.text[:min(len(c.text), 20)], err, c.want)
		}
	}
	if _, err := Read(strings.NewReader(strings.Repeat("b", MaxInput+10))); !errors.Is(err, ErrTooLong) {
		t.Errorf("Read of a huge input: %v", err)
	}
	if s, err := Read(strings.NewReader("AADSTS50020")); err != nil || s != "AADSTS50020" {
		t.Errorf("Read = %q, %v", s, err)
	}
	if _, err := Read(failingReader{}); !errors.Is(err, ErrRead) {
		t.Errorf("Read of a failing input: %v", err)
	}
	// Each refusal is one line in both languages.
	for _, lang := range locales.Langs {
		for _, e := range []*locales.Error{ErrEmpty, ErrTooLong, ErrBinary} {
			if msg := locales.New(lang).T(e.ID, e.Data); strings.Contains(msg, "\n") || msg == e.ID {
				t.Errorf("%s %s: %q", lang, e.ID, msg)
			}
		}
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("broken pipe") }

// The details go to whoever must act: the client's IT department for tenant restrictions their
// own network applies (AADSTS5000211), Auvenir support for DMC Hosting's own rules.
func TestDetailsGoToWhoActs(t *testing.T) {
	z := locales.New(locales.English)
	for code, want := range map[string][]string{
		"5000211": {"Who must act: your IT department", "To send to your IT department"},
		"530035":  {"Who must act: the administrators of DMC Hosting, through Auvenir support", "To send to Auvenir support"},
		"16003":   {"Who must act: you", "To send to Auvenir support"},
	} {
		r, err := Parse("AADSTS" + code + ": x\nCorrelation ID: fcc0a98c-f61e-46c4-97e1-a51c69a1bb94")
		if err != nil {
			t.Fatal(err)
		}
		text := join(Answer(z, r, steps.Facts()))
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("AADSTS%s: lacks %q:\n%s", code, w, text)
			}
		}
	}
}
