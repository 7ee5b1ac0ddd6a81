package tui

import (
	"bytes"
	"crypto/sha1"
	"io"
	"strings"
	"testing"

	"github.com/auvenir/auvenir-onboard/internal/screenqr"
	"github.com/auvenir/auvenir-onboard/internal/testtool"
	"github.com/auvenir/auvenir-onboard/internal/totp"
	"github.com/auvenir/auvenir-onboard/locales"
)

// fixedRand gives the practice key the same 160 bits on every run, so golden frames are stable.
func fixedRand() io.Reader {
	sum := sha1.Sum([]byte("auvenir-onboard practice key for tests"))
	return bytes.NewReader(sum[:])
}

// fixedSecret is the base32 key fixedRand gives.
func fixedSecret(t *testing.T) string {
	t.Helper()
	p, err := totp.NewPracticeFrom(locales.New(locales.English), "", fixedRand())
	if err != nil {
		t.Fatal(err)
	}
	return p.Secret()
}

// scanFrame reads the QR codes of a frame (with its colours, if any) as a phone would on a light
// or dark terminal: only dark modules on a light background decode. What has no colour of its
// own takes the terminal's.
func scanFrame(t *testing.T, frame string, light bool) []string {
	t.Helper()
	testtool.Need(t, "zbarimg")
	th := screenqr.Dark
	if light {
		th = screenqr.Light
	}
	got, err := screenqr.ScanANSI(strings.ReplaceAll(frame, "\u00a0", " "), th)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// invertFrame swaps what the terminal would paint in each half cell, as a photo's negative.
func invertFrame(frame string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '█':
			return ' '
		case '▀':
			return '▄'
		case '▄':
			return '▀'
		case ' ':
			return '█'
		}
		return r
	}, frame)
}
