package endpoints

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/auvenir/auvenir-onboard/internal/textin"
)

// MaxFileBytes bounds --endpoints and --ca-file: a list of a few hundred addresses, or a bundle
// of a few hundred certificates, is far below it. Without a bound, --endpoints /dev/zero grows
// until memory runs out.
const MaxFileBytes = 1 << 20

// ErrNotRegular is returned for a path that is not a regular file: a device (/dev/zero), a pipe
// (which waits forever for a writer), a folder.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is returned for a file over the limit.
type TooLargeError struct {
	Size  int64 // at least this many bytes
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("larger than %d bytes", e.Limit)
}

// ReadBounded reads a regular text file of at most limit bytes. The path is looked at before it is
// opened, so a FIFO is refused at once instead of blocking the open until a writer comes.
func ReadBounded(path string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	if fi.Size() > limit {
		return nil, &TooLargeError{Size: fi.Size(), Limit: limit}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Replaced between the two looks: what was opened is what counts.
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	// The file may grow after Stat: read one byte past the limit to know.
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > limit {
		return nil, &TooLargeError{Size: int64(len(raw)), Limit: limit}
	}
	// Every file read here is text (a list, a PAC script, certificates): one saved by Windows
	// PowerShell 5.1, in UTF-16 or UTF-8 after a BOM, is read as the UTF-8 it stands for.
	return textin.Decode(raw), nil
}

// Problems of a file's size and shape. Numbered apart from the list's other problems, which
// other changes extend.
const (
	ProblemNotRegular Problem = 100 + iota // not a regular file
	ProblemTooLarge                        // over MaxFileBytes
	ProblemTooDeep                         // nested deeper than the format needs; Detail says how
)

// readFileError is the FileError of a failed ReadBounded.
func readFileError(path string, err error) *FileError {
	var tl *TooLargeError
	switch {
	case errors.Is(err, ErrNotRegular):
		return &FileError{File: path, Problem: ProblemNotRegular, Detail: err.Error()}
	case errors.As(err, &tl):
		return &FileError{File: path, Problem: ProblemTooLarge, Detail: err.Error()}
	}
	detail := err.Error()
	var pe *os.PathError
	if errors.As(err, &pe) {
		detail = pe.Err.Error()
	}
	return &FileError{File: path, Problem: ProblemUnreadable, Detail: detail, Err: err}
}
