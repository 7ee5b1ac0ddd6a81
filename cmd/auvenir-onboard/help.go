package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/auvenir/auvenir-onboard/steps"
)

// writeHelp prints --help in z's language, one line per option, aligned, as it is on goos.
func writeHelp(w io.Writer, z *locales.Localizer, goos string) {
	data := steps.Facts()
	// Where the check's proxy comes from without --proxy differs by system: the variables, then
	// on Windows and macOS the system's settings and their automatic configuration (PAC).
	data["ProxyDefault"] = z.T(proxyDefaultID(goos), data)
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

// proxyDefaultID is the words for --proxy's default on goos (netcheck.SystemProxySettings reads
// settings on Windows and macOS only).
func proxyDefaultID(goos string) string {
	switch goos {
	case "windows":
		return "FlagProxyDefaultWindows"
	case "darwin":
		return "FlagProxyDefaultMac"
	}
	return "FlagProxyDefaultEnv"
}
