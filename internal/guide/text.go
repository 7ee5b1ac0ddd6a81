// Package guide turns the content model of package steps into words in one language: the text of
// each block, the headings, and the whole guide as Markdown for --print. The TUI and the plain
// mode style these words; they never pick message IDs themselves.
package guide

import (
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Data is the template data of every message: the guide's facts and, once the person has given
// it, their address and guest identity. email must have passed guest.Parse, or be empty.
func Data(email string) map[string]any {
	d := steps.Facts()
	for k, v := range dates() {
		d[k] = v
	}
	withIdentity(d, email)
	return d
}

// With returns a copy of data with more fields, for messages that take their own values.
func With(data map[string]any, kv ...any) map[string]any {
	d := make(map[string]any, len(data)+len(kv)/2)
	for k, v := range data {
		d[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		d[kv[i].(string)] = kv[i+1]
	}
	return d
}

// BlockText is what block b says. Link blocks show their address; Contact blocks their label
// and value ("Email: support@auvenir.ca"), joined by the language's colon.
func BlockText(z *locales.Localizer, b steps.Block, data map[string]any) string {
	switch b.Kind {
	case steps.Link:
		return b.Text
	case steps.Contact:
		return Labelled(z, z.T(b.ID, data), b.Text)
	case steps.StorePage:
		return Labelled(z, b.Text+" "+z.T(b.ID, data), b.URL)
	}
	id := b.ID
	if b.EmailID != "" && data["Email"] != nil {
		id = b.EmailID
	}
	if onPaper(data) && b.PaperID != "" && b.PaperID != "-" {
		id = b.PaperID
	}
	return z.T(id, data)
}

// Labelled joins a label and its value with the language's colon: "Email: support@auvenir.ca".
func Labelled(z *locales.Localizer, label, value string) string {
	return label + colon(z) + value
}

// colon is ": " in English and " : " (with a no-break space) in French.
func colon(z *locales.Localizer) string {
	if z.Lang() == locales.French {
		return "\u00a0: "
	}
	return ": "
}

// Heading is the screen's heading: "Step 4 of 9" for a numbered step, its title otherwise.
func Heading(z *locales.Localizer, s steps.Screen) string {
	if s.Kind == steps.KindStep {
		return z.T("StepOfTotal", map[string]any{"N": s.Number, "Total": steps.StepCount})
	}
	return z.T(s.TitleID)
}

// Title is the screen's short name, as the step list shows it: on steps 3 to 5, the password's
// when the client's address is already a Microsoft account, both cases' when they do not know.
func Title(z *locales.Localizer, s steps.Screen, data map[string]any) string {
	return z.T(pick(data, s.TitleID, s.TitlePasswordID, s.TitleUnsureID), data)
}

// pick is plain, or the password's or the unsure client's variant when the screen has one.
func pick(data map[string]any, plain, password, unsure string) string {
	si, _ := data[keySignIn].(steps.SignIn)
	switch {
	case si.UsesPassword() && password != "":
		return password
	case si == steps.SignInUnsure && unsure != "":
		return unsure
	}
	return plain
}

// Lead is the screen's main instruction: on steps 3 to 5, the password's when the client's
// address is already a Microsoft account, both cases' when they do not know.
func Lead(z *locales.Localizer, s steps.Screen, data map[string]any) string {
	id := pick(data, s.LeadID, s.LeadPasswordID, s.LeadUnsureID)
	if id == "" {
		return ""
	}
	return z.T(id, data)
}
