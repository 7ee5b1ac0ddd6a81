//go:build !(aix || darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris || zos || windows)

package termecho

import "errors"

// off has no terminal settings to change on other systems (Plan 9, js, wasip1): what is typed
// stays visible there, and the caller hears why.
func off(uintptr) (func(), error) { return nil, errors.ErrUnsupported }
