//go:build !linux

package pacrun

// selfPeakRSS is not measured outside Linux.
func selfPeakRSS() int64 { return 0 }
