package pacrun

import (
	"fmt"
	"net"
	"net/netip"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// Input caps of the helpers: far above what a real script passes (host names of 253
// characters, URLs of a few hundred), low enough that no helper call takes long or allocates
// much. A longer argument throws a RangeError that names the helper: the script fails with a
// reason instead of running to its deadline.
const (
	maxHelperArg    = 64 << 10 // any helper's string argument
	maxShExpArg     = 8 << 10  // shExpMatch's string and pattern: its worst case is their product
	maxSortIPsItems = 1024     // sortIpAddressList's addresses
)

// helpers defines the functions browsers give PAC scripts (Netscape's original set, and
// Microsoft's IPv6 "Ex" set that Windows scripts use). They run inside a guarded call.
func (p *engine) helpers() {
	str := func(name string, c goja.FunctionCall, i, limit int) string {
		a := c.Argument(i)
		if goja.IsUndefined(a) || goja.IsNull(a) {
			return ""
		}
		if s, ok := a.(goja.String); ok && s.Length() > limit {
			panic(p.vm.NewGoError(&Error{KindScript, fmt.Sprintf("%s: argument longer than %d characters", name, limit)}))
		}
		s := a.String() // an object's toString is script code, under the same guard
		if len(s) > limit {
			panic(p.vm.NewGoError(&Error{KindScript, fmt.Sprintf("%s: argument longer than %d characters", name, limit)}))
		}
		return s
	}
	set := func(name string, f func(goja.FunctionCall) goja.Value) { p.vm.Set(name, f) }
	boolean := func(b bool) goja.Value { return p.vm.ToValue(b) }

	set("isPlainHostName", func(c goja.FunctionCall) goja.Value {
		return boolean(!strings.Contains(str("isPlainHostName", c, 0, maxHelperArg), "."))
	})
	set("dnsDomainIs", func(c goja.FunctionCall) goja.Value {
		return boolean(strings.HasSuffix(strings.ToLower(str("dnsDomainIs", c, 0, maxHelperArg)), strings.ToLower(str("dnsDomainIs", c, 1, maxHelperArg))))
	})
	set("localHostOrDomainIs", func(c goja.FunctionCall) goja.Value {
		host, full := strings.ToLower(str("localHostOrDomainIs", c, 0, maxHelperArg)), strings.ToLower(str("localHostOrDomainIs", c, 1, maxHelperArg))
		return boolean(host == full || (!strings.Contains(host, ".") && strings.HasPrefix(full, host+".")))
	})
	set("dnsDomainLevels", func(c goja.FunctionCall) goja.Value {
		return p.vm.ToValue(strings.Count(str("dnsDomainLevels", c, 0, maxHelperArg), "."))
	})
	set("shExpMatch", func(c goja.FunctionCall) goja.Value {
		return boolean(ShExpMatch(str("shExpMatch", c, 0, maxShExpArg), str("shExpMatch", c, 1, maxShExpArg)))
	})
	set("isResolvable", func(c goja.FunctionCall) goja.Value {
		return boolean(firstV4(p.w.lookup(str("isResolvable", c, 0, maxHelperArg))) != "")
	})
	set("isResolvableEx", func(c goja.FunctionCall) goja.Value {
		return boolean(len(p.w.lookup(str("isResolvableEx", c, 0, maxHelperArg))) > 0)
	})
	set("dnsResolve", func(c goja.FunctionCall) goja.Value {
		if ip := firstV4(p.w.lookup(str("dnsResolve", c, 0, maxHelperArg))); ip != "" {
			return p.vm.ToValue(ip)
		}
		return goja.Null()
	})
	set("dnsResolveEx", func(c goja.FunctionCall) goja.Value {
		return p.vm.ToValue(joinIPs(p.w.lookup(str("dnsResolveEx", c, 0, maxHelperArg))))
	})
	set("myIpAddress", func(goja.FunctionCall) goja.Value {
		if ip := firstV4(p.w.myIP()); ip != "" {
			return p.vm.ToValue(ip)
		}
		return p.vm.ToValue("127.0.0.1")
	})
	set("myIpAddressEx", func(goja.FunctionCall) goja.Value {
		return p.vm.ToValue(joinIPs(p.w.myIP()))
	})
	set("isInNet", func(c goja.FunctionCall) goja.Value {
		ip := net.ParseIP(str("isInNet", c, 0, maxHelperArg)).To4()
		if ip == nil {
			ip = net.ParseIP(firstV4(p.w.lookup(str("isInNet", c, 0, maxHelperArg)))).To4()
		}
		pat, mask := net.ParseIP(str("isInNet", c, 1, maxHelperArg)).To4(), net.ParseIP(str("isInNet", c, 2, maxHelperArg)).To4()
		if ip == nil || pat == nil || mask == nil {
			return boolean(false)
		}
		for i := range ip {
			if ip[i]&mask[i] != pat[i]&mask[i] {
				return boolean(false)
			}
		}
		return boolean(true)
	})
	set("isInNetEx", func(c goja.FunctionCall) goja.Value {
		ip, err1 := netip.ParseAddr(str("isInNetEx", c, 0, maxHelperArg))
		prefix, err2 := netip.ParsePrefix(str("isInNetEx", c, 1, maxHelperArg))
		return boolean(err1 == nil && err2 == nil && prefix.Contains(ip.Unmap()))
	})
	set("sortIpAddressList", func(c goja.FunctionCall) goja.Value {
		var ips []netip.Addr
		for s := range strings.SplitSeq(str("sortIpAddressList", c, 0, maxHelperArg), ";") {
			if len(ips) == maxSortIPsItems {
				panic(p.vm.NewGoError(&Error{KindScript, fmt.Sprintf("sortIpAddressList: more than %d addresses", maxSortIPsItems)}))
			}
			a, err := netip.ParseAddr(strings.TrimSpace(s))
			if err != nil {
				return boolean(false)
			}
			ips = append(ips, a)
		}
		// IPv6 first, as Microsoft documents, then by address.
		sort.SliceStable(ips, func(i, j int) bool {
			if ips[i].Is6() != ips[j].Is6() {
				return ips[i].Is6()
			}
			return ips[i].Less(ips[j])
		})
		out := make([]string, len(ips))
		for i, a := range ips {
			out[i] = a.String()
		}
		return p.vm.ToValue(strings.Join(out, ";"))
	})
	set("weekdayRange", func(c goja.FunctionCall) goja.Value {
		args, gmt := pacArgs(c, str)
		now := p.clock(gmt)
		if len(args) == 0 {
			return boolean(false)
		}
		d1, d2 := weekday(args[0]), weekday(args[len(args)-1])
		if d1 < 0 || d2 < 0 {
			return boolean(false)
		}
		wd := int(now.Weekday())
		if d1 <= d2 {
			return boolean(d1 <= wd && wd <= d2)
		}
		return boolean(wd >= d1 || wd <= d2)
	})
	set("timeRange", func(c goja.FunctionCall) goja.Value {
		args, gmt := pacArgs(c, str)
		now := p.clock(gmt)
		n := make([]int, len(args))
		for i, a := range args {
			v, err := strconv.Atoi(a)
			if err != nil {
				return boolean(false)
			}
			n[i] = v
		}
		secs := now.Hour()*3600 + now.Minute()*60 + now.Second()
		switch len(n) {
		case 1:
			return boolean(now.Hour() == n[0])
		case 2: // hours: from the start of the first to the end of the second
			return boolean(n[0]*3600 <= secs && secs < (n[1]+1)*3600)
		case 4:
			return boolean(n[0]*3600+n[1]*60 <= secs && secs < n[2]*3600+(n[3]+1)*60)
		case 6:
			return boolean(n[0]*3600+n[1]*60+n[2] <= secs && secs <= n[3]*3600+n[4]*60+n[5])
		}
		return boolean(false)
	})
	set("dateRange", func(c goja.FunctionCall) goja.Value {
		args, gmt := pacArgs(c, str)
		return boolean(dateRange(p.clock(gmt), args))
	})
	set("alert", func(goja.FunctionCall) goja.Value { return goja.Undefined() })
}

// dateRange is Netscape's dateRange: a day (1–31), a month (JAN–DEC), a year (four digits),
// or day-month, month-year, day-month-year, alone (today matches) or as a pair of the same
// shape (an inclusive range; days and months wrap around, DEC to FEB).
func dateRange(now time.Time, args []string) bool {
	kinds := make([]byte, len(args))
	vals := make([]int, len(args))
	for i, a := range args {
		if m := month(a); m > 0 {
			kinds[i], vals[i] = 'm', m
			continue
		}
		n, err := strconv.Atoi(a)
		switch {
		case err != nil || n < 1:
			return false
		case n <= 31:
			kinds[i], vals[i] = 'd', n
		default:
			kinds[i], vals[i] = 'y', n
		}
	}
	n := len(args)
	if n == 2 || n == 4 || n == 6 {
		n /= 2
		if string(kinds[:n]) != string(kinds[n:]) {
			return false
		}
	}
	shape := string(kinds[:n])
	switch shape {
	case "d", "m", "y", "dm", "my", "dmy":
	default:
		return false
	}
	// Year, then month, then day: a number that orders dates of this shape.
	key := func(get func(byte) (int, bool)) int {
		k := 0
		for _, kind := range []byte{'y', 'm', 'd'} {
			if v, ok := get(kind); ok {
				k = k*100 + v
			}
		}
		return k
	}
	side := func(from int) func(byte) (int, bool) {
		return func(kind byte) (int, bool) {
			for i := from; i < from+n; i++ {
				if kinds[i] == kind {
					return vals[i], true
				}
			}
			return 0, false
		}
	}
	today := key(func(kind byte) (int, bool) {
		if !strings.ContainsRune(shape, rune(kind)) {
			return 0, false
		}
		return map[byte]int{'d': now.Day(), 'm': int(now.Month()), 'y': now.Year()}[kind], true
	})
	from := key(side(0))
	if n == len(args) {
		return today == from
	}
	to := key(side(n))
	if from <= to {
		return from <= today && today <= to
	}
	return !strings.Contains(shape, "y") && (today >= from || today <= to)
}

func month(s string) int {
	for i, m := range []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"} {
		if strings.EqualFold(s, m) {
			return i + 1
		}
	}
	return 0
}

