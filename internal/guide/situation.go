package guide

import (
	"strings"
	"sync"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/guest"
	"github.com/auvenir/auvenir-onboard/internal/sanitize"
	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Keys of the template data that say which blocks apply, besides filling messages.
const (
	keySignIn = "SignInPath" // steps.SignIn: the path of steps 3 to 5
	keyNow    = "Now"        // time.Time: the day, for Microsoft's end of text-message codes
	keyPaper  = "Paper"      // bool: the guide is printed (--print): no key can be pressed
)

// OnPaper marks data as the printed guide's: blocks that name a key are worded for paper, or left
// off, and a client who has not answered the step-2 question gets every path, each as a
// condition, since a reader of paper cannot answer it.
func OnPaper(d map[string]any) map[string]any {
	d[keyPaper] = true
	if si, _ := d[keySignIn].(steps.SignIn); si == steps.SignInUnanswered {
		d[keySignIn] = steps.SignInUnsure
	}
	return d
}

func onPaper(d map[string]any) bool { p, _ := d[keyPaper].(bool); return p }

// DataFor is Data for a client who answered the sign-in question with signIn, on now's day.
// The TUI, the plain mode and --print all build their data here, so the three show the same
// blocks on the same day.
func DataFor(email string, signIn steps.SignIn, now time.Time) map[string]any {
	return Situated(Data(email), signIn, now)
}

// Situated adds the sign-in path and the day to data (such as Shown's) and returns it.
func Situated(d map[string]any, signIn steps.SignIn, now time.Time) map[string]any {
	d[keySignIn] = signIn
	d[keyNow] = now
	return d
}

// situation reads what DataFor put in data. Data without it (a caller that never asks) gets the
// PDF's path, on today's date.
func situation(data map[string]any) (steps.Audience, steps.PhonePhase) {
	s, _ := data[keySignIn].(steps.SignIn)
	now, ok := data[keyNow].(time.Time)
	if !ok {
		now = time.Now()
	}
	return s.Audience(), steps.SMSVoice().Phase(now)
}

// Blocks are the blocks of s that apply to the client and the day of data.
func Blocks(s steps.Screen, data map[string]any) []steps.Block {
	a, p := situation(data)
	out := make([]steps.Block, 0, len(s.Blocks))
	for _, b := range s.Blocks {
		paper := onPaper(data)
		if b.Shown(a, p) && !(paper && b.PaperID == "-") && (paper || !b.PaperOnly) {
			out = append(out, b)
		}
	}
	return out
}

// PhoneOffered reports whether option 2 (codes by text message or call) is still offered on the
// day of data, and with it the phone number check of step 9.
func PhoneOffered(data map[string]any) bool {
	_, p := situation(data)
	return p != steps.PhoneRetired
}

// dates are the days of assets/smsvoice.toml written out in each language, for the messages
// that name them ({{.SMSEndEN}}, {{.SMSEndFR}}, {{.PasskeyFromEN}}, {{.PasskeyFromFR}}). They
// are data, so they are formatted once.
var dates = sync.OnceValue(func() map[string]string {
	p := steps.SMSVoice()
	out := map[string]string{}
	for _, l := range locales.Langs {
		z := locales.New(l)
		suffix := strings.ToUpper(string(l))
		out["SMSEnd"+suffix] = LongDate(z, p.MicrosoftEnd)
		out["PasskeyFrom"+suffix] = LongDate(z, p.PasskeyPromptsFrom)
	}
	return out
})

// LongDate writes a day as the language does: "February 1, 2027", « 1er février 2027 ».
func LongDate(z *locales.Localizer, d steps.Date) string {
	months := strings.Fields(z.T("MonthNames"))
	month := ""
	if int(d.Month) >= 1 && int(d.Month) <= len(months) {
		month = months[d.Month-1]
	}
	day := z.T("DayOfMonth", map[string]any{"Day": d.Day})
	if d.Day == 1 {
		day = z.T("FirstOfMonth")
	}
	return z.T("LongDate", map[string]any{"Day": day, "Month": month, "Year": d.Year})
}

// withIdentity adds the address and its guest identity.
func withIdentity(d map[string]any, email string) {
	if email != "" {
		// The address passed guest.Parse, which refuses what a terminal would obey; cleaning
		// it again here, where every screen and the copy key take it, keeps that true of an
		// address that came some other way. Shown and copied stay the same text.
		email = sanitize.Text(email)
		d["Email"] = email
		d["Identity"] = guest.Identity(email)
	}
}
