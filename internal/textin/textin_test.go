package textin

import (
	"bytes"
	"io"
	"testing"
	"unicode/utf16"
)

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16be(s string) []byte {
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

// What PowerShell 5.1 writes is read as the text it stands for; text without a BOM, valid or
// not, passes untouched for the caller to judge.
func TestDecode(t *testing.T) {
	const text = "AADSTS50020: l'adresse « é » 🙂\r\n"
	cases := map[string][]byte{
		"UTF-8":         []byte(text),
		"UTF-8 BOM":     append([]byte{0xef, 0xbb, 0xbf}, text...),
		"UTF-16 LE BOM": utf16le(text, true),
		"UTF-16 BE BOM": utf16be(text),
	}
	for name, raw := range cases {
		if got := string(Decode(raw)); got != text {
			t.Errorf("%s: Decode = %q", name, got)
		}
		got, err := io.ReadAll(NewReader(bytes.NewReader(raw)))
		if err != nil || string(got) != text {
			t.Errorf("%s: NewReader = %q, %v", name, got, err)
		}
	}
	for _, raw := range [][]byte{{0xff, 0x00, 0x41}, {0x00, 0x01, 0x1b}, utf16le("no bom", false), {}} {
		if got := Decode(raw); !bytes.Equal(got, raw) {
			t.Errorf("Decode(%x) = %x: text without a BOM changed", raw, got)
		}
	}
}

// A limit on the decoded text bounds the read, however long the input.
func TestReaderLimit(t *testing.T) {
	big := utf16le(string(bytes.Repeat([]byte("x"), 1<<20)), true)
	got, err := io.ReadAll(io.LimitReader(NewReader(bytes.NewReader(big)), 100))
	if err != nil || len(got) != 100 {
		t.Fatalf("read %d bytes, %v", len(got), err)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte{0xff, 0xfe, 'a', 0})
	f.Add([]byte{0xef, 0xbb, 0xbf, 'a'})
	f.Add([]byte{0xfe, 0xff, 0xd8, 0x00})
	f.Fuzz(func(t *testing.T, raw []byte) {
		out := Decode(raw)
		r, err := io.ReadAll(NewReader(bytes.NewReader(raw)))
		if err != nil || !bytes.Equal(r, out) {
			t.Fatalf("reader %q (%v) and Decode %q differ", r, err, out)
		}
	})
}
