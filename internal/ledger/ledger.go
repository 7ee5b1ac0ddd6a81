// Package ledger reads the facts ledger (assets/facts.toml): every external fact the guide states,
// each with the page it was read in, the sentence quoted and the day it was read. It refuses a
// fact without a source, so a fact cannot enter the guide unsourced. Package steps builds the
// guide's template data from it; tools/factcheck fetches its sources when online.
package ledger

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/auvenir/auvenir-onboard/assets"
)

// Source is a page a fact was read in.
type Source struct {
	ID, Title string
	URL       string // its public address; empty only for a document without one (the seed PDF)
	Repo      string // where the text was read when not on the address itself
	Path      string
	Revised   string // the revision read, YYYY-MM-DD, or "undated"
	Read      string // the day it was read, YYYY-MM-DD
}

// Quote is the sentence of a source that states a fact, as the page words it.
type Quote struct {
	Source string
	Text   string
}

// Kinds of fact.
const (
	KindLabel     = "label"     // words on a Microsoft or app screen
	KindName      = "name"      // a name: the tenant, a sender
	KindAddress   = "address"   // an email or web address
	KindDuration  = "duration"  // minutes, hours
	KindBehaviour = "behaviour" // what a screen or a phone does
	KindSwitch    = "switch"    // a choice of DMC Hosting's: yes, no or unknown
)

// Switch values.
const (
	SwitchYes     = "yes"
	SwitchNo      = "no"
	SwitchUnknown = "unknown"
)

// Fact is one external fact.
type Fact struct {
	Key    string // the template name: {{.Key}} in English, {{.KeyFR}} in French
	Kind   string
	EN     string // as the English screen or page shows it
	FR     string // Microsoft's French text, when a source gives it
	Note   string
	Quotes []Quote
}

// Ledger is the whole file.
type Ledger struct {
	Sources []Source
	Facts   []Fact
}

// Embedded is the ledger of assets/facts.toml, parsed once.
var Embedded = sync.OnceValue(func() Ledger {
	l, err := Parse(assets.FactsTOML)
	if err != nil {
		panic(err) // the embedded file is checked by TestEmbeddedLedger
	}
	return l
})

// Parse reads a ledger and checks it: every source names its title, where it was read, its
// revision and the day it was read; every fact has at least one quote, from a listed source.
func Parse(data []byte) (Ledger, error) {
	var f struct {
		Source []struct {
			ID, Title, URL, Repo, Path, Revised, Read string
		}
		Fact []struct {
			Key, Kind, EN, FR, Note string
			Quotes                  []Quote
		}
	}
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return Ledger{}, err
	}
	if un := md.Undecoded(); len(un) > 0 {
		return Ledger{}, fmt.Errorf("unknown key %s", un[0])
	}
	var l Ledger
	ids := map[string]bool{}
	for _, s := range f.Source {
		src := Source{ID: s.ID, Title: s.Title, URL: s.URL, Repo: s.Repo, Path: s.Path, Revised: s.Revised, Read: s.Read}
		if err := src.check(); err != nil {
			return Ledger{}, err
		}
		if ids[s.ID] {
			return Ledger{}, fmt.Errorf("source %s listed twice", s.ID)
		}
		ids[s.ID] = true
		l.Sources = append(l.Sources, src)
	}
	keys := map[string]bool{}
	for _, x := range f.Fact {
		fact := Fact{Key: x.Key, Kind: x.Kind, EN: x.EN, FR: x.FR, Note: x.Note, Quotes: x.Quotes}
		if err := fact.check(ids); err != nil {
			return Ledger{}, err
		}
		if keys[x.Key] {
			return Ledger{}, fmt.Errorf("fact %s listed twice", x.Key)
		}
		keys[x.Key] = true
		l.Facts = append(l.Facts, fact)
	}
	return l, nil
}

func (s Source) check() error {
	switch {
	case s.ID == "":
		return fmt.Errorf("a source has no id")
	case s.Title == "":
		return fmt.Errorf("source %s: no title", s.ID)
	case s.URL == "" && s.Path == "":
		return fmt.Errorf("source %s: neither an address nor a path", s.ID)
	case s.URL != "" && !strings.HasPrefix(s.URL, "https://"):
		return fmt.Errorf("source %s: address %q is not https", s.ID, s.URL)
	case s.Revised != "undated" && !isDate(s.Revised):
		return fmt.Errorf("source %s: revised %q is neither a date nor \"undated\"", s.ID, s.Revised)
	case !isDate(s.Read):
		return fmt.Errorf("source %s: read %q is not a date", s.ID, s.Read)
	}
	return nil
}

func (f Fact) check(sources map[string]bool) error {
	if f.Key == "" || f.EN == "" {
		return fmt.Errorf("fact %q: needs a key and its English text", f.Key)
	}
	switch f.Kind {
	case KindLabel, KindName, KindAddress, KindDuration, KindBehaviour:
	case KindSwitch:
		if f.EN != SwitchYes && f.EN != SwitchNo && f.EN != SwitchUnknown {
			return fmt.Errorf("fact %s: a switch is yes, no or unknown, not %q", f.Key, f.EN)
		}
	default:
		return fmt.Errorf("fact %s: kind %q", f.Key, f.Kind)
	}
	if len(f.Quotes) == 0 {
		return fmt.Errorf("fact %s has no source", f.Key)
	}
	for _, q := range f.Quotes {
		if !sources[q.Source] {
			return fmt.Errorf("fact %s: source %q is not listed", f.Key, q.Source)
		}
		if strings.TrimSpace(q.Text) == "" {
			return fmt.Errorf("fact %s: a quote from %s is empty", f.Key, q.Source)
		}
	}
	return nil
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// Source returns the source named id.
func (l Ledger) Source(id string) (Source, bool) {
	for _, s := range l.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// Fact returns the fact named key.
func (l Ledger) Fact(key string) (Fact, bool) {
	for _, f := range l.Facts {
		if f.Key == key {
			return f, true
		}
	}
	return Fact{}, false
}

// Switch returns the value of the switch key: yes, no or unknown (unknown too for a key the
// ledger lacks, so a missing switch never reads as a certainty).
func (l Ledger) Switch(key string) string {
	if f, ok := l.Fact(key); ok && f.Kind == KindSwitch {
		return f.EN
	}
	return SwitchUnknown
}

// Data is the ledger as template data: each fact's English text under its key, its French text
// under key+"FR" when a source gives one.
func (l Ledger) Data() map[string]any {
	d := make(map[string]any, 2*len(l.Facts))
	for _, f := range l.Facts {
		d[f.Key] = f.EN
		if f.FR != "" {
			d[f.Key+"FR"] = f.FR
		}
	}
	return d
}

// CheckQuotes checks quotes that another file (assets/smsvoice.toml, assets/aadsts.toml) keeps
// for its own values: each needs a text and a source the ledger lists.
func (l Ledger) CheckQuotes(what string, qs []Quote) error {
	if len(qs) == 0 {
		return fmt.Errorf("%s has no source", what)
	}
	for _, q := range qs {
		if _, ok := l.Source(q.Source); !ok {
			return fmt.Errorf("%s: source %q is not listed in the ledger", what, q.Source)
		}
		if strings.TrimSpace(q.Text) == "" {
			return fmt.Errorf("%s: a quote from %s is empty", what, q.Source)
		}
	}
	return nil
}
