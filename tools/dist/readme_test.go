package main

import (
	"archive/tar"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// What each system's read-me must say, in both languages, and what belongs to the other systems
// only (a Windows client has no use for chmod).
var readmeMarkers = map[string][]string{
	"windows": {"SmartScreen", "auvenir-onboard.exe", "Get-FileHash"},
	"darwin":  {"Gatekeeper", "xattr -d com.apple.quarantine", "shasum -a 256"},
	"linux":   {"chmod +x", "sha256sum -c SHA256SUMS"},
}

// frenchSpacing finds a space that should be a no-break space in French: before : ; ! ? » and
// after «.
var frenchSpacing = regexp.MustCompile(` [:;!?»]|« `)

// checkClientReadme checks the read-me of the archive named archive, built for goos: line ends
// and byte order mark for the system's Notepad or terminal, French first then English, each with
// what the program does not do, how to start it and check the download on that system, and the
// support contacts.
func checkClientReadme(t *testing.T, goos, archive, folder string, data []byte) {
	t.Helper()
	for _, p := range readmeProblems(goos, archive, folder, data) {
		t.Error(p)
	}
}

// readmeProblems lists what is wrong with the read-me data of the archive named archive.
func readmeProblems(goos, archive, folder string, data []byte) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	text := string(data)
	if !utf8.ValidString(text) {
		bad("%s: the read-me is not UTF-8", archive)
	}
	if goos == "windows" {
		if !strings.HasPrefix(text, "\ufeff") {
			bad("%s: the read-me lacks the UTF-8 byte order mark", archive)
		}
		text = strings.TrimPrefix(text, "\ufeff")
		if n, crlf := strings.Count(text, "\n"), strings.Count(text, "\r\n"); n != crlf || strings.Count(text, "\r") != crlf {
			bad("%s: %d line ends, %d of them CRLF: Notepad wants CRLF only", archive, n, crlf)
		}
		text = strings.ReplaceAll(text, "\r\n", "\n")
	} else if strings.HasPrefix(text, "\ufeff") || strings.Contains(text, "\r") {
		bad("%s: the read-me has a byte order mark or CR: LF only outside Windows", archive)
	}
	if strings.ContainsAny(text, "{}") {
		bad("%s: a placeholder was not filled:\n%s", archive, text)
	}
	for i, line := range strings.Split(text, "\n") {
		if utf8.RuneCountInString(line) > 76 && !strings.Contains(line, folder) {
			bad("%s: line %d is wider than 76 columns: %q", archive, i+1, line)
		}
	}
	fr, en, ok := strings.Cut(text, "\n"+strings.Repeat("-", 72)+"\n")
	if !ok {
		bad("%s: no line between the French and English texts:\n%s", archive, text)
		return out
	}
	both := append([]string{"support@auvenir.ca", "+1 (855) 528-8364", archive, "--check-network"}, readmeMarkers[goos]...)
	for lang, half := range map[string]struct {
		text string
		own  []string
	}{
		"French":  {fr, []string{"mot de passe", "sans Internet", "authentification multifacteur"}},
		"English": {en, []string{"never sees your password", "works offline", "multi-factor authentication"}},
	} {
		for _, want := range append(half.own, both...) {
			if !strings.Contains(strings.Join(strings.Fields(half.text), " "), want) { // words may wrap
				bad("%s: the %s text lacks %q", archive, lang, want)
			}
		}
	}
	if !strings.HasPrefix(fr, "AUVENIR") || !strings.Contains(fr, "Il ne voit jamais") {
		bad("%s: the read-me does not open with the French text:\n%s", archive, fr)
	}
	if m := frenchSpacing.FindString(fr); m != "" {
		bad("%s: French punctuation %q after an ordinary space (a no-break space is wanted)", archive, m)
	}
	for other, markers := range readmeMarkers {
		if other == goos {
			continue
		}
		for _, m := range markers {
			if strings.Contains(text, m) && !strings.Contains(strings.Join(readmeMarkers[goos], " "), m) {
				bad("%s: the %s read-me speaks of %q, which is for %s", archive, goos, m, other)
			}
		}
	}
	return out
}

// The asset of the working tree, rendered for every release target.
func TestClientReadmeText(t *testing.T) {
	r, err := loadClientReadme("../..")
	if err != nil {
		t.Fatal(err)
	}
	s := source{Commit: strings.Repeat("ab", 20), Time: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC),
		Version: "0.0.0-20261207120000-abababababab"}
	for _, tg := range allTargets {
		t.Run(tg.String(), func(t *testing.T) {
			checkClientReadme(t, tg.OS, archiveName(s, tg), archiveBase(s, tg), r.render(s, tg))
		})
	}
}

