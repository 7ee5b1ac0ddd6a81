package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// clientReadmeAsset is the read-me for clients, in the released commit: its words are data, so
// a change of wording is not a change of this tool.
const clientReadmeAsset = "assets/client-readme.toml"

// clientReadme is the asset as read: the file name the archives give it and each language's
// blocks, the start and check blocks by GOOS.
type clientReadme struct {
	FileName string       `toml:"file_name"`
	FR       readmeBlocks `toml:"fr"`
	EN       readmeBlocks `toml:"en"`
}

type readmeBlocks struct {
	Heading string            `toml:"heading"`
	About   string            `toml:"about"`
	Help    string            `toml:"help"`
	Start   map[string]string `toml:"start"`
	Check   map[string]string `toml:"check"`
}

// loadClientReadme reads the asset from the exported tree and refuses one that lacks a block a
// release target needs, so a release never ships a read-me with a hole in it.
func loadClientReadme(tree string) (clientReadme, error) {
	var r clientReadme
	path := filepath.Join(tree, filepath.FromSlash(clientReadmeAsset))
	md, err := toml.DecodeFile(path, &r)
	if err != nil {
		return r, fmt.Errorf("%s: %w", clientReadmeAsset, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		return r, fmt.Errorf("%s: unknown key %s", clientReadmeAsset, un[0])
	}
	if r.FileName == "" || strings.ContainsAny(r.FileName, `/\`) {
		return r, fmt.Errorf("%s: file_name %q is not a plain file name", clientReadmeAsset, r.FileName)
	}
	for lang, b := range map[string]readmeBlocks{"fr": r.FR, "en": r.EN} {
		if b.Heading == "" || b.About == "" || b.Help == "" {
			return r, fmt.Errorf("%s: [%s] needs heading, about and help", clientReadmeAsset, lang)
		}
		for _, t := range allTargets {
			if b.Start[t.OS] == "" || b.Check[t.OS] == "" {
				return r, fmt.Errorf("%s: [%s] has no start.%s or check.%s", clientReadmeAsset, lang, t.OS, t.OS)
			}
		}
	}
	return r, nil
}

// render is the read-me of the archive of t: French, then English, each with the blocks for
// t's system. Windows gets CRLF line ends and a UTF-8 byte order mark, which Notepad needs to
// show it right; the other systems get LF.
func (r clientReadme) render(s source, t target) []byte {
	fill := strings.NewReplacer(
		"{version}", s.Version,
		"{archive}", archiveName(s, t),
		"{folder}", archiveBase(s, t),
	)
	var parts []string
	for _, b := range []readmeBlocks{r.FR, r.EN} {
		for _, text := range []string{b.Heading, b.About, b.Start[t.OS], b.Check[t.OS], b.Help} {
			parts = append(parts, strings.TrimSpace(fill.Replace(text)))
		}
	}
	half := len(parts) / 2
	text := strings.Join(parts[:half], "\n\n") + "\n\n" + strings.Repeat("-", 72) + "\n\n" +
		strings.Join(parts[half:], "\n\n") + "\n"
	if t.OS == "windows" {
		return []byte("\ufeff" + strings.ReplaceAll(text, "\n", "\r\n"))
	}
	return []byte(text)
}

// writeClientReadmes writes the read-me of each target under dir and returns their paths.
func writeClientReadmes(r clientReadme, s source, targets []target, dir string) (map[target]string, error) {
	paths := map[target]string{}
	for _, t := range targets {
		p := filepath.Join(dir, "readme", t.OS+"_"+t.Arch, r.FileName)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, r.render(s, t), 0o644); err != nil {
			return nil, err
		}
		paths[t] = p
	}
	return paths, nil
}
