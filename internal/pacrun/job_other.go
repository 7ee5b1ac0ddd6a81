//go:build !windows

package pacrun

// jobHandle: only Windows confines with a Job Object.
type jobHandle = struct{}
