//go:build race

package pacrun

// raceData: a race-detector build (CI's race run; never the release) maps shadow memory for
// everything the Go heap holds, which RLIMIT_DATA counts; the system limit is raised for it,
// and the watchdog, which counts the Go heap only, stays the limit that acts.
const raceData = 8 << 30
