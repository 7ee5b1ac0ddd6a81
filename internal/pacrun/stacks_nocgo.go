//go:build !cgo

package pacrun

// threadStacks: without cgo, Go threads' stacks come from the Go heap, already counted.
const threadStacks = 0
