// Package pacrun runs proxy auto-config (PAC) scripts where they cannot hurt the program: in a
// child process of this same binary, confined by the operating system.
//
// Why a child process rather than capped built-ins: a PAC file is served by the network
// (WPAD, DHCP, the PAC server), so whoever controls those controls the script. The JavaScript
// engine (goja) can be interrupted only between bytecode instructions; one built-in call
// ("x".repeat(1.5e9), new Array(1e9).join("x")) runs to its end, and goja has no memory limit
// at all. Capping the allocating built-ins one by one leaves every other path open (string
// doubling, memory kept across calls, sort, JSON, RegExp, typed arrays…). Chromium runs PAC in
// a separate utility process for the same reason. Here the child gets an operating-system
// memory limit (Linux: RLIMIT_DATA set with prlimit, which counts the heap Go actually maps and
// not the address space it reserves, so Go starts under it; Windows: a Job Object with
// JOB_OBJECT_LIMIT_PROCESS_MEMORY and KILL_ON_JOB_CLOSE), a watchdog inside it that exits when
// the mapped memory passes the limit (the only guard on systems without an enforced limit,
// macOS), and the parent kills it at the deadline or when the run is cancelled (a signal).
// Whatever the script does, the parent only waits on a channel it can leave. The Go helpers
// (shExpMatch, sortIpAddressList…) also cap their inputs, so that an ordinary script fails
// fast with a named reason instead of being killed at its deadline.
//
// The child is this binary started with ChildEnv set: the command's main calls Main first
// (never shown in --help), and so do the TestMain functions of the test binaries that evaluate
// PAC scripts. It speaks JSON lines on its standard input and output: the parent sends the
// script and one call at a time, and answers its questions (name lookups, the computer's own
// addresses), which keeps the name cache and the test resolvers in the parent.
package pacrun
