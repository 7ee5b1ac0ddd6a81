package pacrun

import "golang.org/x/sys/windows"

// childOS is what Windows keeps of an evaluator: the Job Object that confines it.
type childOS struct{ job windows.Handle }
