// Package textin is the one way the program reads text that a person or another program
// wrote: standard input for --explain - and --show-qr, and the files it is given. Windows
// writes text its own ways: Windows PowerShell 5.1's ">" (Out-File's default) writes UTF-16 LE
// with a byte order mark, and its "Out-File -Encoding utf8" writes UTF-8 after a BOM. Both are
// read here as the UTF-8 they stand for; text without a BOM passes through byte for byte, so
// the caller still judges it (invalid UTF-8 stays invalid, to be refused as "not text").
package textin

import (
	"io"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// decoder follows a BOM (UTF-8, UTF-16 LE or BE) and drops it; without one it changes nothing.
func decoder() transform.Transformer {
	return unicode.BOMOverride(encoding.Nop.NewDecoder())
}

// NewReader reads r as UTF-8 text. A limit the caller sets on what it reads from this reader
// bounds the decoded text, and so what is read from r (UTF-16 is at most twice as long).
func NewReader(r io.Reader) io.Reader { return transform.NewReader(r, decoder()) }

// Decode is raw, a whole file, as UTF-8 text.
func Decode(raw []byte) []byte {
	out, _, err := transform.Bytes(decoder(), raw)
	if err != nil {
		return raw // not reached: the decoders replace what they cannot read
	}
	return out
}
