package pacrun

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

func sysProcAttr() *syscall.SysProcAttr {
	// No console window of its own for a child of a program double-clicked in one.
	return &syscall.SysProcAttr{HideWindow: true}
}

// childEnv: the Go runtime on Windows needs SYSTEMROOT to load system libraries.
func childEnv() []string {
	if d, err := windows.GetSystemWindowsDirectory(); err == nil {
		return []string{"SYSTEMROOT=" + d}
	}
	return nil
}

// confine puts the child in a Job Object that limits its committed memory and kills it when the
// job's last handle closes: at release, or when the parent ends however it ends.
func confine(c *child) error {
	p := c.cmd.Process
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return err
	}
	info := windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION{
		BasicLimitInformation: windows.JOBOBJECT_BASIC_LIMIT_INFORMATION{
			LimitFlags: windows.JOB_OBJECT_LIMIT_PROCESS_MEMORY | windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE |
				windows.JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION,
		},
		ProcessMemoryLimit: memoryLimit,
	}
	if _, err := windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info))); err != nil {
		windows.CloseHandle(job)
		return err
	}
	h, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE, false, uint32(p.Pid))
	if err != nil {
		windows.CloseHandle(job)
		return err
	}
	defer windows.CloseHandle(h)
	if err := windows.AssignProcessToJobObject(job, h); err != nil {
		windows.CloseHandle(job)
		return err
	}
	c.job = job
	return nil
}

// release closes the job: the evaluator, if it still runs, goes with it.
func (o *childOS) release() {
	if o.job != 0 {
		windows.CloseHandle(o.job)
		o.job = 0
	}
}
