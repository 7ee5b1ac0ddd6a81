package steps

import (
	"fmt"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/auvenir/auvenir-onboard/assets"
)

// Date is a calendar day, compared on the client's own clock.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// reached reports whether now's calendar day (in now's location) is d or later.
func (d Date) reached(now time.Time) bool {
	y, m, day := now.Date()
	if y != d.Year {
		return y > d.Year
	}
	if m != d.Month {
		return m > d.Month
	}
	return day >= d.Day
}

// SMSVoicePolicy is Microsoft's end of text-message and call codes and DMC Hosting's choice,
// read from assets/smsvoice.toml (which names its sources).
type SMSVoicePolicy struct {
	PasskeyPromptsFrom Date // Microsoft may prompt to register a passkey after sign-in
	MicrosoftEnd       Date // Microsoft no longer sends SMS or voice codes
	TenantKeeps        bool // DMC Hosting contracted its own provider and keeps them
	// Quotes are the sources of the three values, each naming the value it supports (Key) and
	// a source of the facts ledger.
	Quotes []SourcedQuote
}

// SourcedQuote is a quote that supports one value of a data file other than the ledger.
type SourcedQuote struct {
	Key, Source, Text string
}

// PhonePhase is where a day falls in that timeline.
type PhonePhase int

const (
	PhoneBeforePrompts PhonePhase = iota // codes by text or call work; no passkey prompt yet
	PhonePrompts                         // codes still work; Microsoft may prompt for a passkey
	PhoneRetired                         // Microsoft no longer sends them: option 2 is gone
	PhoneKept                            // after the end, but DMC Hosting kept its own provider
)

// SMSVoice is the policy of the embedded file, parsed once.
var SMSVoice = sync.OnceValue(func() SMSVoicePolicy {
	p, err := ParseSMSVoice(assets.SMSVoiceTOML)
	if err != nil {
		panic(err) // the embedded file is checked by TestSMSVoiceFileParses
	}
	return p
})

// ParseSMSVoice reads a file in the format of assets/smsvoice.toml.
func ParseSMSVoice(data []byte) (SMSVoicePolicy, error) {
	var f struct {
		PasskeyPromptsFrom   string `toml:"passkey_prompts_from"`
		MicrosoftSMSVoiceEnd string `toml:"microsoft_sms_voice_end"`
		TenantKeepsSMSVoice  bool   `toml:"tenant_keeps_sms_voice"`
		Quotes               []SourcedQuote
	}
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return SMSVoicePolicy{}, err
	}
	if un := md.Undecoded(); len(un) > 0 {
		return SMSVoicePolicy{}, fmt.Errorf("unknown key %s", un[0])
	}
	from, err := parseDate(f.PasskeyPromptsFrom)
	if err != nil {
		return SMSVoicePolicy{}, fmt.Errorf("passkey_prompts_from: %w", err)
	}
	end, err := parseDate(f.MicrosoftSMSVoiceEnd)
	if err != nil {
		return SMSVoicePolicy{}, fmt.Errorf("microsoft_sms_voice_end: %w", err)
	}
	if end.reached(time.Date(from.Year, from.Month, from.Day-1, 12, 0, 0, 0, time.UTC)) {
		return SMSVoicePolicy{}, fmt.Errorf("microsoft_sms_voice_end comes before passkey_prompts_from")
	}
	return SMSVoicePolicy{PasskeyPromptsFrom: from, MicrosoftEnd: end, TenantKeeps: f.TenantKeepsSMSVoice, Quotes: f.Quotes}, nil
}

func parseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, err
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// Phase is where now falls.
func (p SMSVoicePolicy) Phase(now time.Time) PhonePhase {
	switch {
	case p.MicrosoftEnd.reached(now) && p.TenantKeeps:
		return PhoneKept
	case p.MicrosoftEnd.reached(now):
		return PhoneRetired
	case p.PasskeyPromptsFrom.reached(now):
		return PhonePrompts
	}
	return PhoneBeforePrompts
}

// PhoneOffered reports whether option 2 (a code by text message or call) still works on now's
// day, so the guide offers it and its number check.
func (p SMSVoicePolicy) PhoneOffered(now time.Time) bool { return p.Phase(now) != PhoneRetired }

// Phases is a set of phases a block applies to.
type Phases uint8

// Of is the set holding the given phases.
func Of(ps ...PhonePhase) Phases {
	var s Phases
	for _, p := range ps {
		s |= 1 << p
	}
	return s
}

// Has reports whether p is in the set.
func (s Phases) Has(p PhonePhase) bool { return s&(1<<p) != 0 }
