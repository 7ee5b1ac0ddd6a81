//go:build !testseams

package main

// recordPath is empty in release builds: the screen can show a practice key, and secrets stay
// in memory, so a release never copies its output to a file (the variable is not even read;
// record_testseams.go has it).
func recordPath(func(string) string) string { return "" }
