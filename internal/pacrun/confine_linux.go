package pacrun

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// sysProcAttr: the child is killed when the parent's thread that started it ends (the parent
// killed with SIGKILL, which it cannot catch).
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

func childEnv() []string { return nil }

// confine limits the child's data segment, which on Linux counts every private writable
// mapping: the heap the Go runtime maps, not the address space it reserves (RLIMIT_AS would
// stop Go from starting at all). Past it, the child's allocations fail and it ends.
func confine(c *child) error {
	p := c.cmd.Process
	lim := &unix.Rlimit{Cur: memoryLimit, Max: memoryLimit}
	return unix.Prlimit(p.Pid, unix.RLIMIT_DATA, lim, nil)
}
