package pacrun

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// sysProcAttr: nothing more. Pdeathsig is not used: Linux sends it when the parent's thread
// that started the child ends, and a Go program's threads may end (a goroutine that locked
// its thread); the child ends anyway when its standard input closes, which happens however
// the parent ends, SIGKILL included.
func sysProcAttr() *syscall.SysProcAttr { return nil }

func childEnv() []string { return nil }

// confine limits the child's data segment, which on Linux counts every private writable
// mapping: the heap the Go runtime maps, not the address space it reserves (RLIMIT_AS would
// stop Go from starting at all). Past it, the child's allocations fail and it ends.
func confine(c *child) error {
	p := c.cmd.Process
	lim := &unix.Rlimit{Cur: memoryLimit, Max: memoryLimit}
	return unix.Prlimit(p.Pid, unix.RLIMIT_DATA, lim, nil)
}
