package tui

import (
	"testing"

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
