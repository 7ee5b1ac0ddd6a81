package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/auvenir/auvenir-onboard/locales"
)

// powershell51 is text as Windows PowerShell 5.1 writes it: "utf8" is Out-File -Encoding utf8
// (UTF-8 after a BOM), "utf16" is ">" and Out-File's default (UTF-16 LE after a BOM).
func powershell51(text, enc string) []byte {
	if enc == "utf8" {
		return append([]byte{0xef, 0xbb, 0xbf}, text...)
	}
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(strings.ReplaceAll(text, "\n", "\r\n"))) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// Issue 22 item 7: --explain - reads an error message saved by PowerShell 5.1, in UTF-16 or
// UTF-8 with a BOM, as the text it is.
func TestExplainReadsPowerShellFiles(t *testing.T) {
	t.Parallel()
	page := "Désolé, nous ne parvenons pas à vous connecter.\nAADSTS500212: NotAllowedByOutboundPolicyTenant\n" +
		"Correlation Id: fcc0a98c-f61e-46c4-97e1-a51c69a1bb94\n"
	for _, enc := range []string{"utf8", "utf16"} {
		s, out, errb := testStreams(t, nil, false, bytes.NewReader(powershell51(page, enc)))
		if code := runExplain(s, "-", locales.New(locales.English)); code != 0 || errb.Len() != 0 ||
			!strings.Contains(out.String(), "AADSTS500212") || !strings.Contains(out.String(), "fcc0a98c-f61e-46c4-97e1-a51c69a1bb94") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", enc, code, out.String(), errb.String())
		}
	}
}

// --show-qr takes a key file that starts with a BOM: the key is read (the refusal is then
// only that no terminal could be opened), not refused as "not a valid otpauth address".
func TestShowQRReadsPowerShellFiles(t *testing.T) {
	t.Parallel()
	for _, enc := range []string{"utf8", "utf16"} {
		code, out, errs := showQR(t, bytes.NewReader(powershell51(goodURI, enc)), false, noTerminal, "--lang", "en")
		if code != 2 || out != "" || !strings.Contains(errs, "--show-qr needs a terminal") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", enc, code, out, errs)
		}
	}
}
