package explain

import (
	"github.com/auvenir/auvenir-onboard/locales"
)

// LineKind says how a line of an answer is presented.
type LineKind int

const (
	LineHeading LineKind = iota // the code, or the heading of the details to send
	LineText                    // a sentence
	LineField                   // "label: value", such as the Correlation ID
	LineContact                 // the support contacts
)

// Line is one line of an answer, already in the person's language.
type Line struct {
	Kind LineKind
	Text string
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
		return Line{LineField, labeled(z, z.T(labelID, data), value)}
	}
	if len(r.Codes) == 0 {
		out = append(out, Line{LineText, z.T("ExplainNoCode", data)})
	}
	for i, code := range r.Codes {
		if i == maxCodes {
			break
		}
		d := with("Code", "AADSTS"+code)
		out = append(out, Line{LineHeading, z.T("ExplainHeading", d)})
		e, ok := Lookup(code)
		if !ok {
			out = append(out, Line{LineText, z.T("ExplainUnknown", d)},
				field("ExplainWho", z.T(ActorSupport.ActorID(), d)))
			continue
		}
		out = append(out,
			Line{LineText, z.T(e.MeaningID(), d)},
			field("ExplainWho", z.T(e.Actor.ActorID(), d)),
			field("ExplainWhat", z.T(e.DoID(), d)))
	}
	out = append(out, Line{LineHeading, z.T("ExplainSendHeading", data)})
	if r.CorrelationID == "" && r.Timestamp == "" {
		out = append(out, Line{LineText, z.T("ExplainNoDetails", data)})
	}
	if r.CorrelationID != "" {
		out = append(out, Line{LineField, labeled(z, z.T("ExplainCorrelation", data), r.CorrelationID)})
	}
	if r.Timestamp != "" {
		out = append(out, Line{LineField, labeled(z, z.T("ExplainTimestamp", data), r.Timestamp)})
	}
	return append(out, Line{LineContact, z.T("ExplainContacts", data)})
}

// labeled joins a label and its value with the language's colon (a no-break space before it in
// French), as package guide does for the guide's own fields.
func labeled(z *locales.Localizer, label, value string) string {
	if z.Lang() == locales.French {
		return label + "\u00a0: " + value
	}
	return label + ": " + value
}
