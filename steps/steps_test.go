package steps

import (
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/locales"
)

func TestOrderAndNumbers(t *testing.T) {
	all := All()
	if all[0].Kind != KindIntro || all[1].Kind != KindAddress || all[len(all)-1].Kind != KindFinish {
		t.Fatalf("want intro, address, steps, finish; got %v", kinds(all))
	}
	for n := 1; n <= StepCount; n++ {
		i := Index(all, n)
		if i < 0 || all[i].Number != n || all[i].Key != "step"+string(rune('0'+n)) {
			t.Fatalf("step %d at %d: %+v", n, i, all[i])
		}
	}
	if Index(all, 0) != -1 || Index(all, 10) != -1 {
		t.Fatal("Index accepts a step the guide does not have")
	}
	if ByKey(all, "finish") != len(all)-1 || ByKey(all, "nope") != -1 {
		t.Fatal("ByKey")
	}
	all[0].Blocks[0].ID = "changed"
	if All()[0].Blocks[0].ID == "changed" {
		t.Fatal("All shares its slices between callers")
	}
}

func kinds(s []Screen) []Kind {
	var k []Kind
	for _, x := range s {
		k = append(k, x.Kind)
	}
	return k
}

// The guide's widgets sit where the issue and the PDF put them.
func TestWidgets(t *testing.T) {
	all := All()
	want := map[string]Widget{"intro": WidgetNetworkCheck, "address": WidgetAddress,
		"step2": WidgetSignIn, "step3": WidgetCodeSent, "step4": WidgetCodeTimer, "step5": WidgetCodeTimer, "step9": WidgetMFAOptions}
	for _, s := range all {
		if s.Widget != want[s.Key] {
			t.Errorf("%s has widget %d, want %d", s.Key, s.Widget, want[s.Key])
		}
	}
}

// Every message the content names exists in both languages and fills in without a gap.
func TestContentIsTranslated(t *testing.T) {
	data := Facts()
	data["Email"] = "jane@example.ca"
	data["Identity"] = "jane_example.ca#EXT#@DMCHosting.onmicrosoft.com"
	// The days of assets/smsvoice.toml, which package guide writes out in each language.
	for _, k := range []string{"SMSEndEN", "SMSEndFR", "PasskeyFromEN", "PasskeyFromFR"} {
		data[k] = "1"
	}
	for _, l := range locales.Langs {
		z := locales.New(l)
		for _, id := range MessageIDs() {
			if !z.Has(id) {
				t.Errorf("%s: message %s is missing", l, id)
				continue
			}
			if s := z.T(id, data); strings.Contains(s, "<no value>") {
				t.Errorf("%s: %s leaves a gap: %q", l, id, s)
			}
		}
	}
}

// The seed's addresses and labels reach the screens verbatim; in French, Microsoft's French label
// comes first with the English one beside it, as a French or an English browser may show.
func TestSeedFactsAppear(t *testing.T) {
	z := locales.New(locales.French)
	text := func(id string) string { return z.T(id, Facts()) }
	checks := map[string]string{
		"Step1Lead":          "no-reply@auvenir.ca",
		"Step2Lead":          "« Créer un compte »",
		"Step3Lead":          "« Envoyer le code » (Send code)",
		"Step4Lead":          "DMCHosting (via Microsoft)",
		"Step4Sender":        "account-security-noreply@accountprotection.microsoft.com",
		"Step4Subject":       "Your DMCHosting account verification code",
		"Step5Lead":          "« Sign in »",
		"Step6Lead":          "« Accepter » (Accept)",
		"Step8Lead":          "« Suivant » (Next)",
		"IntroIssueIdentity": "clientemail_clientdomain.ca#EXT#@DMCHosting.onmicrosoft.com",
	}
	for id, want := range checks {
		if got := strings.ReplaceAll(text(id), "\u00a0", " "); !strings.Contains(got, want) {
			t.Errorf("%s = %q, want it to contain %q", id, got, want)
		}
	}
	var urls []string
	for _, b := range All()[0].Blocks {
		if b.Kind == Link {
			urls = append(urls, b.URL)
		}
	}
	if strings.Join(urls, " ") != "https://ca.auvenir.com https://ap.auvenir.com https://helpdesk.auvenir.com https://crm.auvenir.com" {
		t.Fatalf("firewall URLs on the intro: %v", urls)
	}
}

// Both stores are listed, each with Microsoft's https page and a device message; a caller that
// edits its copy changes no other caller's list.
func TestStores(t *testing.T) {
	got := Stores()
	if len(got) != 2 || got[0].URL != AppStoreURL || got[1].URL != PlayStoreURL ||
		got[0].Name != AppStoreName || got[1].Name != PlayStoreName {
		t.Fatalf("Stores() = %+v", got)
	}
	for _, s := range got {
		if !strings.HasPrefix(s.URL, "https://") || s.DeviceID == "" {
			t.Errorf("store %+v", s)
		}
	}
	got[0].URL = "https://example.invalid"
	if Stores()[0].URL != AppStoreURL {
		t.Fatal("Stores shares its slice between callers")
	}
}

