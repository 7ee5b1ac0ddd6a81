package guide

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Markdown writes the whole guide (before you begin, the nine steps, the finish and the support
// contacts) in z's language, for the client and day of data (see DataFor), worded for paper: no
// key to press, and every sign-in path unless the client answered the step-2 question. It writes
// plain text only: no colour, no escape codes.
func Markdown(w io.Writer, z *locales.Localizer, data map[string]any) error {
	data = OnPaper(With(data))
	bw := bufio.NewWriter(w)
	line := func(s string) { bw.WriteString(s); bw.WriteByte('\n') }
	line("# " + z.T("AppName", data))
	for _, s := range steps.All() {
		line("")
		heading := Heading(z, s)
		if s.Kind == steps.KindStep {
			heading += " — " + Title(z, s, data)
		}
		line("## " + heading)
		if lead := Lead(z, s, data); lead != "" {
			line("")
			line("**" + inline(lead) + "**")
		}
		prevList := false
		// Links right under an item that announces them ("…allow the following URLs:") are
		// its sub-list, as the wizard indents them; at the top level they read as items of
		// their own, on a par with the warnings.
		nest := false
		for _, b := range Blocks(s, data) {
			text := inline(BlockText(z, b, data))
			list := b.Kind == steps.Bullet || b.Kind == steps.Link || b.Kind == steps.Contact ||
				b.Kind == steps.Warning || b.Kind == steps.StorePage
			if !list || !prevList {
				line("")
			}
			prevList = list
			if b.Kind != steps.Link {
				nest = (b.Kind == steps.Bullet || b.Kind == steps.Warning) && strings.HasSuffix(strings.TrimSpace(text), ":")
			}
			switch b.Kind {
			case steps.Heading:
				line("### " + text)
			case steps.Bullet, steps.Warning, steps.StorePage:
				line("- " + text)
			case steps.Link:
				if nest {
					line("  - <" + b.URL + ">")
				} else {
					line("- <" + b.URL + ">")
				}
			case steps.Contact:
				line("- [" + text + "](" + b.URL + ")")
			case steps.OnScreen:
				line("> " + text)
			case steps.Hint:
				line("*" + text + "*")
			default:
				line(text)
			}
		}
	}
	line("")
	line("---")
	line("")
	line(inline(z.T("FooterSupport", data)))
	return bw.Flush()
}

// inline makes one message Markdown that also reads right as plain text: URLs become autolinks,
// addresses and guest identities (anything with "@" or "#EXT#") become code spans, so their "_"
// and "#" need no backslash; only the characters Markdown would misread elsewhere are escaped.
func inline(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexFunc(s, isSpace)
		if i == 0 {
			_, n := utf8.DecodeRuneInString(s)
			b.WriteString(s[:n])
			s = s[n:]
			continue
		}
		if i < 0 {
			i = len(s)
		}
		b.WriteString(word(s[:i]))
		s = s[i:]
	}
	return b.String()
}

func isSpace(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' }

// word is one space-separated word of a message, in Markdown.
func word(w string) string {
	core := strings.TrimLeft(w, "(«“\"'<")
	lead := w[:len(w)-len(core)]
	core = strings.TrimRight(core, ".,;:!?)»”\"'>")
	trail := w[len(lead)+len(core):]
	switch {
	case strings.Contains(core, "://"):
		lead, trail = strings.TrimSuffix(lead, "<"), strings.TrimPrefix(trail, ">")
		return mdEscape(lead) + "<" + core + ">" + mdEscape(trail)
	case core == "#": // the phone key of Microsoft's call: a key to press, shown as one
		return mdEscape(lead) + "`#`" + mdEscape(trail)
	case strings.Contains(core, "@") || strings.Contains(core, "#EXT#"):
		if strings.HasSuffix(lead, "<") && strings.HasPrefix(trail, ">") {
			lead, core, trail = lead[:len(lead)-1], "<"+core+">", trail[1:]
		}
		return mdEscape(lead) + "`" + core + "`" + mdEscape(trail)
	}
	return mdEscape(w)
}

// mdEscape keeps the rest of the guide's text literal: "_", "*", "#", "<" and "`" would otherwise
// turn into emphasis, headings, tags or code in a Markdown viewer.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "_", `\_`, "*", `\*`, "#", `\#`, "<", `\<`, "`", "\\`")
	return r.Replace(s)
}
