package explain

import (
	"github.com/auvenir/auvenir-onboard/locales"
)

// LineKind says how a line of an answer is presented.
type LineKind int

const (
	LineHeading LineKind = iota // the code, or the heading of the details to send
	LineText                    // a sentence
	LineField                   // "label: value": who must act, what to do
	LineDetail                  // "label: value" where the value is an identifier to send as is
	LineContact                 // the support contacts
)

// Line is one line of an answer, already in the person's language.
type Line struct {
	Kind LineKind
	Text string
	// Label and Value are the two halves of a LineField's or LineDetail's Text, for a screen
	// that sets an identifier, which must not be wrapped, on its own line.
	Label, Value string
}

// maxCodes bounds how many codes one answer explains: a pasted log may repeat many; the first
// ones are what the person met.
const maxCodes = 3

// Answer is the whole explanation of a report in z's language: each code (known or not), or the
// lack of any, then the details to send and the support contacts. data holds the guide's facts
// (steps.Facts()): the support contacts and the names of the details.
func Answer(z *locales.Localizer, r Report, data map[string]any) []Line {
	var out []Line
	with := func(kv ...any) map[string]any {
		d := make(map[string]any, len(data)+len(kv)/2)
		for k, v := range data {
			d[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			d[kv[i].(string)] = kv[i+1]
		}
		return d
	}
	field := func(labelID, value string) Line {
		label := z.T(labelID, data)
		return Line{Kind: LineField, Text: labeled(z, label, value), Label: label, Value: value}
	}
	if len(r.Codes) == 0 {
		out = append(out, Line{Kind: LineText, Text: z.T("ExplainNoCode", data)})
	}
	// The details go to whoever must act on the first code: the client's IT department, or
	// Auvenir support (who reach DMC Hosting's administrators).
	send := ActorSupport
	if len(r.Codes) > 0 {
		if e, ok := Lookup(r.Codes[0]); ok {
			send = e.Actor
		}
	}
	for i, code := range r.Codes {
		if i == maxCodes {
			break
		}
		d := with("Code", "AADSTS"+code)
		out = append(out, Line{Kind: LineHeading, Text: z.T("ExplainHeading", d)})
		e, ok := Lookup(code)
		if !ok {
			out = append(out, Line{Kind: LineText, Text: z.T("ExplainUnknown", d)},
				field("ExplainWho", z.T(ActorSupport.ActorID(), d)))
			continue
		}
		out = append(out,
			Line{Kind: LineText, Text: z.T(e.MeaningID(), d)},
			field("ExplainWho", z.T(e.Actor.ActorID(), d)),
			field("ExplainWhat", z.T(e.DoID(), d)))
	}
	out = append(out, Line{Kind: LineHeading, Text: z.T(send.SendID(), data)})
	if r.CorrelationID == "" && r.Timestamp == "" {
		out = append(out, Line{Kind: LineText, Text: z.T("ExplainNoDetails", data)})
	}
	if r.CorrelationID != "" {
		out = append(out, detail(field("ExplainCorrelation", r.CorrelationID)))
	}
	if r.Timestamp != "" {
		out = append(out, detail(field("ExplainTimestamp", r.Timestamp)))
	}
	return append(out, Line{Kind: LineContact, Text: z.T("ExplainContacts", data)})
}

func detail(l Line) Line { l.Kind = LineDetail; return l }

// labeled joins a label and its value with the language's colon (a no-break space before it in
// French), as package guide does for the guide's own fields.
func labeled(z *locales.Localizer, label, value string) string {
	if z.Lang() == locales.French {
		return label + "\u00a0: " + value
	}
	return label + ": " + value
}
