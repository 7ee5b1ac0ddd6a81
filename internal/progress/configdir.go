package progress

import (
	"path/filepath"
	"strings"
)

// IDNoFolder is the message when no folder can be found to save progress in: the variable
// that names it is not set, or is not a full path.
const IDNoFolder = "ResumeNoFolder"

// ConfigDir is the user's configuration folder, as os.UserConfigDir finds it, from the
// environment getenv (the program's comes from cmd/, which alone reads the process's) on the
// system goos: %AppData% on Windows, ~/Library/Application Support on macOS, elsewhere
// $XDG_CONFIG_HOME or ~/.config. Unlike os.UserConfigDir, a relative XDG_CONFIG_HOME is ignored
// rather than fatal, as the XDG Base Directory Specification says ("If an implementation
// encounters a relative path in any of these variables it should consider the path invalid
// and ignore it"), and a relative HOME or %AppData% is refused rather than used: progress would
// be saved in whatever folder the program was started from. The error is an *Error whose Var
// names the variable to set.
func ConfigDir(goos string, getenv func(string) string) (string, error) {
	switch goos {
	case "windows":
		d := getenv("AppData")
		if !absolute(goos, d) {
			return "", &Error{ID: IDNoFolder, Var: "%AppData%", Err: errUnset(d)}
		}
		return d, nil
	case "darwin", "ios":
		home := getenv("HOME")
		if !absolute(goos, home) {
			return "", &Error{ID: IDNoFolder, Var: "HOME", Err: errUnset(home)}
		}
		return filepath.Join(home, "Library", "Application Support"), nil
	}
	if d := getenv("XDG_CONFIG_HOME"); absolute(goos, d) {
		return d, nil
	}
	home := getenv("HOME")
	if !absolute(goos, home) {
		return "", &Error{ID: IDNoFolder, Var: "HOME", Err: errUnset(home)}
	}
	return filepath.Join(home, ".config"), nil
}

// absolute reports whether p is a full path on goos, whatever system the tests run on.
func absolute(goos, p string) bool {
	if goos != "windows" {
		return strings.HasPrefix(p, "/")
	}
	// C:\Users\x\AppData\Roaming, or \\server\share\… (a roaming profile on a share).
	return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') ||
		strings.HasPrefix(p, `\\`) || strings.HasPrefix(p, "//")
}

type unsetError string

func (e unsetError) Error() string { return string(e) }

func errUnset(v string) error {
	if v == "" {
		return unsetError("not set")
	}
	return unsetError("not a full path: " + v)
}
