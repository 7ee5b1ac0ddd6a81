package tui

import (
	"testing"

	"github.com/auvenir/auvenir-onboard/locales"
)

// BenchmarkPresenterFrame120x40 is BenchmarkFrame120x40 in presenter mode, with an address to
// mask: the big step number and the masking must keep a frame under 1 ms.
func BenchmarkPresenterFrame120x40(b *testing.B) {
	m, _ := newWith(Config{Presenter: true, Lang: locales.French, Email: "jane.doe@firm.ca", Step: 7}, 120, 40)
	b.ReportAllocs()
	for b.Loop() {
		m.refresh()
		_ = m.View()
	}
}
