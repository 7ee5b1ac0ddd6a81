//go:build cgo

package pacrun

// threadStacks: with cgo (test binaries on CI; never the release, built without it), every
// thread of the child has an 8 MiB C stack that RLIMIT_DATA counts although little of it is
// ever touched; the limit makes room for a few of them.
const threadStacks = 64 << 20
