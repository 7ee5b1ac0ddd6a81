// Command factcheck fetches every source of the facts ledger and lists the quotes no longer found
// in it, so that a change on Microsoft's side is noticed before a client meets it:
//
//	go run ./tools/factcheck [-timeout 30s]
//
// It reads the quotes of assets/facts.toml, assets/smsvoice.toml and assets/aadsts.toml, fetches
// each source's address once, and looks for each quote in the page's text (tags removed,
// entities decoded, spaces and apostrophes normalised, case ignored). A source without an
// address (the seed PDF, DMC Hosting's own word) is listed to be checked by hand. The exit status
// is 1 when a quote is missing or a page could not be fetched. It needs the internet, so it is a
// maintainer's tool, not part of the program; it speaks English.
package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/auvenir/auvenir-onboard/assets"
	"github.com/auvenir/auvenir-onboard/internal/ledger"
)

func main() {
	timeout := flag.Duration("timeout", 30*time.Second, "how long to wait for each page")
	flag.Parse()
	quotes, err := allQuotes()
	if err != nil {
		fmt.Fprintln(os.Stderr, "factcheck:", err)
		os.Exit(2)
	}
	c := checker{client: &http.Client{Timeout: *timeout}}
	results := c.check(ledger.Embedded().Sources, quotes)
	report(os.Stdout, results)
	if failed(results) {
		os.Exit(1)
	}
}

// allQuotes gathers the quotes of the three files, each labelled with what it supports.
func allQuotes() ([]labelled, error) {
	var out []labelled
	for _, f := range ledger.Embedded().Facts {
		for _, q := range f.Quotes {
			out = append(out, labelled{What: "fact " + f.Key, Quote: q})
		}
	}
	var sms struct {
		Quotes []struct{ Key, Source, Text string }
	}
	if _, err := toml.Decode(string(assets.SMSVoiceTOML), &sms); err != nil {
		return nil, fmt.Errorf("smsvoice.toml: %w", err)
	}
	for _, q := range sms.Quotes {
		out = append(out, labelled{What: "smsvoice " + q.Key, Quote: ledger.Quote{Source: q.Source, Text: q.Text}})
	}
	var codes struct {
		Code []struct{ Code, Source, Quote string }
	}
	if _, err := toml.Decode(string(assets.AADSTSTOML), &codes); err != nil {
		return nil, fmt.Errorf("aadsts.toml: %w", err)
	}
	for _, c := range codes.Code {
		out = append(out, labelled{What: "AADSTS" + c.Code, Quote: ledger.Quote{Source: c.Source, Text: c.Quote}})
	}
	return out, nil
}
