package sanitize

import (
	"bytes"
	"fmt"
)

// EscapeC1 rewrites the C1 control characters (U+0080–U+009F) of a JSON document as \u escapes.
// encoding/json escapes C0 controls but writes C1 ones as they are, and U+009B is a control
// sequence introducer to a terminal that reads UTF-8 C1 controls. In JSON they can only be inside
// strings, where the escape means the same character, so the document's meaning is unchanged.
func EscapeC1(doc []byte) []byte {
	if !bytes.Contains(doc, []byte{0xc2}) {
		return doc
	}
	out := make([]byte, 0, len(doc)+16)
	for i := 0; i < len(doc); i++ {
		if doc[i] == 0xc2 && i+1 < len(doc) && doc[i+1] >= 0x80 && doc[i+1] <= 0x9f {
			out = fmt.Appendf(out, `\u%04x`, doc[i+1])
			i++
			continue
		}
		out = append(out, doc[i])
	}
	return out
}
