package explain

import (
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/auvenir/auvenir-onboard/internal/textin"
	"github.com/auvenir/auvenir-onboard/locales"
)

// MaxInput bounds what is read and searched. Microsoft's error page copied whole is a few
// kilobytes; 64 KiB leaves room for a pasted log while keeping a mistaken file or stream out.
const MaxInput = 64 << 10

// Refusals of input that cannot be a pasted error message. Each is one line, in the person's
// language; --explain exits 2 after printing it.
var (
	ErrEmpty = &locales.Error{ID: "ExplainErrEmpty"}
	// ErrEmptyWizard is ErrEmpty as the wizard's explainer says it: the person pastes into a
	// field there, and advice about command-line options would only confuse them.
	ErrEmptyWizard = &locales.Error{ID: "ExplainErrEmptyWizard"}
	ErrTooLong     = &locales.Error{ID: "ExplainErrTooLong", Data: map[string]any{"Max": MaxInput / 1024}}
	ErrBinary      = &locales.Error{ID: "ExplainErrBinary"}
	ErrRead        = &locales.Error{ID: "ExplainErrRead"}
)

// Report is what was found in a pasted text.
type Report struct {
	Codes         []string // the digits of each AADSTS code, in order of appearance, once each
	CorrelationID string   // empty when absent
	Timestamp     string   // as written in the text, empty when absent
}

// The patterns are lenient about the punctuation around a value (": ", "=", JSON quotes) because
// the same facts arrive as Microsoft's page text, as a one-line message, or as an app's JSON.
// The French names are accepted too, for a page shown in French.
var (
	codeRE        = regexp.MustCompile(`(?i)AADSTS ?(\d{4,8})`)
	jsonCodesRE   = regexp.MustCompile(`"error_codes"\s*:\s*\[\s*(\d{4,8})`)
	guid          = `([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})`
	correlationRE = regexp.MustCompile(`(?i)(?:correlation[ _-]?id|id de corr[ée]lation)["']?\s*[:=]?\s*["']?` + guid)
	timestampRE   = regexp.MustCompile(`(?i)(?:timestamp|horodatage)["']?\s*[:=]?\s*["']?` +
		`(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?Z?)`)
)

// Read takes the text from r (standard input for `--explain -`), refusing more than MaxInput.
func Read(r io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(textin.NewReader(r), MaxInput+1))
	if err != nil {
		return "", ErrRead.With(map[string]any{"Err": err.Error()})
	}
	if len(b) > MaxInput {
		return "", ErrTooLong
	}
	return string(b), nil
}

// Parse checks that text can be a pasted message and finds the codes and details in it.
// A text without any code is not an error: the answer then says so.
func Parse(text string) (Report, error) {
	switch {
	case len(text) > MaxInput:
		return Report{}, ErrTooLong
	case !utf8.ValidString(text) || hasControl(text):
		return Report{}, ErrBinary
	case strings.TrimSpace(text) == "":
		return Report{}, ErrEmpty
	}
	var r Report
	seen := map[string]bool{}
	add := func(code string) {
		code = strings.TrimLeft(code, "0")
		if code != "" && !seen[code] {
			seen[code] = true
			r.Codes = append(r.Codes, code)
		}
	}
	// Codes are taken in the order they appear, whichever form they take.
	type hit struct {
		at   int
		code string
	}
	var hits []hit
	for _, re := range []*regexp.Regexp{codeRE, jsonCodesRE} {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			hits = append(hits, hit{m[2], text[m[2]:m[3]]})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	for _, h := range hits {
		add(h.code)
	}
	if m := correlationRE.FindStringSubmatch(text); m != nil {
		r.CorrelationID = strings.ToLower(m[1])
	}
	if m := timestampRE.FindStringSubmatch(text); m != nil {
		r.Timestamp = m[1]
	}
	return r, nil
}

// hasControl reports characters no pasted text contains: NUL and the other C0 controls except
// tab, line feed, carriage return and form feed, and DEL.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f {
			return true
		}
	}
	return false
}
