package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/locales"
)

// BenchmarkPasteKeyInFullAddress is one key of a long unbracketed paste once the address field
// is full: the key changes nothing and must cost next to nothing.
func BenchmarkPasteKeyInFullAddress(b *testing.B) {
	m, _ := newTest(locales.English, 80, 24)
	m = press(m, "next")
	for range 260 {
		m = send(m, tea.KeyPressMsg{Code: 'a', Text: "a"})
	}
	k := tea.KeyPressMsg{Code: 'b', Text: "b"}
	b.ReportAllocs()
	for b.Loop() {
		next, _ := m.Update(k)
		m = next.(Model)
	}
}
