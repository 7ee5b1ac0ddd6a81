package guide

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// beforeEnd is a day between the first passkey prompts and the end of Microsoft's text-message
// codes (assets/smsvoice.toml): the day this was written.
var beforeEnd = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

func markdown(t *testing.T, lang locales.Lang, email string) string {
	t.Helper()
	return markdownFor(t, lang, DataFor(email, steps.SignInUnanswered, beforeEnd))
}

func markdownFor(t *testing.T, lang locales.Lang, data map[string]any) string {
	t.Helper()
	var b bytes.Buffer
	if err := Markdown(&b, locales.New(lang), data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestMarkdownHasEveryScreenInOrder(t *testing.T) {
	for lang, step := range map[locales.Lang]string{locales.English: "## Step %d of 9", locales.French: "## Étape %d de 9"} {
		md := markdown(t, lang, "")
		last := -1
		for n := 1; n <= 9; n++ {
			i := strings.Index(md, fmt.Sprintf(step, n))
			if i <= last {
				t.Fatalf("%s: step %d missing or out of order", lang, n)
			}
			last = i
		}
		for _, want := range []string{steps.SupportEmail, steps.SupportPhone, "https://crm.auvenir.com",
			"no-reply@auvenir.ca", steps.OrganizationsURL, "<https://ca.auvenir.com>"} {
			if !strings.Contains(md, want) {
				t.Errorf("%s: Markdown lacks %q", lang, want)
			}
		}
		if strings.ContainsRune(md, '\x1b') || strings.Contains(md, "<no value>") {
			t.Errorf("%s: Markdown has an escape code or a template gap", lang)
		}
	}
}

func TestMarkdownUsesTheAddress(t *testing.T) {
	md := markdown(t, locales.English, "jane@example.ca")
	if !strings.Contains(md, "`jane_example.ca#EXT#@DMCHosting.onmicrosoft.com`") {
		t.Fatal("the guest identity is missing or not a code span")
	}
	if !strings.Contains(md, "click `jane@example.ca`") {
		t.Fatal("step 7 does not name the address")
	}
	if strings.Contains(markdown(t, locales.English, ""), "jane@") {
		t.Fatal("an address leaks into the guide without one")
	}
}

func TestBlockText(t *testing.T) {
	fr := locales.New(locales.French)
	contact := steps.Block{Kind: steps.Contact, ID: "ContactEmailLabel", Text: steps.SupportEmail}
	if got := BlockText(fr, contact, Data("")); got != "Courriel\u00a0: support@auvenir.ca" {
		t.Fatalf("contact = %q", got)
	}
	b := steps.Block{ID: "Step7Screen", EmailID: "Step7ScreenEmail"}
	if got := BlockText(locales.New(locales.English), b, Data("a@b.ca")); !strings.Contains(got, "a@b.ca") {
		t.Fatalf("with an address = %q", got)
	}
	if got := Heading(fr, steps.All()[steps.Index(steps.All(), 4)]); got != "Étape 4 de 9" {
		t.Fatalf("heading = %q", got)
	}
}
