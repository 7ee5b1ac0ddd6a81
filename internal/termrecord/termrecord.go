// Package termrecord copies what a full-screen program writes to its terminal into a file, for
// the end-to-end tests only: the wine test reads there what the Windows build sends to the
// console, which wine's own console otherwise redraws its own way before a terminal sees it.
// Release builds never call it (cmd/auvenir-onboard's record_release.go gives no path).
package termrecord

import (
	"io"
	"os"
)

// recordingTerminal is the terminal (its descriptor still reaches Bubble Tea, which sets its
// modes and reads its size) with every write copied to rec.
type recordingTerminal struct {
	*os.File
	rec io.Writer
}

func (r recordingTerminal) Write(p []byte) (int, error) {
	_, _ = r.rec.Write(p)
	return r.File.Write(p)
}

func (r recordingTerminal) WriteString(s string) (int, error) { return r.Write([]byte(s)) }

// Output wraps out when path is set; the returned function closes the copy.
func Output(out io.Writer, path string) (io.Writer, func()) {
	f, ok := out.(*os.File)
	if path == "" || !ok {
		return out, func() {}
	}
	rec, err := os.Create(path)
	if err != nil {
		return out, func() {}
	}
	return recordingTerminal{File: f, rec: rec}, func() { rec.Close() }
}
