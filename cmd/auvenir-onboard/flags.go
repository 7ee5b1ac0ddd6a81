package main

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/auvenir/auvenir-onboard/locales"
)

// options is the parsed command line.
type options struct {
	lang    locales.Lang // empty: from the environment, or asked
	step    int          // 0: from the start
	print   bool
	version bool
	help    bool

	checkNetwork bool
	urls         []string // only with --check-network
	endpoints    string
	timeout      time.Duration
	json         bool
	proxy        string
	pac          string
	caFile       string
	parallel     int  // 0: netcheck's default
	strict       bool // warnings fail the check too

	totpPractice bool
	showQR       bool
	presenter    bool
	plain        bool
	reset        bool

	explain    string // --explain: the pasted error text, or "-" for standard input
	explainSet bool

	given []string // the options given (names without dashes), in the order typed
}

// flagDef describes one option for the parser and for --help.
type flagDef struct {
	name   string
	value  string // metavariable shown in --help; empty for a switch
	helpID string
	set    func(o *options, v string) bool // reports whether v is acceptable
	errID  string                          // message for a refused value; ErrFlagValue if empty
	data   map[string]any                  // more data for errID (the bounds it states)
}

// The bounds of --timeout, stated in its refusal. Under 100 ms not even a refused port on
// loopback answers reliably on a loaded machine, so a shorter limit reports working addresses
// as dropped.
const (
	minTimeout = 100 * time.Millisecond
	maxTimeout = 10 * time.Minute
)

func on(f func(o *options)) func(*options, string) bool {
	return func(o *options, _ string) bool { f(o); return true }
}

var flagDefs = []flagDef{
	{name: "lang", value: "fr|en", helpID: "FlagLang", errID: "ErrBadLang", set: func(o *options, v string) bool {
		l, ok := locales.ParseLang(v)
		o.lang = l
		return ok
	}},
	{name: "step", value: "N", helpID: "FlagStep", errID: "ErrBadStep", set: func(o *options, v string) bool {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		o.step = n
		return err == nil && n >= 1 && n <= 9
	}},
	{name: "print", helpID: "FlagPrint", set: on(func(o *options) { o.print = true })},
	{name: "explain", value: "TEXT|-", helpID: "FlagExplain", set: setExplain},
	{name: "check-network", helpID: "FlagCheckNetwork", set: on(func(o *options) { o.checkNetwork = true })},
	{name: "endpoints", value: "FILE", helpID: "FlagEndpoints", set: func(o *options, v string) bool {
		o.endpoints = v
		return v != ""
	}},
	{name: "timeout", value: "5s", helpID: "FlagTimeout", errID: "ErrBadTimeout", set: func(o *options, v string) bool {
		d, err := time.ParseDuration(strings.TrimSpace(v))
		o.timeout = d
		return err == nil && d >= minTimeout && d <= maxTimeout
	}, data: map[string]any{"Min": "100ms", "Max": "10m"}},
	{name: "json", helpID: "FlagJSON", set: on(func(o *options) { o.json = true })},
	{name: "proxy", value: "URL|none", helpID: "FlagProxy", set: func(o *options, v string) bool {
		o.proxy = v
		return v != ""
	}},
	{name: "pac", value: "FILE|URL", helpID: "FlagPAC", set: func(o *options, v string) bool {
		o.pac = v
		return strings.TrimSpace(v) != ""
	}},
	{name: "ca-file", value: "FILE", helpID: "FlagCAFile", set: func(o *options, v string) bool {
		o.caFile = v
		return v != ""
	}},
	{name: "parallel", value: "N", helpID: "FlagParallel", set: func(o *options, v string) bool {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		o.parallel = n
		return err == nil && n >= 1 && n <= 1024
	}},
	{name: "strict", helpID: "FlagStrict", set: on(func(o *options) { o.strict = true })},
	{name: "totp-practice", helpID: "FlagTOTPPractice", set: on(func(o *options) { o.totpPractice = true })},
	{name: "show-qr", helpID: "FlagShowQR", set: on(func(o *options) { o.showQR = true })},
	{name: "presenter", helpID: "FlagPresenter", set: on(func(o *options) { o.presenter = true })},
	{name: "plain", helpID: "FlagPlain", set: on(func(o *options) { o.plain = true })},
	{name: "reset", helpID: "FlagReset", set: on(func(o *options) { o.reset = true })},
	{name: "version", helpID: "FlagVersion", set: on(func(o *options) { o.version = true })},
	{name: "help", helpID: "FlagHelp", set: on(func(o *options) { o.help = true })},
}

// parseArgs reads the command line. Options may come before or after URLs, as "--name value",
// "--name=value" or with a single dash; "--" ends the options.
func parseArgs(args []string) (*options, error) {
	o := &options{timeout: 5 * time.Second}
	var rest, given []string
	note := func(name string) {
		if !slices.Contains(given, name) {
			given = append(given, name)
		}
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		// One dash or two, as the help shows them; "---lang" is a typo, not an option.
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		if strings.HasPrefix(name, "-") {
			return nil, &usageError{ID: "ErrUnknownFlag", Data: map[string]any{"Flag": flagName(a)}}
		}
		if name == "h" {
			name = "help"
		}
		def := lookup(name)
		if def == nil {
			return nil, &usageError{ID: "ErrUnknownFlag", Data: map[string]any{"Flag": flagName(a)}}
		}
		if def.value != "" && slices.Contains(given, def.name) {
			// « --lang fr … --lang en »: one of them would be ignored (and the first error
			// messages would speak the other language).
			return nil, &usageError{ID: "ErrFlagTwice", Data: map[string]any{"Flag": "--" + def.name}}
		}
		note(def.name)
		if def.value == "" {
			if hasValue {
				return nil, &usageError{ID: "ErrFlagValue", Data: map[string]any{"Flag": "--" + name, "Value": value}}
			}
			def.set(o, "")
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil, &usageError{ID: "ErrFlagNeedsValue", Data: map[string]any{"Flag": "--" + name}}
			}
			i++
			value = args[i]
		}
		if !def.set(o, value) {
			id := def.errID
			if id == "" {
				id = "ErrFlagValue"
			}
			data := map[string]any{"Flag": "--" + name, "Value": value}
			for k, v := range def.data {
				data[k] = v
			}
			return nil, &usageError{ID: id, Data: data}
		}
	}
	if len(rest) > 0 && !o.checkNetwork && !o.help {
		return nil, &usageError{ID: "ErrUnexpectedArg", Data: map[string]any{"Value": rest[0]}}
	}
	if len(rest) > 0 {
		note(urlArg)
	}
	// Options that cannot work together are refused, naming both: only the first mode used to
	// run, the others silently ignored (« --check-network --json --print > out.json » wrote
	// Markdown into the JSON file; --reset beside --print left the progress file in place).
	if err := checkConflicts(given); err != nil {
		return nil, err
	}
	o.urls, o.given = rest, given
	return o, nil
}

func lookup(name string) *flagDef {
	for i := range flagDefs {
		if flagDefs[i].name == name {
			return &flagDefs[i]
		}
	}
	return nil
}

// flagName is the option as typed, without its value, for error messages.
func flagName(a string) string {
	name, _, _ := strings.Cut(a, "=")
	return name
}
