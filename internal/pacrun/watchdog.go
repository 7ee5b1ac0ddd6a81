package pacrun

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// Memory limits of the child. Real PAC scripts need a few megabytes. The operating system's
// limit (memoryLimit) is the hard one; the watchdog ends the child a little before it, naming
// the cause, and is the only limit where the system enforces none (macOS ignores RLIMIT_DATA
// for the memory Go maps). With the parent's own few tens of megabytes, the program stays
// under 300 MB whatever the script does.
const (
	memoryLimit   = 160<<20 + threadStacks + raceData // RLIMIT_DATA (Linux), the Job Object's process memory (Windows)
	watchdogLimit = 128 << 20                         // mapped and not returned to the system, as the Go runtime counts it
	gcGoal        = 96 << 20                          // the garbage collector works harder past this
	watchdogTick  = 5 * time.Millisecond
	// deadlineGrace is how long past its limit a call may run before the child ends itself:
	// goja is interrupted between instructions only, and a built-in may run long.
	deadlineGrace = 250 * time.Millisecond
)

type watchdog struct {
	deadline atomic.Int64 // unix nanoseconds; 0 when no call runs
}

func startWatchdog() *watchdog {
	debug.SetMemoryLimit(gcGoal)
	d := &watchdog{}
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	go func() {
		for range time.Tick(watchdogTick) {
			metrics.Read(samples)
			if samples[0].Value.Uint64()-samples[1].Value.Uint64() > watchdogLimit {
				os.Exit(exitMemory)
			}
			if dl := d.deadline.Load(); dl != 0 && time.Now().UnixNano() > dl {
				os.Exit(exitTimeout)
			}
		}
	}()
	return d
}

func (d *watchdog) arm(limit time.Duration) {
	d.deadline.Store(time.Now().Add(limit + deadlineGrace).UnixNano())
}

func (d *watchdog) disarm() { d.deadline.Store(0) }
