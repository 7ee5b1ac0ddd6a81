// Package explain reads a Microsoft sign-in error as a client pastes it (the whole error page,
// one line, or the JSON an app shows) and says what it means, who must act and what to do, with
// the Correlation ID and Timestamp support will ask for. It holds no words itself: the meanings
// are locale messages named after each code, and the table of codes is data in assets/.
package explain

import (
	"fmt"
	"sort"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/auvenir/auvenir-onboard/assets"
)

// Actor is who must act on an error.
type Actor string

const (
	ActorYou     Actor = "you"     // the client
	ActorIT      Actor = "it"      // the client's own IT department
	ActorSupport Actor = "support" // Auvenir support itself
	ActorDMC     Actor = "dmc"     // DMC Hosting's administrators, reached through Auvenir support
)

// Entry is one known code.
type Entry struct {
	Code   string // the digits after AADSTS
	Name   string // Microsoft's name for it, from the reference table
	Actor  Actor
	Source string // the facts ledger's source the entry was checked in (assets/facts.toml)
	Quote  string // that source's own words for the code
}

// MeaningID and DoID are the locale messages that explain the code.
func (e Entry) MeaningID() string { return "ExplainMeaning" + e.Code }
func (e Entry) DoID() string      { return "ExplainDo" + e.Code }

// ActorID is the locale message naming who must act.
func (a Actor) ActorID() string {
	switch a {
	case ActorIT:
		return "ExplainActorIT"
	case ActorSupport:
		return "ExplainActorSupport"
	case ActorDMC:
		return "ExplainActorDMC"
	}
	return "ExplainActorYou"
}

// SendID is the heading of the details to send: to the client's IT department when they must
// act, otherwise to Auvenir support (who reach DMC Hosting's administrators).
func (a Actor) SendID() string {
	switch a {
	case ActorIT:
		return "ExplainSendHeadingIT"
	}
	return "ExplainSendHeading"
}

// table is parsed once, on the first explanation: most runs of the program never need it.
var table = sync.OnceValue(func() map[string]Entry {
	t, err := parseTable(assets.AADSTSTOML)
	if err != nil {
		panic(err) // the embedded file is checked by TestTableParses
	}
	return t
})

func parseTable(data []byte) (map[string]Entry, error) {
	var f struct {
		Code []struct {
			Code, Name, Actor, Source, Quote string
		}
	}
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, err
	}
	if un := md.Undecoded(); len(un) > 0 {
		return nil, fmt.Errorf("unknown key %s", un[0])
	}
	t := make(map[string]Entry, len(f.Code))
	for _, c := range f.Code {
		a := Actor(c.Actor)
		if a != ActorYou && a != ActorIT && a != ActorSupport && a != ActorDMC {
			return nil, fmt.Errorf("code %s: actor %q", c.Code, c.Actor)
		}
		if !allDigits(c.Code) || c.Source == "" || c.Name == "" || c.Quote == "" {
			return nil, fmt.Errorf("code %q: needs digits, a name, a source and its quote", c.Code)
		}
		if _, dup := t[c.Code]; dup {
			return nil, fmt.Errorf("code %s listed twice", c.Code)
		}
		t[c.Code] = Entry{Code: c.Code, Name: c.Name, Actor: a, Source: c.Source, Quote: c.Quote}
	}
	return t, nil
}

// Lookup returns the entry of code (digits only), if the table has it.
func Lookup(code string) (Entry, bool) {
	e, ok := table()[code]
	return e, ok
}

// Table lists every known code, in numeric order.
func Table() []Entry {
	out := make([]Entry, 0, len(table()))
	for _, e := range table() {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].Code) != len(out[j].Code) {
			return len(out[i].Code) < len(out[j].Code)
		}
		return out[i].Code < out[j].Code
	})
	return out
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
