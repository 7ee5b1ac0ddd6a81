package redact

// List keeps the first max items of a list that came from outside (sign-in schemes, host
// names), each bounded by Text, and says how many were left out: the caller words "… and 8 994
// more" in the person's language.
func List(items []string, max int) (kept []string, more int) {
	if len(items) > max {
		items, more = items[:max], len(items)-max
	}
	kept = make([]string, len(items))
	for i, s := range items {
		kept[i] = Text(s, MaxValue)
	}
	return kept, more
}
