package qr

// fallbacks are tried in order when the preferred drawing does not fit the window: a clean
// terminal screen loses no modules, so low error correction costs nothing, and a 2-module quiet
// zone still scans (TestFitFallbacksScan) while saving 2 rows and 4 columns.
var fallbacks = []Options{{Level: Low}, {Level: Low, QuietZone: 2}}

// Fit draws text with o if the result fits in maxW×maxH cells, else with the first fallback
// (lower error correction, then a smaller quiet zone) that fits. When nothing fits it returns
// ErrTooSmall, whose Data holds the smallest size that would work (W, H) — what the UI asks the
// person to make the window — together with that smallest rendering. ErrTooLong only when no
// level can hold the text.
func Fit(text string, o Options, maxW, maxH int) (Rendering, error) {
	tries := []Options{o}
	for _, f := range fallbacks {
		f.Background, f.Invert, f.Colour = o.Background, o.Invert, o.Colour
		tries = append(tries, f)
	}
	var smallest Rendering
	var err error
	for _, t := range tries {
		var r Rendering
		r, err = Render(text, t)
		if err != nil {
			continue
		}
		if r.Width <= maxW && r.Height <= maxH {
			return r, nil
		}
		if smallest.Text == "" || r.Width*r.Height < smallest.Width*smallest.Height {
			smallest = r
		}
	}
	if smallest.Text == "" {
		return Rendering{}, err
	}
	return smallest, newError(ErrTooSmall, map[string]any{"W": smallest.Width, "H": smallest.Height})
}
