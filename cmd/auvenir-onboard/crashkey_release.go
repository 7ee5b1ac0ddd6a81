//go:build !testseams

package main

// crashKey is the key that crashes the wizard on purpose, for the end-to-end test of a crash.
// Release builds have none: the variable that would set it is not even read (it is in
// crashkey_testseams.go, built only with -tags testseams, as the e2e tests build the binary).
func crashKey(func(string) string) string { return "" }
