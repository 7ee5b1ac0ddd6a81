package steps

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/auvenir/auvenir-onboard/internal/ledger"
	"github.com/auvenir/auvenir-onboard/locales"
)

// messages reads a locale file as the program's translators wrote it, with its template
// references unexpanded.
func messages(t *testing.T, lang locales.Lang) map[string]string {
	t.Helper()
	b, err := os.ReadFile("../locales/active." + string(lang) + ".toml")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := toml.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for k, v := range raw {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	if len(out) < 100 {
		t.Fatalf("%s: only %d messages read", lang, len(out))
	}
	return out
}

var (
	refRE   = regexp.MustCompile(`\{\{\.([A-Za-z0-9]+)\}\}`)
	quoteRE = map[locales.Lang]*regexp.Regexp{
		locales.English: regexp.MustCompile(`“([^”]*)”`),
		locales.French:  regexp.MustCompile(`«([^»]*)»`),
	}
)

// Quoted words that are not Microsoft's labels, each with the reason it needs no ledger entry.
var notLabels = map[string]string{
	"+":                      "the app's + button, drawn as a sign (passkey-authenticator: “the + button”)",
	"your email address":     "the guide's own words for an address not given",
	"votre adresse courriel": "the guide's own words for an address not given",
	"Your address":           "the title of the guide's own screen, not Microsoft's",
	"host unreachable":       "the name of an ICMP answer (RFC 792's Destination Unreachable), not a Microsoft label",
	"hôte injoignable":       "the name of an ICMP answer (RFC 792's Destination Unreachable), not a Microsoft label",
	"no such name":           "the name of the DNS answer NXDOMAIN (RFC 1035's Name Error), not a Microsoft label",
	"nom inexistant":         "the name of the DNS answer NXDOMAIN (RFC 1035's Name Error), not a Microsoft label",
	"Votre adresse":          "the title of the guide's own screen, not Microsoft's",
}

func norm(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "’", "'").Replace(s)
	return strings.ToLower(strings.TrimSpace(s))
}

// Every Microsoft label a locale file quotes comes from the facts ledger, with its source: as a
// template reference to a ledger fact, or, written out, as a ledger fact's English or French
// text. A label typed into a message from memory fails here.
func TestLocaleLabelsAreInTheLedger(t *testing.T) {
	l := ledger.Embedded()
	known := map[string]bool{}
	for _, f := range l.Facts {
		known[norm(f.EN)] = true
		if f.FR != "" {
			known[norm(f.FR)] = true
		}
	}
	facts := Facts()
	for _, lang := range locales.Langs {
		for id, msg := range messages(t, lang) {
			for _, m := range quoteRE[lang].FindAllStringSubmatch(msg, -1) {
				inner := strings.TrimSpace(strings.Trim(m[1], "\u00a0 "))
				refs := refRE.FindAllStringSubmatch(inner, -1)
				if len(refs) == 0 {
					if !known[norm(inner)] && notLabels[inner] == "" {
						t.Errorf("%s %s quotes %q, which the facts ledger does not hold", lang, id, inner)
					}
					continue
				}
				for _, r := range refs {
					key := strings.TrimSuffix(r[1], "FR")
					if _, isFact := facts[r[1]]; !isFact {
						continue // the client's own data: an address, a value they typed
					}
					if _, ok := l.Fact(key); !ok {
						t.Errorf("%s %s quotes {{.%s}}, which is not a fact of the ledger", lang, id, r[1])
					}
				}
			}
		}
	}
}

// French screens name Microsoft's French label first and the English one beside it, in
// parentheses, since the browser may show either: « Suivant » (Next). English screens name the
// English label only.
func TestFrenchLabelsFirst(t *testing.T) {
	l := ledger.Embedded()
	guideIDs := map[string]bool{}
	for _, id := range MessageIDs() {
		guideIDs[id] = true
	}
	fr, en := messages(t, locales.French), messages(t, locales.English)
	for _, f := range l.Facts {
		if f.FR == "" {
			continue
		}
		plain, french := "{{."+f.Key+"}}", "{{."+f.Key+"FR}}"
		for id, msg := range fr {
			for _, q := range quoteRE[locales.French].FindAllStringSubmatch(msg, -1) {
				if strings.Contains(q[1], plain) {
					t.Errorf("fr %s quotes %s in English, « %s », where Microsoft's French label is « %s »: %q", id, f.Key, f.EN, f.FR, msg)
				}
			}
			if guideIDs[id] && strings.Contains(msg, french) && !strings.Contains(msg, "("+plain+")") {
				t.Errorf("fr %s gives « %s » without the English label beside it: %q", id, f.FR, msg)
			}
		}
		for id, msg := range en {
			if strings.Contains(msg, french) {
				t.Errorf("en %s names the French label of %s", id, f.Key)
			}
		}
	}
}

