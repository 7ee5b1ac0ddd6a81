package tui

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"

	"github.com/auvenir/auvenir-onboard/internal/sanitize"
)

// cleanInput takes out of a text field what a terminal would obey or reorder: the bidi
// overrides, isolates and marks (a pasted U+202E would show the guest identity reversed on a
// bidi-capable terminal) and any control the field's own filter kept. The field's filter
// removes C0 and C1 controls, but not these format characters, and it cannot be given another:
// so the value is cleaned after each change, whatever brought the text (keys, a paste, ctrl+v's
// read of the clipboard, SetValue), and the cursor keeps its place among what remains. What
// the field holds is then what it draws. Other characters that cannot be seen (zero-width
// spaces, the BOM) stay, for the address check to refuse with its usual message.
func cleanInput(in *textinput.Model) {
	v := in.Value()
	if sanitize.Text(v) == v { // the common case, without allocating
		return
	}
	runes := []rune(v)
	pos := min(in.Position(), len(runes))
	head := sanitize.Text(string(runes[:pos]))
	in.SetValue(head + sanitize.Text(string(runes[pos:])))
	in.SetCursor(utf8.RuneCountInString(head))
}
