//go:build !windows

package pacrun

// childOS: only Windows keeps something more of an evaluator (its Job Object).
type childOS struct{}

// release: nothing to close.
func (*childOS) release() {}