func TestSMSVoiceFileParses(t *testing.T) {
	p := SMSVoice()
	if p.MicrosoftEnd != (Date{2027, time.February, 1}) || p.PasskeyPromptsFrom != (Date{2026, time.September, 1}) || p.TenantKeeps {
		t.Fatalf("assets/smsvoice.toml = %+v", p)
	}
	for _, bad := range []string{
		`passkey_prompts_from = "2026-09-01"` + "\n" + `microsoft_sms_voice_end = "2027-02-30"`,
		`passkey_prompts_from = "2027-03-01"` + "\n" + `microsoft_sms_voice_end = "2027-02-01"`,
		`passkey_prompts_from = "2026-09-01"` + "\n" + `microsoft_sms_voice_end = "2027-02-01"` + "\n" + `tenant_keeps = true`,
	} {
		if _, err := ParseSMSVoice([]byte(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

// The phases on both sides of each date, and DMC Hosting's choice to keep its own provider.
func TestSMSVoicePhases(t *testing.T) {
	p := SMSVoicePolicy{PasskeyPromptsFrom: Date{2026, time.September, 1}, MicrosoftEnd: Date{2027, time.February, 1}}
	day := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		now  time.Time
		want PhonePhase
	}{
		{day(2026, time.August, 31, 23), PhoneBeforePrompts},
		{day(2026, time.September, 1, 0), PhonePrompts},
		{day(2027, time.January, 31, 23), PhonePrompts},
		{day(2027, time.February, 1, 0), PhoneRetired},
		{day(2030, time.January, 1, 0), PhoneRetired},
	} {
		if got := p.Phase(c.now); got != c.want {
			t.Errorf("%v: phase %d, want %d", c.now, got, c.want)
		}
	}
	p.TenantKeeps = true
	if p.Phase(day(2027, time.February, 1, 0)) != PhoneKept || !p.PhoneOffered(day(2027, time.March, 1, 0)) {
		t.Error("a tenant that keeps its provider still loses option 2")
	}
}

// Step 9 lists the store pages right after option 1 (issue 10, item 9).
func TestStep9StoresFollowOption1(t *testing.T) {
	s := All()[Index(All(), 9)]
	var kinds []string
	for _, b := range s.Blocks {
		switch {
		case b.ID == "Step9Option1", b.ID == "Step9Option2Heading":
			kinds = append(kinds, b.ID)
		case b.Kind == StorePage:
			kinds = append(kinds, "store")
		}
	}
	if strings.Join(kinds, " ") != "Step9Option1 store store Step9Option2Heading" {
		t.Fatalf("step 9 order: %v", kinds)
	}
}

// The first screen says what the client will do before the seed's explanations (issue 10, item
// 11): no tenant, conditional access or SaaS before the four things to do.
func TestIntroLeadsWithWhatToDo(t *testing.T) {
	var ids []string
	for _, b := range All()[0].Blocks {
		ids = append(ids, b.ID)
	}
	order := strings.Join(ids, " ")
	if !strings.HasPrefix(order, "IntroWhatYouDo IntroDo1 IntroDo2 IntroDo3 IntroDo4 ") ||
		strings.Index(order, "IntroPurpose") < strings.Index(order, "IntroIssueFirewall") {
		t.Fatalf("intro order: %s", order)
	}
	z := locales.New(locales.English)
	for _, id := range []string{"IntroLead", "IntroWhatYouDo", "IntroDo1", "IntroDo2", "IntroDo3", "IntroDo4"} {
		for _, jargon := range []string{"tenant", "conditional", "SaaS", "alias", "B2B"} {
			if strings.Contains(z.T(id, Facts()), jargon) {
				t.Errorf("%s says %q", id, jargon)
			}
		}
	}
}

// Issue 20, item 6: a screen in parts puts every block on one of its parts, and every part has
// words (a block for some client) or an offer of the widget; a screen not split has none.
func TestPartsHoldEveryBlock(t *testing.T) {
	split := 0
	for _, s := range All() {
		if len(s.Parts) == 0 {
			for _, b := range s.Blocks {
				if b.Part != 0 {
					t.Errorf("%s: block %s on part %d of a screen shown whole", s.Key, b.ID, b.Part)
				}
			}
			continue
		}
		split++
		used := make([]bool, len(s.Parts))
		for _, b := range s.Blocks {
			if b.Part < 0 || b.Part >= len(s.Parts) {
				t.Errorf("%s: block %s on part %d of %d", s.Key, b.ID, b.Part, len(s.Parts))
				continue
			}
			used[b.Part] = true
		}
		for i, u := range used {
			if !u && len(s.Parts[i].Offers) == 0 {
				t.Errorf("%s: part %d shows nothing", s.Key, i+1)
			}
			if s.Parts[i].TitleID == "" {
				t.Errorf("%s: part %d has no title", s.Key, i+1)
			}
		}
		if s.Widget == WidgetNone {
			continue
		}
		offered := false
		for _, p := range s.Parts {
			offered = offered || len(p.Offers) > 0
		}
		if !offered {
			t.Errorf("%s: no part shows its widget", s.Key)
		}
	}
	if split == 0 {
		t.Fatal("no screen is split: the test would prove nothing")
	}
}
