package main

import (
	"archive/tar"
	"archive/zip"
	"compress/flate"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"sort"
	"time"
)

// entry is one file of a release archive.
type entry struct {
	Name string // path inside the archive, without the top folder
	Path string // where the content is on disk
	Mode fs.FileMode
}

// Fixed modes: the archive must not depend on the umask of the machine that built it.
const (
	modeExec = 0o755
	modeFile = 0o644
	modeDir  = fs.ModeDir | 0o755
)

// archiveBase is the name of the archive without its extension, also its top folder, so that
// unpacking it never spills files into the current directory.
func archiveBase(s source, t target) string {
	return program + "_" + s.Version + "_" + t.OS + "_" + t.Arch
}

func archiveName(s source, t target) string {
	if t.OS == "windows" {
		return archiveBase(s, t) + ".zip"
	}
	return archiveBase(s, t) + ".tar.gz"
}

// writeArchive writes entries under the folder base into the file out, as .zip or .tar.gz
// according to its name. Entries are sorted and every timestamp is mtime, so the bytes depend
// on the contents only.
func writeArchive(out, base string, entries []entry, mtime time.Time, zipped bool) error {
	sorted := append([]entry(nil), entries...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if zipped {
		err = writeZip(f, base, sorted, mtime.UTC())
	} else {
		err = writeTarGz(f, base, sorted, mtime.UTC())
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out)
	}
	return err
}

func writeTarGz(w io.Writer, base string, entries []entry, mtime time.Time) error {
	// A zero gzip header has no file name and no time (MTIME = 0 means "not available").
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	header := func(name string, mode fs.FileMode, size int64) *tar.Header {
		h := &tar.Header{
			Name: name, Mode: int64(mode.Perm()), Size: size, ModTime: mtime,
			Typeflag: tar.TypeReg, Format: tar.FormatUSTAR,
		}
		if mode.IsDir() {
			h.Typeflag = tar.TypeDir
		}
		return h
	}
	if err := tw.WriteHeader(header(base+"/", modeDir, 0)); err != nil {
		return err
	}
	for _, e := range entries {
		data, err := os.ReadFile(e.Path)
		if err != nil {
			return err
		}
		if err := tw.WriteHeader(header(base+"/"+e.Name, e.Mode, int64(len(data)))); err != nil {
			return err
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(w io.Writer, base string, entries []entry, mtime time.Time) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestCompression)
	})
	header := func(name string, mode fs.FileMode) *zip.FileHeader {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mtime}
		if mode.IsDir() {
			h.Method = zip.Store
		}
		h.SetMode(mode)
		return h
	}
	if _, err := zw.CreateHeader(header(base+"/", modeDir)); err != nil {
		return err
	}
	for _, e := range entries {
		data, err := os.ReadFile(e.Path)
		if err != nil {
			return err
		}
		fw, err := zw.CreateHeader(header(base+"/"+e.Name, e.Mode))
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}
