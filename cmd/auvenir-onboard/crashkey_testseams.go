//go:build testseams

package main

// crashKey is AUVENIR_ONBOARD_PANIC_KEY, in builds made with -tags testseams only (the e2e
// tests' build): the test of a crash presses it to prove the terminal is restored and one line
// with the support contacts is printed instead of a stack trace.
func crashKey(getenv func(string) string) string { return getenv("AUVENIR_ONBOARD_PANIC_KEY") }
