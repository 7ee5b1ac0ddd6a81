package progress

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// FileName is the state file inside the store's directory.
const FileName = "progress.json"

// maxSize bounds what Load reads: the real file is a few hundred bytes, and a huge file in its
// place is damage, not progress.
const maxSize = 16 << 10

const tempPattern = ".progress-*.tmp"

// Store is the directory that holds the state file.
type Store struct {
	Dir string
	// beforeRename lets the tests fail a save between writing the temporary file and putting it
	// in place, the moment a crash or a full disk would.
	beforeRename func(tmp *os.File) error
	// Now is the clock Load checks the code timer against; nil is time.Now.
	Now func() time.Time
}

// DirUnder is the program's folder in the configuration directory config.
func DirUnder(config string) string { return filepath.Join(config, "auvenir-onboard") }

// Path is the state file's full name.
func (s Store) Path() string { return filepath.Join(s.Dir, FileName) }

// Load reads the saved progress. found is false when there is none. A file that cannot be used
// gives an *Error whose ID is the locale message to print; the caller prints it and carries on.
func (s Store) Load() (st State, found bool, err error) {
	path := s.Path()
	info, err := os.Stat(path)
	switch {
	case err != nil:
		if b := blocker(s.Dir); b != "" {
			return State{}, false, &Error{ID: IDBlocked, Path: path, Blocker: b, Err: err}
		}
		if errors.Is(err, fs.ErrNotExist) {
			return State{}, false, nil
		}
		return State{}, false, &Error{ID: IDUnreadable, Path: path, Err: err}
	case !info.Mode().IsRegular():
		// A FIFO would block the open for ever; a directory cannot be progress.
		return State{}, false, &Error{ID: IDNotFile, Path: path, Err: fmt.Errorf("not a regular file")}
	}
	f, err := os.Open(path)
	if err != nil {
		return State{}, false, &Error{ID: IDUnreadable, Path: path, Err: err}
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return State{}, false, &Error{ID: IDUnreadable, Path: path, Err: err}
	}
	st, err = decode(raw)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.Path = path
			return State{}, false, e
		}
		return State{}, false, &Error{ID: IDCorrupt, Path: path, Err: err}
	}
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	if st.CodeSent.After(now()) {
		// A timer started in the future: the clock was put back since, or the file was edited.
		// How long the code still works is unknown, so the timer is dropped, and the person
		// starts it again when they ask for a new code.
		st.CodeSent = time.Time{}
	}
	return st, true, nil
}

// decode reads the version first, so a newer program's file is reported as such even when its
// fields have changed, then reads the rest strictly.
func decode(raw []byte) (State, error) {
	if len(raw) > maxSize {
		return State{}, fmt.Errorf("larger than %d bytes", maxSize)
	}
	var probe struct {
		Version int `json:"version"`
	}
	if err := json.Unmarshal(raw, &probe); err != nil {
		return State{}, err
	}
	if probe.Version > Version {
		return State{}, &Error{ID: IDFuture, Err: fmt.Errorf("version %d, this program reads %d", probe.Version, Version)}
	}
	if probe.Version < 1 {
		return State{}, fmt.Errorf("version %d", probe.Version)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var st State
	if err := dec.Decode(&st); err != nil {
		return State{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return State{}, fmt.Errorf("data after the state")
	}
	if err := st.validate(); err != nil {
		return State{}, err
	}
	return st, nil
}

// encode is the file's content for st, in the current version.
func encode(st State) ([]byte, error) {
	st.Version = Version
	if err := st.validate(); err != nil {
		return nil, err
	}
	raw, err := json.MarshalIndent(st, "", "  ")
	return append(raw, '\n'), err
}

// Save writes st atomically: a temporary file in the same directory, flushed to disk, then
// renamed over the old one, so a crash leaves either the old progress or the new, never half.
// The file is 0600 and a directory it creates 0700: the address in it is personal data.
// A failure to write is a *SaveError, which names the folder rather than the temporary file.
func (s Store) Save(st State) error {
	raw, err := encode(st)
	if err != nil {
		return err
	}
	if err := s.write(raw); err != nil {
		return &SaveError{Dir: s.Dir, Err: err}
	}
	return nil
}

// SaveError is progress that could not be written to the folder Dir.
type SaveError struct {
	Dir string
	Err error
}

// Error names the folder and the system's reason: the temporary file's random name, which the
// system's own message holds, means nothing to the person and is gone already.
func (e *SaveError) Error() string { return e.Dir + ": " + errText(e.Err) }

func (e *SaveError) Unwrap() error { return e.Err }

func (s Store) write(raw []byte) (err error) {
	if err := makeDir(s.Dir); err != nil {
		return err
	}
	f, err := os.CreateTemp(s.Dir, tempPattern)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		return err
	}
	if _, err := f.Write(raw); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if s.beforeRename != nil {
		if err := s.beforeRename(f); err != nil {
			return err
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), s.Path()); err != nil {
		return err
	}
	syncDir(s.Dir)
	return nil
}

// makeDir creates dir, 0700, unless it is there already. Modes are set only on what the program
// itself creates: a folder that exists, or a symbolic link to one, is the person's (or their
// administrator's) and keeps its mode, so a link's target is not narrowed and a read-only
// folder is not made writable (the save then fails and is reported).
func makeDir(dir string) error {
	if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
		return err
	}
	err := os.Mkdir(dir, 0o700)
	switch {
	case errors.Is(err, fs.ErrExist):
		return nil
	case err != nil:
		return err
	}
	// Created just now: exactly 0700, whatever the umask took away.
	return os.Chmod(dir, 0o700)
}

// blocker is the first file found, going up from dir, where a folder is needed (such as
// XDG_CONFIG_HOME naming a file); "" when there is none.
func blocker(dir string) string {
	for p := dir; ; {
		info, err := os.Stat(p)
		if err == nil {
			if info.IsDir() {
				return ""
			}
			return p
		}
		parent := filepath.Dir(p)
		if parent == p {
			return ""
		}
		p = parent
	}
}

// syncDir makes the rename itself durable where the system allows it; failing that, the rename
// is still atomic, only perhaps not yet on disk.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Reset forgets the saved progress, and any temporary file a crash left behind. Nothing to
// forget is not an error.
func (s Store) Reset() error {
	_, err := s.Forget()
	return err
}

// Forget is Reset, reporting whether there was saved progress to delete, so --reset can say
// which it did.
func (s Store) Forget() (removed bool, err error) {
	path := s.Path()
	if b := blocker(s.Dir); b != "" {
		return false, &Error{ID: IDBlocked, Path: path, Blocker: b, Err: errors.New("not a directory")}
	}
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() && info.Mode()&fs.ModeSymlink == 0 {
		// Not progress, and not the program's to delete (a folder may hold anything).
		return false, &Error{ID: IDNotFile, Path: path, Err: errors.New("not a regular file")}
	}
	err = os.Remove(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, &Error{ID: IDResetFailed, Path: path, Err: err}
	}
	removed = err == nil
	entries, _ := os.ReadDir(s.Dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".progress-") && strings.HasSuffix(e.Name(), ".tmp") {
			os.Remove(filepath.Join(s.Dir, e.Name()))
		}
	}
	return removed, nil
}
