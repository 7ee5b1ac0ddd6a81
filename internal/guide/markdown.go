package guide

import (
	"bufio"
	"io"
	"strings"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// Markdown writes the whole guide (before you begin, the nine steps, the finish and the support
// contacts) in z's language. It writes plain text only: no colour, no escape codes.
func Markdown(w io.Writer, z *locales.Localizer, email string) error {
	bw := bufio.NewWriter(w)
	data := Data(email)
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
			line("**" + lead + "**")
		}
		prevList := false
		for _, b := range s.Blocks {
			text := mdEscape(BlockText(z, b, data))
			list := b.Kind == steps.Bullet || b.Kind == steps.Link || b.Kind == steps.Contact ||
				b.Kind == steps.Warning
			if !list || !prevList {
				line("")
			}
			prevList = list
			switch b.Kind {
			case steps.Heading:
				line("### " + text)
			case steps.Bullet, steps.Warning:
				line("- " + text)
			case steps.Link:
				line("- <" + b.URL + ">")
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
	line(z.T("FooterSupport", data))
	return bw.Flush()
}

// mdEscape keeps the guide's literal text literal: the guest identity's underscores and "#"
// would otherwise turn into emphasis or headings in a Markdown viewer.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "_", `\_`, "*", `\*`, "#", `\#`, "<", `\<`, "`", "\\`")
	return r.Replace(s)
}