// French typography per the Office québécois de la langue française: a no-break space before
// : ; ! ? and inside « », no capital after a colon (but for a proper noun or a key's name).
// English is Canadian: "practise" the verb, "practice" the noun.
func TestTypographyAndSpelling(t *testing.T) {
	properAfterColon := map[string]bool{"Microsoft": true, "Windows": true, "Entrée": true, "Échap": true,
		"Auvenir": true, "Google": true, "DMC": true, "DMCHosting": true, "Maj+Tab": true, "Tab": true}
	spaceBefore := regexp.MustCompile(` [:;!?»]`)
	spaceAfter := regexp.MustCompile(`« `)
	colonCap := regexp.MustCompile(`\x{00a0}:\x{00a0}*[ ]?([A-ZÀ-Ý][^\s,.;:!?)»]*)`)
	for id, msg := range messages(t, locales.French) {
		if m := spaceBefore.FindString(msg); m != "" {
			t.Errorf("fr %s: an ordinary space before %q (a no-break space is needed): %q", id, strings.TrimSpace(m), msg)
		}
		if spaceAfter.MatchString(msg) {
			t.Errorf("fr %s: an ordinary space after « : %q", id, msg)
		}
		for _, m := range colonCap.FindAllStringSubmatch(msg, -1) {
			if !properAfterColon[m[1]] {
				t.Errorf("fr %s: a capital after a colon (%q): %q", id, m[1], msg)
			}
		}
		for _, bad := range []string{"pratiqué", "qu'est déjà", "multifactoriel", "premier février", "e-mail"} {
			if strings.Contains(msg, bad) {
				t.Errorf("fr %s says %q: %q", id, bad, msg)
			}
		}
	}
	verb := regexp.MustCompile(`(?i)\b(to|you|can|will|please|and) practice\b|\bpractice (with|the app|it)\b|\bpractic(ed|ing)\b`)
	noun := regexp.MustCompile(`(?i)\b(a|the) practise\b|\bpractise (account|key|enrolment|code)\b`)
	for id, msg := range messages(t, locales.English) {
		if verb.MatchString(msg) {
			t.Errorf("en %s: the verb is “practise” in Canadian English: %q", id, msg)
		}
		if noun.MatchString(msg) {
			t.Errorf("en %s: the noun is “practice” in Canadian English: %q", id, msg)
		}
	}
}

// The guide's constants are the ledger's facts: they cannot drift apart.
func TestConstantsMatchTheLedger(t *testing.T) {
	d := Facts()
	for key, want := range map[string]string{
		"InviteSender": InviteSender, "CodeSender": CodeSender, "OrganizationsURL": OrganizationsURL,
		"TenantInitialDomain": TenantDomain, "IdentityExample": IdentityExample, "Authenticator": AuthenticatorName,
		"SupportEmail": SupportEmail, "SupportPhone": SupportPhone, "MyAccountTenantURL": MyAccountTenantURL,
		"AppStoreURL": AppStoreURL, "PlayStoreURL": PlayStoreURL,
	} {
		if d[key] != want {
			t.Errorf("%s: ledger %q, constant %q", key, d[key], want)
		}
	}
	if d["FirewallURLs"] != strings.Join(FirewallURLs, " ") {
		t.Errorf("FirewallURLs: ledger %q, constant %q", d["FirewallURLs"], FirewallURLs)
	}
	if d["CodeMinutes"] != "30" || CodeValidMinutes != 30 {
		t.Errorf("CodeMinutes: ledger %v, constant %d", d["CodeMinutes"], CodeValidMinutes)
	}
	if !strings.Contains(MyAccountTenantURL, "tenantId="+TenantDomain) {
		t.Errorf("%s does not name the tenant %s", MyAccountTenantURL, TenantDomain)
	}
}

// The end of Microsoft's text-message codes and DMC Hosting's choice carry their sources like
// the ledger's facts: each of the three values has a quote from a source the ledger lists.
func TestSMSVoiceValuesAreSourced(t *testing.T) {
	p := SMSVoice()
	for _, key := range []string{"passkey_prompts_from", "microsoft_sms_voice_end", "tenant_keeps_sms_voice"} {
		var qs []ledger.Quote
		for _, q := range p.Quotes {
			if q.Key == key {
				qs = append(qs, ledger.Quote{Source: q.Source, Text: q.Text})
			}
		}
		if err := ledger.Embedded().CheckQuotes(key, qs); err != nil {
			t.Error(err)
		}
	}
}

// A block tied to one of DMC Hosting's settings shows only while the ledger's switch has its
// value; a switch the ledger lacks is unknown, so the "maybe" wording shows, never a certainty.
func TestSwitchBlocks(t *testing.T) {
	for _, c := range []struct {
		key, is string
		shown   bool
	}{
		{"NoSuchSwitch", "unknown", true},
		{"NoSuchSwitch", "yes", false},
		{"GoogleFederation", ledger.Embedded().Switch("GoogleFederation"), true},
	} {
		b := Block{Switch: c.key, SwitchIs: c.is}
		if b.Shown(ForCode, PhoneBeforePrompts) != c.shown {
			t.Errorf("%s=%s: shown %v", c.key, c.is, !c.shown)
		}
	}
	// While Google federation is unknown, step 3 says both cases: "may send you to Google".
	if ledger.Embedded().Switch("GoogleFederation") == ledger.SwitchUnknown {
		var ids []string
		for _, b := range All()[Index(All(), 3)].Blocks {
			if b.Shown(ForCode, PhoneBeforePrompts) {
				ids = append(ids, b.ID)
			}
		}
		if !strings.Contains(strings.Join(ids, " "), "Step3GoogleMaybe") || strings.Contains(strings.Join(ids, " "), "Step3Google ") {
			t.Errorf("step 3 blocks while Google federation is unknown: %v", ids)
		}
	}
}
