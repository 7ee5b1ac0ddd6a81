package main

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"

	"github.com/auvenir/auvenir-onboard/internal/ledger"
)

// labelled is a quote with what it supports ("fact Next", "AADSTS50020").
type labelled struct {
	What  string
	Quote ledger.Quote
}

// result is one source checked: the quotes not found in it, or why it could not be read.
type result struct {
	Source  ledger.Source
	Quotes  int        // how many quotes it supports
	Missing []labelled // quotes not found in the page
	Err     error      // the page could not be fetched
	ByHand  bool       // no address: checked by hand
}

type checker struct {
	client *http.Client
}

// maxPage bounds a page read: Learn's pages are a few hundred kilobytes.
const maxPage = 8 << 20

// check fetches each source that quotes use, once, and looks for each quote.
func (c checker) check(sources []ledger.Source, quotes []labelled) []result {
	var out []result
	for _, s := range sources {
		var qs []labelled
		for _, q := range quotes {
			if q.Quote.Source == s.ID {
				qs = append(qs, q)
			}
		}
		if len(qs) == 0 {
			continue
		}
		r := result{Source: s, Quotes: len(qs)}
		if s.URL == "" {
			r.ByHand = true
			out = append(out, r)
			continue
		}
		text, err := c.fetch(s.URL)
		if err != nil {
			r.Err = err
			out = append(out, r)
			continue
		}
		for _, q := range qs {
			if !strings.Contains(text, normalise(q.Quote.Text)) {
				r.Missing = append(r.Missing, q)
			}
		}
		out = append(out, r)
	}
	return out
}

func (c checker) fetch(url string) (string, error) {
	resp, err := c.client.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("HTTP %s", resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxPage))
	if err != nil {
		return "", err
	}
	return normalise(pageText(string(b))), nil
}

var (
	hiddenRE = regexp.MustCompile(`(?is)<(script|style|noscript)[^>]*>.*?</(script|style|noscript)>`)
	tagRE    = regexp.MustCompile(`(?s)<[^>]*>`)
	spaceRE  = regexp.MustCompile(`\s+`)
)

// pageText is what a reader sees of an HTML page: no scripts, no tags, entities decoded. A page
// that is not HTML (Markdown source) is taken as it is, without its emphasis marks.
func pageText(s string) string {
	s = hiddenRE.ReplaceAllString(s, " ")
	s = tagRE.ReplaceAllString(s, " ")
	s = html.UnescapeString(s)
	return strings.NewReplacer("**", "", "`", "").Replace(s)
}

// normalise makes a quote and a page comparable: one kind of space and apostrophe, no case.
func normalise(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "’", "'", "‘", "'", "“", `"`, "”", `"`, "**", "").Replace(s)
	return strings.ToLower(strings.TrimSpace(spaceRE.ReplaceAllString(s, " ")))
}

func report(w io.Writer, results []result) {
	var sources, quotes, missing int
	for _, r := range results {
		sources++
		quotes += r.Quotes
		switch {
		case r.ByHand:
			fmt.Fprintf(w, "by hand  %s: %d quotes (%s)\n", r.Source.Title, r.Quotes, r.Source.Path)
		case r.Err != nil:
			fmt.Fprintf(w, "FAILED   %s: %v (%s)\n", r.Source.Title, r.Err, r.Source.URL)
		case len(r.Missing) > 0:
			fmt.Fprintf(w, "CHANGED  %s (%s, revision %s read %s): %d of %d quotes not found\n",
				r.Source.Title, r.Source.URL, r.Source.Revised, r.Source.Read, len(r.Missing), r.Quotes)
			for _, q := range r.Missing {
				fmt.Fprintf(w, "         %s: %q\n", q.What, q.Quote.Text)
			}
			missing += len(r.Missing)
		default:
			fmt.Fprintf(w, "ok       %s: %d quotes\n", r.Source.Title, r.Quotes)
		}
	}
	fmt.Fprintf(w, "%d sources, %d quotes, %d not found\n", sources, quotes, missing)
}

func failed(results []result) bool {
	for _, r := range results {
		if r.Err != nil || len(r.Missing) > 0 {
			return true
		}
	}
	return false
}
