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
			for i, s := range m.walk.Screens() {
				if s.Key == key {
					m.show(i)
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

// BenchmarkScreenChange120x40 is the dearest frame: every iteration shows another screen, so the
// text is wrapped from scratch (no cache), as after a → key or a jump.
func BenchmarkScreenChange120x40(b *testing.B) {
	m, _ := newTest(locales.French, 120, 40)
	intro, step9 := 0, 0
	for i, s := range m.walk.Screens() {
		if s.Key == "step9" {
			step9 = i
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			m.show(step9)
		} else {
			m.show(intro)
		}
		i++
		_ = m.View()
	}
}
