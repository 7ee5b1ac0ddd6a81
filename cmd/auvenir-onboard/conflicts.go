package main

import (
	"slices"

	"github.com/auvenir/auvenir-onboard/locales"
)

// mode is what one run of the program does. Each option works in some modes only; two options
// that share no mode cannot be given together, and an option the chosen mode does not use is
// refused rather than ignored (gh's mutually exclusive flags do the same, with exit status 2).
type mode uint

const (
	modeWizard  mode = 1 << iota // the full-screen guide (no mode option given)
	modePlain                    // the guide as plain lines: --plain
	modeCheck                    // --check-network
	modePrint                    // --print
	modeExplain                  // --explain
	modeShowQR                   // --show-qr
	modeVersion                  // --version

	modeAll = modeWizard | modePlain | modeCheck | modePrint | modeExplain | modeShowQR | modeVersion
	// modeGuide is the guide in either view.
	modeGuide = modeWizard | modePlain
)

// selectors are the options that choose the mode, strongest first: --check-network --plain is
// the check written as plain lines, not the plain guide.
var selectors = []struct {
	name string
	mode mode
}{
	{"version", modeVersion},
	{"explain", modeExplain},
	{"print", modePrint},
	{"check-network", modeCheck},
	{"show-qr", modeShowQR},
	{"plain", modePlain},
}

// urlArg names the URLs of --check-network in the rules below (they are arguments, not options).
const urlArg = ""

// modesOf are the modes in which each option does something. --help and --lang work with every
// option (--help then shows the help and does nothing else, as gh's --help does).
var modesOf = map[string]mode{
	"lang":          modeAll,
	"help":          modeAll,
	"version":       modeVersion,
	"explain":       modeExplain,
	"print":         modePrint,
	"check-network": modeCheck,
	"show-qr":       modeShowQR,
	// --plain at --check-network writes plain lines instead of the live view.
	"plain": modePlain | modeCheck,
	// --reset forgets saved progress, then the guide starts (alone, without a terminal, it only
	// forgets). Beside any other mode it would leave the file in place without a word.
	"reset":         modeGuide,
	"step":          modeGuide,
	"totp-practice": modeGuide,
	"presenter":     modeGuide | modeShowQR,
	// The network options shape --check-network and the wizard's own check (key c); the plain
	// guide has no check of its own.
	"endpoints": modeWizard | modeCheck,
	"timeout":   modeWizard | modeCheck,
	"proxy":     modeWizard | modeCheck,
	"pac":       modeWizard | modeCheck,
	"ca-file":   modeWizard | modeCheck,
	"parallel":  modeWizard | modeCheck,
	"json":      modeCheck,
	"strict":    modeCheck,
	urlArg:      modeCheck,
}

// exclusive are pairs that share a mode and still cannot work together: --totp-practice opens
// step 9's practice, wherever --step asked to start.
var exclusive = [][2]string{{"step", "totp-practice"}}

// checkConflicts refuses options that cannot work together. given is the options (names
// without dashes, urlArg for a URL) in the order typed, each once. The first pair found, in the
// order typed, is named in the refusal.
func checkConflicts(given []string) error {
	if slices.Contains(given, "help") {
		return nil
	}
	if !slices.Contains(given, "check-network") {
		for _, g := range given {
			if g != urlArg && modesOf[g] == modeCheck {
				// --json or --strict without the check: what is missing is --check-network,
				// whatever else was given.
				return &usageError{ID: "ErrNeedsCheckNetwork", Data: map[string]any{"Flag": "--" + g, "CheckFlag": "--check-network"}}
			}
		}
	}
	for j, b := range given {
		for _, a := range given[:j] {
			if modesOf[a]&modesOf[b] == 0 || isExclusive(a, b) {
				if a == urlArg || b == urlArg {
					break // said below, with the URL
				}
				return conflict(a, b)
			}
		}
	}
	m, selector := modeWizard, ""
	for _, s := range selectors {
		if slices.Contains(given, s.name) {
			m, selector = s.mode, s.name
			break
		}
	}
	for _, g := range given {
		// A URL comes here with --check-network only (parseArgs refuses it otherwise).
		if modesOf[g]&m == 0 && g != urlArg {
			return conflict(g, selector)
		}
	}
	return nil
}

// conflict is the refusal naming both options, in the order typed.
func conflict(a, b string) error {
	return &usageError{ID: "ErrFlagsConflict", Data: map[string]any{"Flag": "--" + a, "Other": "--" + b}}
}

func isExclusive(a, b string) bool {
	for _, p := range exclusive {
		if (p[0] == a && p[1] == b) || (p[0] == b && p[1] == a) {
			return true
		}
	}
	return false
}

// usageError is a command-line mistake: a refusal in the person's language, printed in one
// line with exit status 2.
type usageError = locales.Error

// onlyGiven reports whether every option given is one of names.
func (o *options) onlyGiven(names ...string) bool {
	for _, g := range o.given {
		if !slices.Contains(names, g) {
			return false
		}
	}
	return true
}

// plainByEnvironment refuses what the plain guide would ignore when the environment, not
// --plain, chose it (ACCESSIBLE, TERM=dumb): the network options shape the wizard's check, which
// the plain guide does not have. It names the variable that chose plain mode.
func plainByEnvironment(o *options, getenv func(string) string) error {
	if o.plain || !plainWanted(o, getenv) {
		return nil
	}
	why := "TERM=dumb"
	if getenv("ACCESSIBLE") != "" {
		why = "ACCESSIBLE"
	}
	for _, g := range o.given {
		if modesOf[g]&modePlain == 0 {
			return &usageError{ID: "ErrFlagPlainByEnv", Data: map[string]any{"Flag": "--" + g, "Var": why, "CheckFlag": "--check-network"}}
		}
	}
	return nil
}
