package plain

import (
	"github.com/auvenir/auvenir-onboard/internal/guide"
	"github.com/auvenir/auvenir-onboard/steps"
)

// storeLines name Microsoft's own store pages of the app on step 9, as the TUI does, so a
// client who searches the store by name does not pick a look-alike. Plain mode has no QR code
// and no OSC 8 link: each address is written in full, to type or for the terminal to detect.
func (s *session) storeLines() []string {
	d := s.data()
	lines := []string{s.z.T("Step9GetAppHeading", d), s.z.T("Step9GetApp", d)}
	for _, st := range steps.Stores() {
		lines = append(lines, "- "+guide.Labelled(s.z, st.Name+" "+s.z.T(st.DeviceID, d), st.URL))
	}
	return lines
}
