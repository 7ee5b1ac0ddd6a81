package locales

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// composedIDs are message IDs the code builds rather than writes whole (totp: an outcome's ID
// and "One" for one minute). A new one goes here, with where it is built.
var composedIDs = map[string]string{
	"TotpClockAheadOne":  "internal/totp/verify.go",
	"TotpClockBehindOne": "internal/totp/verify.go",
}

// explainCodes are the AADSTS codes of assets/aadsts.toml: package explain names each one's
// messages ExplainMeaning<code> and ExplainDo<code>.
func explainCodes(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile("../assets/aadsts.toml")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^code = "([0-9]+)"`).FindAllStringSubmatch(string(b), -1) {
		out["ExplainMeaning"+m[1]] = "assets/aadsts.toml"
		out["ExplainDo"+m[1]] = "assets/aadsts.toml"
	}
	if len(out) == 0 {
		t.Fatal("no code read from assets/aadsts.toml")
	}
	return out
}

// idUse finds where code names a message: z.T("ID"), a field named …ID: "ID", and the block
// helpers of package steps, p("ID") and the like.
var idUse = regexp.MustCompile(`(?:\.T\(|[A-Za-z]*ID: *|\b(?:p|bullet|heading|screen|warn|hint)\(|withEmail\([^,]+, )"([A-Z][A-Za-z0-9]+)"`)

// sources is the text of every Go file of the program (tests left out), by path.
func sources(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		out[path] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Every message the code names exists in both languages, and every message of the files is
// named somewhere in the code: a message no code uses is removed, not left to rot.
func TestEveryMessageIsUsedAndExists(t *testing.T) {
	src := sources(t)
	all := strings.Builder{}
	for _, s := range src {
		all.WriteString(s)
	}
	text := all.String()
	named := 0
	for _, l := range Langs {
		z := New(l)
		for path, s := range src {
			for _, m := range idUse.FindAllStringSubmatch(s, -1) {
				named++
				if !z.Has(m[1]) {
					t.Errorf("%s names message %s, which %s lacks", path, m[1], l)
				}
			}
		}
	}
	if named < 400 {
		t.Fatalf("only %d uses of a message found: the pattern no longer matches the code", named)
	}
	ids, err := IDs(English)
	if err != nil {
		t.Fatal(err)
	}
	composed := explainCodes(t)
	for id, where := range composedIDs {
		composed[id] = where
	}
	var unused []string
	for _, id := range ids {
		if _, ok := composed[id]; !ok && !strings.Contains(text, `"`+id+`"`) {
			unused = append(unused, id)
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("messages no code uses (remove them, or list them in composedIDs): %v", unused)
	}
	for id, where := range composed {
		if !New(English).Has(id) || !New(French).Has(id) {
			t.Errorf("composed message %s (%s) is missing", id, where)
		}
	}
}
