package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
)

// --help names --proxy's default as the check takes it on each system: the proxy variables
// everywhere, then on Windows and macOS the system's settings and PAC (it said "the proxy
// variables of the environment" on every system). Both languages.
func TestHelpProxyDefaultPerSystem(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		goos      string
		lang      locales.Lang
		want, not string
	}{
		{"linux", locales.English, "(default: the proxy variables of the environment, HTTPS_PROXY and HTTP_PROXY)", "PAC"},
		{"windows", locales.English, "otherwise this computer's proxy settings and their automatic configuration (PAC)", "of the environment"},
		{"darwin", locales.English, "otherwise this Mac's network proxy settings and their automatic configuration (PAC)", "of the environment"},
		{"linux", locales.French, "(par défaut\u00a0: les variables de mandataire de l'environnement, HTTPS_PROXY et HTTP_PROXY)", "PAC"},
		{"windows", locales.French, "sinon les paramètres de mandataire de cet ordinateur et leur configuration automatique (PAC)", "de l'environnement"},
		{"darwin", locales.French, "sinon les réglages de mandataire réseau de ce Mac et leur configuration automatique (PAC)", "de l'environnement"},
	} {
		var b bytes.Buffer
		writeHelp(&b, locales.New(c.lang), c.goos)
		var line string
		for _, l := range strings.Split(b.String(), "\n") {
			if strings.Contains(l, "--proxy ") {
				line = l
			}
		}
		if !strings.Contains(line, c.want) || strings.Contains(line, c.not) {
			t.Errorf("%s, %s: --proxy reads %q; want %q, without %q", c.goos, c.lang, line, c.want, c.not)
		}
	}
}
