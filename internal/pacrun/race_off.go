//go:build !race

package pacrun

// raceData: no race detector, no shadow memory to make room for.
const raceData = 0
