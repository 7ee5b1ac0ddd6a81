//go:build !linux && !windows

package pacrun

import (
	"syscall"
)

func sysProcAttr() *syscall.SysProcAttr { return nil }

func childEnv() []string { return nil }

// confine: macOS enforces no data limit on the memory Go maps; the child's watchdog, and the
// parent's kill at the deadline, are the limits there.
func confine(*child) error { return nil }
