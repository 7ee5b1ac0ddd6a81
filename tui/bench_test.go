package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/auvenir/auvenir-onboard/locales"
)

// BenchmarkFrame120x40 renders each screen at 120×40 from scratch (text layout and frame), the
// work a key press or a resize costs. The budget is 1 ms a frame.
func BenchmarkFrame120x40(b *testing.B) {
	for _, key := range []string{"intro", "step6", "step9", "finish"} {
		b.Run(key, func(b *testing.B) {
			m, _ := newTest(locales.French, 120, 40)
			for i, s := range m.screens {
				if s.Key == key {
					m.goTo(i, false)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				m.refresh()
				_ = m.View()
			}
		})
	}
}

// A key in the practice's code field recomposes the frame; the QR code is drawn once and kept.
func BenchmarkPracticeKey(b *testing.B) {
	m := New(Config{Lang: locales.English, LangKnown: true, Practice: true, practiceRand: fixedRand()})
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	b.ReportAllocs()
	for b.Loop() {
		m = press(m, "1", "backspace")
	}
}

// The first frame of the practice: the key, its URI and its QR code.
func BenchmarkPracticeOpen(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m := New(Config{Lang: locales.English, LangKnown: true, Practice: true})
		send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	}
}
