// Package mask hides personal data for presenter mode: a support agent shares their screen on a
// call, so the client's address and phone number must not reach the video stream, while enough
// stays visible ("j•••@f•••.ca") for the client to recognize that it is theirs.
package mask

import (
	"strings"

	"github.com/rivo/uniseg"

	"github.com/auvenir/auvenir-onboard/internal/guest"
)

// Dots stands for every hidden part. It is always three dots, whatever the length hidden, so the
// masked form does not give away how long the name or number is.
const Dots = "•••"

// Email masks an address: "jane@firm.ca" → "j•••@f•••.ca". It keeps the first character of the
// local part and of the domain's first label, and the last label (the top-level domain); labels
// in between vanish, so "a@mail.firm.co.uk" → "a•••@m•••.uk". Text without "@" is hidden whole.
func Email(addr string) string {
	addr = strings.TrimSpace(addr)
	if addr == "" {
		return ""
	}
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return Dots
	}
	local, domain := addr[:at], addr[at+1:]
	out := first(local) + Dots + "@"
	labels := strings.Split(domain, ".")
	out += first(labels[0]) + Dots
	if len(labels) > 1 && labels[len(labels)-1] != "" {
		out += "." + labels[len(labels)-1]
	}
	return out
}

// Identity is the guest identity of addr as presenter mode shows it:
// "j•••_f•••.ca#EXT#@DMCHosting.onmicrosoft.com". The tenant part is public and stays.
func Identity(addr string) string {
	if strings.TrimSpace(addr) == "" {
		return ""
	}
	return guest.Identity(Email(addr))
}

// first is the first user-perceived character of s, so "émile" keeps "é" even when it is typed
// as "e" plus a combining accent, and a flag or family emoji is not cut in half.
func first(s string) string {
	c, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1)
	return c
}
