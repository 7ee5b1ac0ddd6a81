package guide

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/auvenir/auvenir-onboard/internal/guest"
	"github.com/auvenir/auvenir-onboard/internal/idn"
	"github.com/auvenir/auvenir-onboard/internal/mask"
	"github.com/auvenir/auvenir-onboard/internal/phone"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// The words of the interactive parts: what the address field, the mobile number check and the
// resume offer say, and what presenter mode hides. The TUI and plain mode only style these lines
// (by their Tone); neither chooses a message ID for them.

// Tone is what a line is, for the styling: the TUI gives each its colour and mark, plain mode a
// dash for items.
type Tone int

const (
	Plain   Tone = iota // ordinary text
	Good                // a check passed: "Your address: …"
	Bad                 // a refusal: why the text typed is not accepted
	Caution             // something to watch
	Quiet               // a hint
	Value               // a value to read or copy (a guest identity)
	Item                // an item of a list
	Subhead             // a small heading
)

// Line is one line of words with its tone.
type Line struct {
	Tone Tone
	Text string
}

// Texts are the words of lines, for a mode that does not style them.
func Texts(lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.Text
	}
	return out
}

// Shown is Data as the screen may show it: in presenter mode (a support agent sharing the screen)
// the address and the guest identity are masked, "j•••@f•••.ca".
func Shown(email string, presenter bool) map[string]any {
	d := Data(email)
	if presenter && email != "" {
		d["Email"] = mask.Email(email)
		d["Identity"] = mask.Identity(email)
	}
	return d
}

// ShownAccount is the account of a --show-qr key as it may be shown: it is usually the person's
// address, so it is masked in presenter mode.
func ShownAccount(account string, presenter bool) string {
	if presenter {
		return mask.Email(account)
	}
	return account
}

// ShownNumber is a mobile number as it may be shown: masked in presenter mode.
func ShownNumber(n string, presenter bool) string {
	if presenter {
		return mask.Phone(n)
	}
	return n
}

// CheckAddress reads a typed address: the address to keep (empty when the person gives none),
// or the ID of the message saying why it is refused.
func CheckAddress(typed string) (addr, refusalID string) {
	if typed == "" {
		return "", ""
	}
	addr, err := guest.Parse(typed)
	var gerr *guest.Error
	switch {
	case errors.As(err, &gerr):
		return "", gerr.ID
	case err != nil:
		return "", guest.ErrSyntax.ID
	}
	return addr, ""
}

// AddressLines say what the guide knows of the address: the refusal of what was typed, or the
// address and the guest identity the tenant derives from it, or that none was given.
func AddressLines(z *locales.Localizer, email, refusalID string, presenter bool) []Line {
	d := Shown(email, presenter)
	switch {
	case refusalID != "":
		return []Line{{Bad, z.T(refusalID, d)}}
	case email == "":
		return []Line{{Quiet, z.T("AddressNone", d)}}
	}
	lines := []Line{{Good, z.T("AddressGiven", d)}}
	lines = append(lines, internationalLines(z, email, presenter)...)
	return append(lines, Line{Plain, z.T("AddressIdentity", d)}, Line{Value, fmt.Sprint(d["Identity"])})
}

// internationalLines show an international domain, which the address holds in its xn-- form
// (guest.Parse), in Unicode beside it, so the person recognises it; or, where its letters
// imitate Latin ones (аррӏе.com in Cyrillic) or mix alphabets, say so instead, as a browser
// would keep it in xn-- form (idn.Display). Presenter mode shows neither: it masks the address.
func internationalLines(z *locales.Localizer, email string, presenter bool) []Line {
	at := strings.LastIndexByte(email, '@')
	if presenter || at < 0 || !strings.Contains(email[at:], "xn--") {
		return nil
	}
	domain := email[at+1:]
	if idn.Disguised(domain) {
		return []Line{{Caution, z.T("AddressDisguised")}}
	}
	return []Line{{Quiet, z.T("AddressUnicode", map[string]any{"Unicode": email[:at+1] + idn.Display(domain)})}}
}

