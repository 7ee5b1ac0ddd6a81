package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
	"github.com/auvenir/auvenir-onboard/locales"
)

// release builds the repository's HEAD for targets into a new folder.
func release(t *testing.T, sign signer, targets ...target) (string, []string) {
	t.Helper()
	testtool.Need(t, "git")
	out := t.TempDir()
	var log bytes.Buffer
	files, err := run(config{Repo: "../..", Out: out, Rev: "HEAD", Targets: targets, Sign: sign}, &log)
	if err != nil {
		t.Fatalf("dist: %v\n%s", err, log.String())
	}
	return out, files
}

// shared is one unsigned release of windows/amd64 and linux/amd64 (plus the host, when it is
// another release target), built once for the tests that only read it.
var shared struct {
	once  sync.Once
	dir   string
	files []string
	err   error
}

func sharedRelease(t *testing.T) (string, []string) {
	t.Helper()
	testtool.Need(t, "git")
	shared.once.Do(func() {
		targets := []target{{"windows", "amd64"}, {"linux", "amd64"}}
		host := target{runtime.GOOS, runtime.GOARCH}
		if _, err := parseTargets(host.String()); err == nil && host != targets[0] && host != targets[1] {
			targets = append(targets, host)
		}
		if shared.dir, shared.err = os.MkdirTemp("", "auvenir-dist-test-"); shared.err != nil {
			return
		}
		var log bytes.Buffer
		shared.files, shared.err = run(config{Repo: "../..", Out: shared.dir, Rev: "HEAD", Targets: targets}, &log)
		if shared.err != nil {
			shared.err = fmt.Errorf("%w\n%s", shared.err, log.String())
		}
	})
	if shared.err != nil {
		t.Fatalf("dist: %v", shared.err)
	}
	return shared.dir, shared.files
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// The release of one commit is a function of that commit: two runs give the same bytes. One
// Windows and one Linux target keep the cost low; .ci/run checks the full matrix.
func TestTwoReleasesOfACommitAreIdentical(t *testing.T) {
	testtool.RunInStep(t, "cross-builds (twice, reproducible)", "builds all six targets twice, the second time with an empty build cache, and compares SHA256SUMS")
	a, filesA := sharedRelease(t)
	_, filesB := release(t, signer{}, targetsOf(t, filesA)...)
	if len(filesA) != len(filesB) || len(filesA) < 3 {
		t.Fatalf("files: %v / %v", filesA, filesB)
	}
	for i := range filesA {
		da, _ := os.ReadFile(filesA[i])
		db, _ := os.ReadFile(filesB[i])
		if filepath.Base(filesA[i]) != filepath.Base(filesB[i]) || !bytes.Equal(da, db) {
			t.Errorf("%s and %s differ", filesA[i], filesB[i])
		}
	}
	checkSums(t, a)
}

// targetsOf reads the targets back from archive names, in order.
func targetsOf(t *testing.T, files []string) []target {
	t.Helper()
	var out []target
	for _, f := range files {
		for _, k := range allTargets {
			if strings.HasSuffix(f, "_"+k.OS+"_"+k.Arch+".zip") || strings.HasSuffix(f, "_"+k.OS+"_"+k.Arch+".tar.gz") {
				out = append(out, k)
			}
		}
	}
	return out
}

// checkSums verifies SHA256SUMS against the archives next to it, as `sha256sum -c` would.
func checkSums(t *testing.T, dir string) {
	t.Helper()
	sums, err := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(sums), "\n"), "\n")
	archives, _ := filepath.Glob(filepath.Join(dir, program+"_*"))
	if len(lines) != len(archives) {
		t.Fatalf("SHA256SUMS has %d lines for %d archives", len(lines), len(archives))
	}
	for _, line := range lines {
		sum, name, ok := strings.Cut(line, "  ")
		data, err := os.ReadFile(filepath.Join(dir, name))
		got := sha256.Sum256(data)
		if !ok || err != nil || hex.EncodeToString(got[:]) != sum {
			t.Errorf("SHA256SUMS line %q does not match (%v)", line, err)
		}
	}
}

func headSource(t *testing.T) source {
	t.Helper()
	s, err := resolveSource("../..", "HEAD", "", os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The Windows archive holds the documents and an .exe whose file properties tell what it is, in
// French and in English.
func TestWindowsArchive(t *testing.T) {
	out, _ := sharedRelease(t)
	s := headSource(t)
	base := archiveBase(s, target{"windows", "amd64"})
	files := unzip(t, filepath.Join(out, base+".zip"))
	for _, name := range []string{"LICENSE", noticesName, program + ".exe"} {
		if len(files[base+"/"+name]) == 0 {
			t.Errorf("%s is missing or empty in the archive (has %v)", name, keys(files))
		}
	}
	if !strings.Contains(string(files[base+"/"+noticesName]), "The Go programming language") {
		t.Errorf("%s lacks Go's licence", noticesName)
	}
	rs, err := winres.LoadFromEXE(bytes.NewReader(files[base+"/"+program+".exe"]))
	if err != nil {
		t.Fatal(err)
	}
	for lang, id := range winLangs {
		raw := rs.Get(winres.RT_VERSION, winres.ID(1), id)
		if raw == nil {
			t.Errorf("no VERSIONINFO in %s", lang)
			continue
		}
		vi, err := version.FromBytes(raw)
		if err != nil {
			t.Fatal(err)
		}
		table := versionStrings(t, vi, id)
		z := locales.New(lang)
		for k, want := range map[string]string{
			version.FileDescription: z.T("AppName"), version.ProductVersion: s.Version,
			version.OriginalFilename: program + ".exe", version.CompanyName: "Auvenir",
		} {
			if table[k] != want {
				t.Errorf("%s %s = %q, want %q", lang, k, table[k], want)
			}
		}
	}
	if rs.Get(winres.RT_MANIFEST, winres.ID(1), winres.LCIDDefault) == nil {
		t.Error("no application manifest")
	}
}

// What --version prints is what dist stamped.
func TestStampedVersion(t *testing.T) {
	host := target{runtime.GOOS, runtime.GOARCH}
	if _, err := parseTargets(host.String()); err != nil {
		t.Skipf("no release for %s", host)
	}
	out, _ := sharedRelease(t)
	s := headSource(t)
	archive := filepath.Join(out, archiveName(s, host))
	dir := t.TempDir()
	if host.OS == "windows" {
		for name, data := range unzip(t, archive) {
			os.WriteFile(filepath.Join(dir, filepath.Base(name)), data, 0o755)
		}
	} else if b, err := exec.Command("tar", "-xzf", archive, "-C", dir, "--strip-components=1").CombinedOutput(); err != nil {
		t.Fatalf("tar: %v %s", err, b)
	}
	got, err := exec.Command(filepath.Join(dir, host.exe()), "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("--version: %v\n%s", err, got)
	}
	for _, want := range []string{s.Version, s.Commit, s.Time.Format(time.RFC3339)} {
		if !strings.Contains(string(got), want) {
			t.Errorf("--version printed %q, without %q", got, want)
		}
	}
}

// versionStrings reads the string table of language id out of a VERSIONINFO resource.
func versionStrings(t *testing.T, vi *version.Info, id uint16) map[string]string {
	t.Helper()
	raw, err := vi.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var parsed struct{ Info map[string]map[string]string }
	if err := json.Unmarshal(raw, &parsed); err != nil {
		t.Fatal(err)
	}
	return parsed.Info[fmt.Sprintf("%04X", id)]
}

func unzip(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(fmt.Errorf("%s: %w", f.Name, err))
		}
	}
	return files
}

func keys(m map[string][]byte) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	return k
}
