package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
)

// Windows language IDs of the two translations in the VERSIONINFO resource: Explorer's
// Properties → Details tab shows the one matching the user's display language.
const (
	langFrCA = 0x0c0c
	langEnCA = 0x1009
)

var winLangs = map[locales.Lang]uint16{locales.French: langFrCA, locales.English: langEnCA}

// numericVersion turns "1.2.3-rc.1" into the four numbers VERSIONINFO holds; a version that does
// not start with numbers (a pseudo-version of an untagged commit) gives 0.0.0.0.
func numericVersion(v string) [4]uint16 {
	var out [4]uint16
	core, _, _ := strings.Cut(v, "-")
	core, _, _ = strings.Cut(core, "+")
	for i, part := range strings.SplitN(core, ".", 4) {
		n, err := strconv.ParseUint(part, 10, 16)
		if err != nil {
			return [4]uint16{}
		}
		out[i] = uint16(n)
	}
	return out
}

// resources is what the .exe carries: the version information (in French and English) and a
// manifest that runs it as the invoking user, without the installer-detection elevation prompt.
func resources(s source) (*winres.ResourceSet, error) {
	vi := version.Info{
		FileVersion:    numericVersion(s.Version),
		ProductVersion: numericVersion(s.Version),
	}
	vi.Flags.Prerelease = strings.Contains(s.Version, "-")
	for _, lang := range locales.Langs {
		z := locales.New(lang)
		id := winLangs[lang]
		for key, value := range map[string]string{
			version.CompanyName:      "Auvenir",
			version.ProductName:      program,
			version.FileDescription:  z.T("AppName"),
			version.FileVersion:      s.Version,
			version.ProductVersion:   s.Version,
			version.InternalName:     program,
			version.OriginalFilename: program + ".exe",
			version.LegalCopyright:   z.T("DistCopyright", map[string]any{"Year": s.Time.Year(), "Company": "Auvenir"}),
			version.Comments:         z.T("DistComments", map[string]any{"Commit": s.Commit}),
		} {
			if err := vi.Set(id, key, value); err != nil {
				return nil, err
			}
		}
	}
	rs := &winres.ResourceSet{}
	rs.SetVersionInfo(vi)
	rs.SetManifest(winres.AppManifest{
		Compatibility:  winres.Win10AndAbove, // what Go 1.21 and later require
		ExecutionLevel: winres.AsInvoker,
		LongPathAware:  true,
	})
	return rs, nil
}

// sysoName is the file the go command links into the Windows build of the package (and ignores
// on every other target, thanks to the _windows_<arch> suffix).
func sysoName(arch string) string { return "rsrc_windows_" + arch + ".syso" }

// writeSyso puts the resource object for arch into the main package of the snapshot src. It is
// generated at dist time only and never committed (.gitignore has *.syso).
func writeSyso(src string, s source, arch string) error {
	rs, err := resources(s)
	if err != nil {
		return err
	}
	path := filepath.Join(src, filepath.FromSlash(mainPkg), sysoName(arch))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = rs.WriteObject(f, winres.Arch(arch))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("windows resources for %s: %w", arch, err)
	}
	return nil
}
