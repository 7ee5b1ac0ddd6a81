//go:build race

package testtool

// raceEnabled: this test binary was built with -race, so the programs it builds are too.
const raceEnabled = true