// PhoneCheck reads a typed mobile number: the number, or the refusal to show.
func PhoneCheck(typed string) (phone.Number, *locales.Error) {
	n, err := phone.Parse(typed)
	var e *locales.Error
	switch {
	case errors.As(err, &e):
		return phone.Number{}, e
	case err != nil:
		return phone.Number{}, phone.ErrSyntax
	}
	return n, nil
}

// PhoneVerdict is what the guide says of an accepted number: it back in international form, what
// to choose and type on Microsoft's page, and, where the numbering plan cannot tell a mobile from
// a landline outside North America, to make sure it takes text messages. In Canada and the
// United States no number shows it, so saying it for each would be noise: PhoneMethods ends with
// it for everyone.
func PhoneVerdict(z *locales.Localizer, n phone.Number, presenter bool) []Line {
	d := With(Data(""), "Number", ShownNumber(n.International, presenter),
		"National", ShownNumber(n.National, presenter), "CC", strconv.Itoa(n.CountryCode),
		"CountryName", CountryName(z.Lang(), n.Region))
	lines := []Line{{Good, z.T("PhoneShownBack", d)}}
	if n.Region == phone.DefaultRegion {
		lines = append(lines, Line{Plain, z.T("PhoneOnMicrosoftCanada", d)})
	} else {
		lines = append(lines, Line{Plain, z.T("PhoneOnMicrosoftOther", d)})
	}
	if !n.SurelyMobile && n.CountryCode != 1 {
		lines = append(lines, Line{Caution, z.T("PhoneMaybeLandline", d)})
	}
	return lines
}

// PhoneMethods explain text message versus call, and that either needs a mobile.
func PhoneMethods(z *locales.Localizer) []Line {
	d := Data("")
	return []Line{
		{Subhead, z.T("PhoneMethodsHeading", d)},
		{Item, z.T("PhoneByText", d)},
		{Item, z.T("PhoneByCall", d)},
		{Caution, z.T("PhoneMustText", d)},
	}
}

// CountryName is a country's name in the language (region is an ISO 3166 code, "US"), as the
// list of countries on Microsoft's page names it; the code itself when unknown.
func CountryName(l locales.Lang, region string) string {
	r, err := language.ParseRegion(region)
	if err != nil {
		return region
	}
	tag := language.English
	if l == locales.French {
		tag = language.CanadianFrench
	}
	if name := display.Regions(tag).Name(r); name != "" {
		return name
	}
	return region
}

// Offer is the resume question's words.
type Offer struct {
	Title, Where, Place, Question string
}

// ResumeOffer words the question asked when progress was saved at screen s, for the TUI and
// plain mode alike: "Step 5 of 9: Enter the code".
func ResumeOffer(z *locales.Localizer, s steps.Screen, data map[string]any) Offer {
	place := Heading(z, s)
	if s.Kind == steps.KindStep {
		place = z.T("PlainHeading", With(data, "Heading", place, "Title", Title(z, s, data)))
	}
	return Offer{Title: z.T("ResumeTitle", data), Where: z.T("ResumeWhere", data), Place: place,
		Question: z.T("ResumeQuestion", data)}
}

// SignInQuestion is step 2's question and why it is asked, then the answer given, if any.
func SignInQuestion(z *locales.Localizer, answer steps.SignIn, data map[string]any) []Line {
	lines := []Line{{Subhead, z.T("SignInQuestion", data)}, {Quiet, z.T("SignInWhy", data)}}
	if answer != steps.SignInUnanswered {
		lines = append(lines, Line{Good, z.T("SignInAnswer", With(data, "Answer", z.T(answer.LabelID(), data)))})
	}
	return lines
}

// SignInAnswers are the four answers, numbered from 1, in the order steps.SignInChoices gives.
func SignInAnswers(z *locales.Localizer, data map[string]any) []string {
	var out []string
	for i, a := range steps.SignInChoices() {
		out = append(out, strconv.Itoa(i+1)+". "+z.T(a.LabelID(), data))
	}
	return out
}
