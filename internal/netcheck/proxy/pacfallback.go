package proxy

import "time"

// lookupBudget is how long one name lookup of the script may take: half of the call's limit,
// so that a DNS server that drops the question leaves the script time to finish, and the
// answer (no address) is the same on every run rather than a race with the call's limit
// (issue 19 item 3).
func (p *PAC) lookupBudget() time.Duration { return p.limit / 2 }
