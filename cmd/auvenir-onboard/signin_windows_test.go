//go:build windows

package main

func systemSignIn() bool { return true }
