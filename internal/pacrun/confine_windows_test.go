package pacrun

import (
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// The evaluator runs in a Job Object whose process memory limit is memoryLimit, and closing the
// job (release, or the parent ending however it ends) kills it.
func TestEvaluatorIsInALimitedJob(t *testing.T) {
	c, err := startChild()
	if err != nil {
		t.Fatal(err)
	}
	defer c.kill()
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_INFORMATION|windows.SYNCHRONIZE, false, uint32(c.cmd.Process.Pid))
	if err != nil {
		t.Fatal(err)
	}
	defer windows.CloseHandle(h)
	var in int32
	isProcessInJob := windows.NewLazySystemDLL("kernel32.dll").NewProc("IsProcessInJob")
	if r, _, err := isProcessInJob.Call(uintptr(h), uintptr(c.job), uintptr(unsafe.Pointer(&in))); r == 0 || in == 0 {
		t.Fatalf("in its job: %d, %v", in, err)
	}
	var info windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION
	if err := windows.QueryInformationJobObject(c.job, windows.JobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info)), nil); err != nil {
		t.Fatal(err)
	}
	want := uint32(windows.JOB_OBJECT_LIMIT_PROCESS_MEMORY | windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE)
	switch {
	case underWine():
		// Wine (8.0) accepts the limits but reports none back, and does not enforce the memory
		// one: there the watchdog is the limit. Said, not hidden: the kill on close is still
		// checked below.
		t.Logf("under wine: job limits reported as flags %#x, memory %d (not stored by wine)",
			info.BasicLimitInformation.LimitFlags, info.ProcessMemoryLimit)
	case info.BasicLimitInformation.LimitFlags&want != want || info.ProcessMemoryLimit != memoryLimit:
		t.Errorf("flags %#x, memory %d", info.BasicLimitInformation.LimitFlags, info.ProcessMemoryLimit)
	}
	c.release() // closing the job's only handle: the child must go, without being killed otherwise
	if ev, _ := windows.WaitForSingleObject(h, 10_000); ev != windows.WAIT_OBJECT_0 {
		t.Fatal("the evaluator outlived its job")
	}
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
		t.Fatal("not reaped")
	}
}

// underWine: wine's ntdll exports wine_get_version, Windows' does not.
func underWine() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}
