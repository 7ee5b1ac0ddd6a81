//go:build testseams

package main

// recordPath is AUVENIR_ONBOARD_RECORD_OUTPUT, in builds made with -tags testseams only (the e2e
// tests' builds): a file that receives a copy of every byte the wizard writes to the terminal
// (internal/termrecord). The wine test reads in it what the Windows build sends to the console,
// which wine's own console otherwise redraws its own way before a terminal sees it.
func recordPath(getenv func(string) string) string { return getenv("AUVENIR_ONBOARD_RECORD_OUTPUT") }
