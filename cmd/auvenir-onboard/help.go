package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// writeHelp prints --help in z's language, one line per option, aligned.
func writeHelp(w io.Writer, z *locales.Localizer) {
	data := steps.Facts()
	fmt.Fprintln(w, z.T("Usage", data))
	fmt.Fprintln(w, z.T("UsageAbout", data))
	fmt.Fprintln(w)
	fmt.Fprintln(w, z.T("UsageOptions", data))
	// The value placeholders are words of the person's language; URL, N and none are not.
	values := strings.NewReplacer("TEXT", z.T("UsageValueText", data), "FILE", z.T("UsageValueFile", data))
	width := 0
	names := make([]string, len(flagDefs))
	for i, f := range flagDefs {
		names[i] = "--" + f.name
		if f.value != "" {
			names[i] += " " + values.Replace(f.value)
		}
		width = max(width, utf8.RuneCountInString(names[i]))
	}
	for i, f := range flagDefs {
		fmt.Fprintf(w, "  %s%s  %s\n", names[i], strings.Repeat(" ", width-utf8.RuneCountInString(names[i])), z.T(f.helpID, data))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, z.T("UsageSupport", data))
}
