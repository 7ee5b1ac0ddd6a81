package guide

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

var update = flag.Bool("update", false, "rewrite the --print goldens in testdata")

// The whole guide as --print writes it, in both languages, on a day before the end of
// Microsoft's text-message codes. Read the goldens when they change: they are the guide.
func TestPrintGolden(t *testing.T) {
	for _, lang := range locales.Langs {
		md := markdown(t, lang, "")
		path := filepath.Join("testdata", "print_"+string(lang)+".md")
		if *update {
			if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if md != string(want) {
			t.Errorf("%s: --print differs from %s (go test ./internal/guide -run TestPrintGolden -update)", lang, path)
		}
	}
}

// --print carries today's labels of steps 8 and 9, the trust sentence of step 6 with its two
// buttons, and the notice of the end of text-message codes; not the old French term.
func TestPrintHasTodaysScreens(t *testing.T) {
	for _, lang := range locales.Langs {
		md := markdown(t, lang, "")
		for _, want := range []string{"More information required", "Keep your account secure",
			"Set up your account", "Work or school account", "I want to use a different authenticator app",
			"I want to set up a different method", "Text me a code", "Call me",
			"You should only accept if you trust DMCHosting.", quote(lang, "Cancel"), accept(lang),
			"Additional security verification", steps.MyAccountTenantURL, "`#`"} {
			if !strings.Contains(strings.ReplaceAll(md, "\u00a0", " "), want) {
				t.Errorf("%s: --print lacks %q", lang, want)
			}
		}
		end := map[locales.Lang]string{locales.English: "February 1, 2027", locales.French: "1er février 2027"}[lang]
		if !strings.Contains(md, end) {
			t.Errorf("%s: --print does not announce the end of text-message codes on %s", lang, end)
		}
		if strings.Contains(md, "multifactoriel") {
			t.Errorf("%s: --print still says « multifactorielle »", lang)
		}
		if strings.Contains(md, `\_`) || strings.Contains(md, `\#`) || strings.Contains(md, `\<`) {
			t.Errorf("%s: an address or identity is escaped instead of being a code span", lang)
		}
	}
}

// On both sides of 1 February 2027: before, option 2 is offered with the notice of its end;
// from that day, it says option 2 is gone and the number check is no longer offered.
func TestSMSVoiceEndByDate(t *testing.T) {
	z := locales.New(locales.English)
	cases := []struct {
		name        string
		now         time.Time
		offered     bool
		want, avoid []string
	}{
		{"the day before, late evening", time.Date(2027, 1, 31, 23, 59, 0, 0, time.UTC), true,
			[]string{"Microsoft stops sending these codes on February 1, 2027", "Text me a code", "postpone"},
			[]string{"no longer offered"}},
		{"the day itself, just after midnight", time.Date(2027, 2, 1, 0, 1, 0, 0, time.UTC), false,
			[]string{"option 2 is no longer offered", "must register a passkey"},
			[]string{"Text me a code", "Microsoft stops sending", "postpone"}},
		{"before the passkey prompts", time.Date(2026, 8, 31, 12, 0, 0, 0, time.UTC), true,
			[]string{"Microsoft stops sending these codes on February 1, 2027"},
			[]string{"passkey"}},
	}
	for _, c := range cases {
		data := DataFor("", steps.SignInUnanswered, c.now)
		if PhoneOffered(data) != c.offered {
			t.Errorf("%s: PhoneOffered = %v", c.name, !c.offered)
		}
		md := markdownFor(t, locales.English, data)
		for _, w := range c.want {
			if !strings.Contains(md, w) {
				t.Errorf("%s: lacks %q", c.name, w)
			}
		}
		for _, w := range c.avoid {
			if strings.Contains(md, w) {
				t.Errorf("%s: still says %q", c.name, w)
			}
		}
		_ = z
	}
}

// The end date is the client's calendar day: 1 February in Toronto starts five hours after
// 1 February in UTC.
func TestSMSVoiceEndIsTheLocalDay(t *testing.T) {
	toronto := time.FixedZone("EST", -5*3600)
	lateJan31 := time.Date(2027, 2, 1, 3, 0, 0, 0, time.UTC).In(toronto) // 31 January, 22:00 in Toronto
	if !PhoneOffered(DataFor("", "", lateJan31)) {
		t.Fatal("option 2 withdrawn on 31 January, Toronto time")
	}
}

// Steps 3 to 5 follow the answer to "Is this address already a Microsoft account?".
func TestSignInBranches(t *testing.T) {
	z := locales.New(locales.English)
	all := steps.All()
	step := func(n int) steps.Screen { return all[steps.Index(all, n)] }
	text := func(si steps.SignIn, n int) string {
		d := DataFor("", si, beforeEnd)
		var b strings.Builder
		b.WriteString(Lead(z, step(n), d))
		for _, bl := range Blocks(step(n), d) {
			b.WriteString("\n" + BlockText(z, bl, d))
		}
		return b.String()
	}
	for _, si := range []steps.SignIn{steps.SignInUnanswered, steps.SignInNone} {
		if s := text(si, 3); !strings.Contains(s, "Click the “Send code” button.") || strings.Contains(s, "password") {
			t.Errorf("%q, step 3 = %q", si, s)
		}
		if s := text(si, 4); !strings.Contains(s, "Your DMCHosting account verification code") {
			t.Errorf("%q, step 4 = %q", si, s)
		}
	}
	if s := text(steps.SignInWork, 3); !strings.Contains(s, "password you use for Microsoft 365 at work") ||
		!strings.HasPrefix(s, "Microsoft asks for your account's password") || strings.Contains(s, "press s") {
		t.Errorf("work, step 3 = %q", s)
	}
	if s := text(steps.SignInPersonal, 3); !strings.Contains(s, "personal Microsoft account") {
		t.Errorf("personal, step 3 = %q", s)
	}
	for _, si := range []steps.SignIn{steps.SignInWork, steps.SignInPersonal} {
		if s := text(si, 4); strings.Contains(s, "verification code”") || !strings.Contains(s, "continue at step 6") {
			t.Errorf("%q, step 4 = %q", si, s)
		}
		if s := text(si, 5); !strings.HasPrefix(s, "Type your account's password") {
			t.Errorf("%q, step 5 = %q", si, s)
		}
	}
	// "I don't know" shows both paths, each as a condition ("If you see …"), never the
	// certainties of one path: "Click the “Send code” button" beside "Microsoft asks for your
	// password" told the client two contradictory things.
	s := text(steps.SignInUnsure, 3)
	for _, want := range []string{"If you see the “Send code” button", "Microsoft 365 at work", "If Microsoft asks for a password"} {
		if !strings.Contains(s, want) {
			t.Errorf("unsure, step 3 lacks %q: %q", want, s)
		}
	}
	for n := 3; n <= 5; n++ {
		s := text(steps.SignInUnsure, n)
		for _, certainty := range []string{"Click the “Send code” button.", "does not offer", "No code email for you",
			"Microsoft asks for your account's password", "Type your account's password", "The code is sent by"} {
			if strings.Contains(s, certainty) {
				t.Errorf("unsure, step %d states a certainty of one path, %q: %q", n, certainty, s)
			}
		}
		if lead := strings.SplitN(s, "\n", 2)[0]; !strings.Contains(lead, "If ") && !strings.Contains(lead, "either") {
			t.Errorf("unsure, step %d: the instruction is not conditional: %q", n, lead)
		}
	}
	if strings.Contains(text(steps.SignInWork, 3), "If Microsoft asks for a password") {
		t.Error("the unsure wording shows for a work account")
	}
	// The password path's titles name what the client does: no "Send code" over a password.
	z2 := locales.New(locales.English)
	for _, si := range []steps.SignIn{steps.SignInWork, steps.SignInPersonal} {
		for n, avoid := range map[int]string{3: "Send code", 5: "Enter the code"} {
			if got := Title(z2, step(n), DataFor("", si, beforeEnd)); strings.Contains(got, avoid) {
				t.Errorf("%s, step %d is titled %q", si, n, got)
			}
		}
	}
}

func TestLongDate(t *testing.T) {
	d := steps.Date{Year: 2027, Month: time.February, Day: 1}
	if got := LongDate(locales.New(locales.English), d); got != "February 1, 2027" {
		t.Errorf("en = %q", got)
	}
	if got := LongDate(locales.New(locales.French), d); got != "1er février 2027" {
		t.Errorf("fr = %q", got)
	}
	if got := LongDate(locales.New(locales.French), steps.Date{Year: 2026, Month: time.September, Day: 15}); got != "15 septembre 2026" {
		t.Errorf("fr = %q", got)
	}
}

// Option 1's store pages come right after option 1, before option 2 (issue 10, item 9).
func TestStoresFollowOption1(t *testing.T) {
	for _, lang := range locales.Langs {
		md := markdown(t, lang, "")
		app, opt2 := strings.Index(md, steps.AppStoreURL), strings.Index(md, "### Option 2")
		if app < 0 || opt2 < 0 || app > opt2 || strings.Index(md, "### Option 1") > app {
			t.Errorf("%s: store %d, option 2 %d", lang, app, opt2)
		}
	}
}

// accept is how the guide names Microsoft's "Accept" button: in French, Microsoft's French label
// first, the English beside.
func accept(lang locales.Lang) string {
	if lang == locales.French {
		return "« Accepter » (Accept)"
	}
	return "“Accept”"
}

func quote(lang locales.Lang, s string) string {
	if lang == locales.French {
		return "« " + s + " »"
	}
	return "“" + s + "”"
}

// Paper cannot take a key press, nor answer the step-2 question: --print names no key, gives
// every sign-in path as a condition, both addresses of the permissions page, the Gmail case,
// what to do when Microsoft calls, and the seed's closing words and contacts.
func TestPrintIsAGuideOnItsOwn(t *testing.T) {
	want := map[locales.Lang][]string{
		locales.English: {"Steps 3 to 5 depend on what your address already is", "If you see the “Send code” button",
			"If Microsoft asks for a password instead", "Gmail", steps.OrganizationsURL, steps.MyAccountTenantURL,
			"Answer, listen, then press the `#` key", "Our priority is our clients' success!", "Administrators: you may be using an alias account",
			steps.SupportEmail, steps.SupportPhone, "If this page never appears"},
		locales.French: {"Les étapes 3 à 5 dépendent de votre adresse", "Si vous voyez le bouton « Envoyer le code » (Send code)",
			"Si Microsoft demande plutôt un mot de passe", "Gmail", steps.OrganizationsURL, steps.MyAccountTenantURL,
			"appuyez sur la touche `#`", "Notre priorité, c'est le succès de nos clients !", "Administrateurs : vous utilisez peut-être un compte d'alias",
			steps.SupportEmail, steps.SupportPhone, "Si cette page n'apparaît jamais"},
	}
	avoid := map[locales.Lang][]string{
		locales.English: {"press s", "Press a", "press m", "Press m", "run auvenir-onboard", "--explain"},
		locales.French:  {"appuyez sur s", "Appuyez sur a", "Appuyez sur m", "relancez auvenir-onboard", "--explain"},
	}
	for _, lang := range locales.Langs {
		md := strings.ReplaceAll(markdown(t, lang, ""), "\u00a0", " ")
		for _, w := range want[lang] {
			if !strings.Contains(md, w) {
				t.Errorf("%s: --print lacks %q", lang, w)
			}
		}
		for _, w := range avoid[lang] {
			if strings.Contains(md, w) {
				t.Errorf("%s: --print says %q, which paper cannot do", lang, w)
			}
		}
	}
	// A client who answered keeps their own path on paper.
	md := markdownFor(t, locales.English, DataFor("", steps.SignInWork, beforeEnd))
	if strings.Contains(md, "If you see the “Send code” button") || !strings.Contains(md, "password you use for Microsoft 365 at work") {
		t.Error("--print of a work account shows the unsure wording")
	}
}
