//go:build windows

package proxy

// SSPI's server side, for the external test that signs in through the probe.
type SSPIContextForTest = sspiContext

// NewSSPIContextForTest is newSSPIContext.
func NewSSPIContextForTest(pkg, target string, server bool) (*sspiContext, error) {
	return newSSPIContext(pkg, target, server)
}

// Step is step.
func (s *sspiContext) Step(in []byte) ([]byte, bool, error) { return s.step(in) }