// An asset without a block some system needs is refused, not shipped with a hole.
func TestClientReadmeWithAHoleIsRefused(t *testing.T) {
	data, err := os.ReadFile("../../" + clientReadmeAsset)
	if err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(string) string{
		"no linux check in English": func(s string) string {
			i := strings.Index(s, "[en.check]")
			return s[:i] + strings.Replace(s[i:], "\nlinux = ", "\nlinx = ", 1)
		},
		"no file name": func(s string) string { return strings.Replace(s, `file_name = "`, `file_name = "a/`, 1) },
		"an extra key": func(s string) string { return strings.Replace(s, "[fr]\n", "[fr]\nfooter = \"x\"\n", 1) },
		"no French at all": func(s string) string {
			return strings.Replace(strings.Replace(s, "[fr]", "[fr_]", 1), "[fr.", "[fr_.", -1)
		},
	} {
		tree := t.TempDir()
		os.MkdirAll(filepath.Join(tree, "assets"), 0o755)
		if err := os.WriteFile(filepath.Join(tree, clientReadmeAsset), []byte(edit(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loadClientReadme(tree); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// Every archive of a release holds the read-me (and no developer README): the shared test
// release, or with AUVENIR_DIST_DIR the folder a full `go run ./tools/dist` wrote (.ci/run's
// cross-build step checks its six archives so).
func TestEveryArchiveCarriesTheClientReadme(t *testing.T) {
	dir := os.Getenv("AUVENIR_DIST_DIR")
	if dir == "" {
		dir, _ = sharedRelease(t)
	}
	r, err := loadClientReadme("../..")
	if err != nil {
		t.Fatal(err)
	}
	archives, _ := filepath.Glob(filepath.Join(dir, program+"_*"))
	if len(archives) == 0 {
		t.Fatalf("no archive in %s", dir)
	}
	for _, archive := range archives {
		name := filepath.Base(archive)
		var tg target
		for _, k := range allTargets {
			if strings.HasSuffix(name, "_"+k.OS+"_"+k.Arch+".zip") || strings.HasSuffix(name, "_"+k.OS+"_"+k.Arch+".tar.gz") {
				tg = k
			}
		}
		if tg.OS == "" {
			t.Errorf("%s: not a release archive name", name)
			continue
		}
		var files map[string][]byte
		if tg.OS == "windows" {
			files = unzip(t, archive)
		} else {
			files = untar(t, archive)
		}
		folder := strings.TrimSuffix(strings.TrimSuffix(name, ".zip"), ".tar.gz")
		data, ok := files[folder+"/"+r.FileName]
		if !ok {
			t.Errorf("%s: no %s (has %v)", name, r.FileName, keys(files))
			continue
		}
		if _, dev := files[folder+"/README.md"]; dev {
			t.Errorf("%s: carries the developer README.md", name)
		}
		if len(files[folder+"/LICENSE"]) == 0 {
			t.Errorf("%s: no LICENSE", name)
		}
		checkClientReadme(t, tg.OS, name, folder, data)
	}
}

func untar(t *testing.T, path string) map[string][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		if files[h.Name], err = io.ReadAll(tr); err != nil {
			t.Fatal(err)
		}
	}
}

// The check fails a read-me with the other system's line ends, without its English half or
// without the contacts: it is not vacuous.
func TestReadmeProblemsAreFound(t *testing.T) {
	r, err := loadClientReadme("../..")
	if err != nil {
		t.Fatal(err)
	}
	s := source{Commit: strings.Repeat("cd", 20), Time: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), Version: "1.2.3"}
	win, lin := target{"windows", "amd64"}, target{"linux", "amd64"}
	winText, linText := r.render(s, win), r.render(s, lin)
	for name, c := range map[string]struct {
		goos string
		t    target
		data []byte
		want string
	}{
		"LF in a Windows archive":    {"windows", win, linText, "byte order mark"},
		"CRLF in a Linux archive":    {"linux", lin, winText, "LF only"},
		"French only":                {"linux", lin, []byte(strings.SplitN(string(linText), strings.Repeat("-", 72), 2)[0]), "no line between"},
		"no contacts":                {"linux", lin, []byte(strings.ReplaceAll(string(linText), "support@auvenir.ca", "support")), "support@auvenir.ca"},
		"an ordinary space before ?": {"linux", lin, []byte(strings.Replace(string(linText), "\u00a0?", " ?", 1)), "no-break space"},
	} {
		problems := strings.Join(readmeProblems(c.goos, archiveName(s, c.t), archiveBase(s, c.t), c.data), "\n")
		if !strings.Contains(problems, c.want) {
			t.Errorf("%s: problems %q lack %q", name, problems, c.want)
		}
	}
	if p := readmeProblems("linux", archiveName(s, lin), archiveBase(s, lin), linText); len(p) != 0 {
		t.Errorf("the good read-me has problems: %q", p)
	}
}