func (p *engine) clock(gmt bool) time.Time {
	if gmt {
		return p.w.now().UTC()
	}
	return p.w.now()
}

// pacArgs are the arguments as strings, without a last "GMT", which says the times are UTC.
func pacArgs(c goja.FunctionCall, str func(string, goja.FunctionCall, int, int) string) ([]string, bool) {
	var out []string
	for i := range c.Arguments {
		if i == 8 { // the longest form, dateRange(d, m, y, d, m, y, "GMT"), has 7
			break
		}
		out = append(out, str("dateRange", c, i, 64))
	}
	if n := len(out); n > 0 && strings.EqualFold(out[n-1], "GMT") {
		return out[:n-1], true
	}
	return out, false
}

func weekday(s string) int {
	for i, d := range []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"} {
		if strings.EqualFold(s, d) {
			return i
		}
	}
	return -1
}

func firstV4(ips []net.IP) string {
	for _, ip := range ips {
		if v4 := ip.To4(); v4 != nil {
			return v4.String()
		}
	}
	return ""
}

func joinIPs(ips []net.IP) string {
	out := make([]string, len(ips))
	for i, ip := range ips {
		out[i] = ip.String()
	}
	return strings.Join(out, ";")
}

// ShExpMatch is the shell-style match of PAC scripts: "*" any run of characters ("/" and
// "." included), "?" one character, everything else itself.
func ShExpMatch(s, pattern string) bool {
	// Iterative matching with one backtrack point: linear in practice, never exponential.
	si, pi, star, mark := 0, 0, -1, 0
	for si < len(s) {
		switch {
		case pi < len(pattern) && (pattern[pi] == '?' || pattern[pi] == s[si]):
			si++
			pi++
		case pi < len(pattern) && pattern[pi] == '*':
			star, mark = pi, si
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(pattern) && pattern[pi] == '*' {
		pi++
	}
	return pi == len(pattern)
}
