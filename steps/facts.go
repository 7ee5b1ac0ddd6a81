package steps

import "github.com/auvenir/auvenir-onboard/internal/ledger"

// Facts are the names, addresses and on-screen labels the messages quote, as template data. The
// external ones come from the facts ledger (assets/facts.toml), each with its source: a label's
// English text is {{.Key}}, Microsoft's French text {{.KeyFR}} (only where a source gives it; the
// French guide names such labels in French first, the English beside). The rest are the
// program's own names: its command, its flags, the number of steps.
func Facts() map[string]any {
	d := ledger.Embedded().Data()
	for k, v := range map[string]any{
		"StepCount":   StepCount,
		"Cmd":         "auvenir-onboard",
		"PrintFlag":   "--print",
		"PlainFlag":   "--plain",
		"HelpFlag":    "--help",
		"LangFlag":    "--lang",
		"StepFlag":    "--step",
		"ExplainFlag": "--explain",
		"PEM":         "PEM",
		"AppStore":    AppStoreName,
		"PlayStore":   PlayStoreName,
	} {
		d[k] = v
	}
	return d
}
