package guide

import (
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/phone"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

func TestAddressWords(t *testing.T) {
	z := locales.New(locales.English)
	if addr, id := CheckAddress("Jane@Firm.CA"); id != "" || addr == "" {
		t.Fatalf("a valid address refused: %q %q", addr, id)
	}
	if _, id := CheckAddress("jane@firm"); id != "AddressErrDomain" {
		t.Fatalf("jane@firm: %q", id)
	}
	if addr, id := CheckAddress(""); addr != "" || id != "" {
		t.Fatal("an empty field is no address, not a refusal")
	}
	got := Texts(AddressLines(z, "jane@firm.ca", "", true))
	if len(got) != 3 || !strings.Contains(got[0], "j•••@f•••.ca") || strings.Contains(strings.Join(got, " "), "jane") {
		t.Fatalf("presenter mode shows %q", got)
	}
	if l := AddressLines(z, "jane@firm.ca", "AddressErrDomain", false); len(l) != 1 || l[0].Tone != Bad {
		t.Fatalf("a refusal: %v", l)
	}
	if l := AddressLines(z, "", "", false); len(l) != 1 || l[0].Tone != Quiet {
		t.Fatalf("no address: %v", l)
	}
}

func TestPhoneWords(t *testing.T) {
	en, fr := locales.New(locales.English), locales.New(locales.French)
	verdict := func(z *locales.Localizer, typed string, presenter bool) string {
		n, err := PhoneCheck(typed)
		if err != nil {
			t.Fatalf("%s: %v", typed, err.ID)
		}
		return strings.Join(Texts(PhoneVerdict(z, n, presenter)), "\n")
	}
	if v := verdict(en, "647 555 0123", false); strings.Contains(v, "does not show whether") || !strings.Contains(v, "“Canada (+1)”") {
		t.Fatalf("Canada: %s", v)
	}
	if v := verdict(en, "+1 212 555 0100", false); !strings.Contains(v, "United States (+1)") {
		t.Fatalf("United States: %s", v)
	}
	if v := verdict(fr, "+1 212 555 0100", false); !strings.Contains(v, "États-Unis (+1)") {
		t.Fatalf("États-Unis: %s", v)
	}
	if v := verdict(en, "647 555 0123", true); strings.Contains(v, "555") {
		t.Fatalf("presenter mode shows the number: %s", v)
	}
	if _, err := PhoneCheck("555-1234"); err != phone.ErrNoAreaCode {
		t.Fatalf("555-1234: %v", err)
	}
	if m := PhoneMethods(fr); len(m) != 4 || m[0].Tone != Subhead || m[3].Tone != Caution {
		t.Fatalf("methods: %v", m)
	}
}

func TestResumeOfferWords(t *testing.T) {
	screens := steps.All()
	o := ResumeOffer(locales.New(locales.French), screens[steps.ByKey(screens, "step5")], Data(""))
	if o.Title != "Bon retour" || o.Place != "Étape 5 de 9\u00a0: Entrer le code" {
		t.Fatalf("offer: %+v", o)
	}
}

// An international domain is shown as kept (xn--) with the Unicode beside it; one whose
// letters imitate Latin ones is pointed out instead (issue 22 item 5).
func TestAddressWordsInternational(t *testing.T) {
	z := locales.New(locales.English)
	addr, id := CheckAddress("jean@bücher.ca")
	if addr != "jean@xn--bcher-kva.ca" || id != "" {
		t.Fatalf("bücher.ca: %q %q", addr, id)
	}
	got := strings.Join(Texts(AddressLines(z, addr, "", false)), "\n")
	if !strings.Contains(got, "Your address: jean@xn--bcher-kva.ca") || !strings.Contains(got, "its own letters: jean@bücher.ca") ||
		!strings.Contains(got, "jean_xn--bcher-kva.ca#EXT#@") {
		t.Fatalf("bücher.ca shown as:\n%s", got)
	}
	addr, _ = CheckAddress("jane@аррӏе.com") // Cyrillic letters spelling "apple"
	got = strings.Join(Texts(AddressLines(z, addr, "", false)), "\n")
	if !strings.Contains(got, "jane@xn--80ak6aa92e.com") || !strings.Contains(got, "look like Latin ones") || strings.Contains(got, "аррӏе") {
		t.Fatalf("a look-alike domain shown as:\n%s", got)
	}
	if got := Texts(AddressLines(z, "jean@xn--bcher-kva.ca", "", true)); strings.Contains(strings.Join(got, " "), "bücher") {
		t.Fatalf("presenter mode shows the domain: %q", got)
	}
}
