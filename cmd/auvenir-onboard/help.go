package main

import (
	"fmt"
	"io"
	"strings"

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
	width := 0
	names := make([]string, len(flagDefs))
	for i, f := range flagDefs {
		names[i] = "--" + f.name
		if f.value != "" {
			names[i] += " " + f.value
		}
		width = max(width, len(names[i]))
	}
	for i, f := range flagDefs {
		fmt.Fprintf(w, "  %s%s  %s\n", names[i], strings.Repeat(" ", width-len(names[i])), z.T(f.helpID, data))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, z.T("UsageSupport", data))
}
