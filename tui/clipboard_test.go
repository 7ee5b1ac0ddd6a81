package tui

import (
	"errors"
	"testing"

	"github.com/atotto/clipboard"
)

// The system clipboard, where the machine has one, takes the text and gives it back. The wine
// lane runs this in the Windows build (the Windows clipboard API); on Linux it needs a display
// and xclip, xsel or wl-copy.
func TestSystemClipboardRoundTrip(t *testing.T) {
	const text = "jane_firm.ca#EXT#@DMCHosting.onmicrosoft.com"
	err := systemClipboard(text)
	if errors.Is(err, errNoClipboard) {
		t.Skip("this machine has no system clipboard (no display, or no clipboard program)")
	}
	if err != nil {
		t.Fatalf("copy: %v", err)
	}
	got, err := clipboard.ReadAll()
	if err != nil || got != text {
		t.Fatalf("read back %q (%v)", got, err)
	}
}
