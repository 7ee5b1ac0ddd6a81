// Command dist builds the release of auvenir-onboard: one archive per platform, with the program,
// the clients' bilingual read-me (assets/client-readme.toml), LICENSE and the licences of what it
// contains, plus SHA256SUMS. The developer README stays in the repository.
//
//	go run ./tools/dist [-o dist] [-rev HEAD] [-version 1.2.3] [-targets all|os/arch,...]
//	                    [-sign-cert cert.pem -sign-key key.pem [-sign-pass-file f] [-timestamp-url u]]
//
// It builds a git commit (HEAD by default) from a clean export of that commit, so two runs on the
// same commit with the same Go toolchain give byte-identical archives. The signing options may
// also come from AUVENIR_SIGN_CERT, AUVENIR_SIGN_KEY, AUVENIR_SIGN_PASS_FILE and
// AUVENIR_SIGN_TIMESTAMP_URL. This is a developer tool, so it speaks English.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/auvenir/auvenir-onboard/locales"
)

type config struct {
	Repo    string // the git checkout
	Out     string // folder receiving the archives and SHA256SUMS
	Rev     string
	Version string // empty: from git describe
	Epoch   string // SOURCE_DATE_EPOCH; empty: the commit time
	Targets []target
	Sign    signer
}

func main() {
	cfg, err := parseArgs(os.Args[1:], os.Getenv)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(2)
	}
	if _, err := run(cfg, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
}

func parseArgs(args []string, getenv func(string) string) (config, error) {
	var cfg config
	var targets string
	fs := flag.NewFlagSet("dist", flag.ContinueOnError)
	fs.StringVar(&cfg.Repo, "C", ".", "the git checkout to release")
	fs.StringVar(&cfg.Out, "o", "", "output folder (default: dist in the checkout)")
	fs.StringVar(&cfg.Rev, "rev", "HEAD", "the commit to build")
	fs.StringVar(&cfg.Version, "version", "", "version to stamp (default: git describe, or a pseudo-version)")
	fs.StringVar(&targets, "targets", "all", "all, or a comma-separated list of os/arch")
	fs.StringVar(&cfg.Sign.Cert, "sign-cert", getenv("AUVENIR_SIGN_CERT"), "Authenticode certificate (chain) file, PEM or DER")
	fs.StringVar(&cfg.Sign.Key, "sign-key", getenv("AUVENIR_SIGN_KEY"), "private key file of the certificate")
	fs.StringVar(&cfg.Sign.PassFile, "sign-pass-file", getenv("AUVENIR_SIGN_PASS_FILE"), "file holding the key's password")
	fs.StringVar(&cfg.Sign.TimestampURL, "timestamp-url", getenv("AUVENIR_SIGN_TIMESTAMP_URL"), "RFC 3161 time-stamping server (the result is then not reproducible)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	var err error
	if cfg.Targets, err = parseTargets(targets); err != nil {
		return cfg, err
	}
	cfg.Epoch = getenv("SOURCE_DATE_EPOCH")
	return cfg, cfg.Sign.check()
}

// run builds the release described by cfg and returns the paths of the files it wrote.
func run(cfg config, log io.Writer) ([]string, error) {
	repo, err := git(cfg.Repo, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("not in a git checkout: %w", err)
	}
	src, err := resolveSource(repo, cfg.Rev, cfg.Version, cfg.Epoch)
	if err != nil {
		return nil, err
	}
	out := cfg.Out
	if out == "" {
		out = filepath.Join(repo, "dist")
	}
	fmt.Fprintf(log, "dist: %s %s (commit %s, %s)\n", program, src.Version, src.Commit, src.Time.Format(time.RFC3339))
	if src.Dirty && cfg.Rev == "HEAD" {
		fmt.Fprintln(log, "dist: the working tree has uncommitted changes; they are NOT in this build (it is the commit)")
	}

	work, err := os.MkdirTemp("", "auvenir-dist-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	tree := filepath.Join(work, "src")
	if err := snapshot(repo, src.Commit, tree); err != nil {
		return nil, err
	}
	docs := []entry{{"LICENSE", filepath.Join(tree, "LICENSE"), modeFile}}
	for _, d := range docs {
		if _, err := os.Stat(d.Path); err != nil {
			return nil, fmt.Errorf("commit %s has no %s, which every archive carries", src.Commit[:12], d.Name)
		}
	}
	readme, err := loadClientReadme(tree)
	if err != nil {
		return nil, fmt.Errorf("commit %s: %w", src.Commit[:12], err)
	}
	readmes, err := writeClientReadmes(readme, src, cfg.Targets, work)
	if err != nil {
		return nil, err
	}
	for _, t := range cfg.Targets {
		if t.OS == "windows" {
			if err := writeSyso(tree, src, t.Arch); err != nil {
				return nil, err
			}
		}
	}

	mods, err := linkedModules(tree, cfg.Targets)
	if err != nil {
		return nil, err
	}
	goroot, err := goEnv(tree, "GOROOT")
	if err != nil {
		return nil, err
	}
	goversion, err := goEnv(tree, "GOVERSION")
	if err != nil {
		return nil, err
	}
	notices := filepath.Join(work, noticesName)
	if err := writeNotices(notices, goroot, goversion, mods); err != nil {
		return nil, err
	}
	docs = append(docs, entry{noticesName, notices, modeFile})

	if err := cleanOut(out); err != nil {
		return nil, err
	}
	var written []string
	for _, t := range cfg.Targets {
		start := time.Now()
		bin := binPath(work, t)
		if err := goBuild(tree, src, t, bin); err != nil {
			return nil, err
		}
		signed := ""
		if t.OS == "windows" && cfg.Sign.enabled() {
			if err := cfg.Sign.sign(bin, locales.New(locales.English).T("AppName"), src); err != nil {
				return nil, err
			}
			signed = ", signed"
		}
		name := filepath.Join(out, archiveName(src, t))
		entries := append([]entry{{t.exe(), bin, modeExec}, {readme.FileName, readmes[t], modeFile}}, docs...)
		if err := writeArchive(name, archiveBase(src, t), entries, src.Time, t.OS == "windows"); err != nil {
			return nil, err
		}
		written = append(written, name)
		fi, _ := os.Stat(name)
		fmt.Fprintf(log, "dist: %-14s %s  %.1f MiB  %.1fs%s\n", t, filepath.Base(name), float64(fi.Size())/(1<<20), time.Since(start).Seconds(), signed)
	}
	sums := filepath.Join(out, "SHA256SUMS")
	if err := writeSums(sums, written); err != nil {
		return nil, err
	}
	return append(written, sums), nil
}

// cleanOut makes out hold no earlier release: it removes only what dist writes.
func cleanOut(out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(out, program+"_*"))
	old = append(old, filepath.Join(out, "SHA256SUMS"))
	for _, f := range old {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// writeSums writes the `sha256sum -c` format: "<hex>  <name>", sorted by name.
func writeSums(path string, files []string) error {
	lines := make([]string, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		lines = append(lines, hex.EncodeToString(sum[:])+"  "+filepath.Base(f)+"\n")
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i][66:] < lines[j][66:] })
	return os.WriteFile(path, []byte(strings.Join(lines, "")), 0o644)
}
