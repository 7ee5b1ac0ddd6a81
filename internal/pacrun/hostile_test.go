package pacrun

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// hostile are the scripts of issue 22, each as a network that controls WPAD or the PAC server
// could serve it. Every one must end within its limit, within the memory limit, with a named
// failure (the check then goes DIRECT and says the PAC failed).
var hostile = []struct {
	name   string
	script string
	calls  int      // FindProxyForURL calls after a successful load
	kinds  []string // the failures allowed (memory or time: whichever the machine hits first)
	answer bool     // some calls may answer (memory kept across calls: until the limit)
}{
	{name: "repeat 1.5e9 at the top level", script: `var s = "xxxx".repeat(1.5e9);
		function FindProxyForURL(u, h) { return "DIRECT"; }`, kinds: []string{KindMemory, KindTimeout, KindScript}},
	{name: "Array(1e9).join", script: `function FindProxyForURL(u, h) { return new Array(1e9).join("x"); }`,
		calls: 1, kinds: []string{KindMemory, KindTimeout}},
	{name: "string doubling", script: `function FindProxyForURL(u, h) { var s = "x"; for (;;) s = s + s; }`,
		calls: 1, kinds: []string{KindMemory, KindTimeout, KindScript}},
	{name: "memory kept across calls", script: `var keep = [];
		function FindProxyForURL(u, h) { keep.push("x".repeat(5e7) + h); return "DIRECT"; }`,
		calls: 12, kinds: []string{KindMemory, KindTimeout}, answer: true},
	{name: "shExpMatch with huge inputs", script: `function FindProxyForURL(u, h) {
		var s = "a".repeat(1 << 20), p = "*" + "a".repeat(100000) + "b";
		return shExpMatch(s, p) ? "PROXY p:1" : "DIRECT"; }`, calls: 1, kinds: []string{KindScript}},
	{name: "sortIpAddressList of 10M", script: `function FindProxyForURL(u, h) {
		return sortIpAddressList("10.0.0.1;".repeat(1e7) + "10.0.0.2"); }`, calls: 1, kinds: []string{KindScript, KindMemory, KindTimeout}},
	{name: "sortIpAddressList of 2000", script: `function FindProxyForURL(u, h) {
		return sortIpAddressList("10.0.0.1;".repeat(2000) + "10.0.0.2"); }`, calls: 1, kinds: []string{KindScript}},
	{name: "deep recursion", script: `function f(n) { return f(n + 1); }
		function FindProxyForURL(u, h) { return f(0); }`, calls: 1, kinds: []string{KindRecursion}},
	{name: "toString that loops", script: `function FindProxyForURL(u, h) {
		return { toString: function () { for (;;) {} } }; }`, calls: 1, kinds: []string{KindNotString}},
	{name: "a number", script: `function FindProxyForURL(u, h) { return 42; }`, calls: 1, kinds: []string{KindNotString}},
	{name: "a String object", script: `function FindProxyForURL(u, h) { return new String("DIRECT"); }`,
		calls: 1, kinds: []string{KindNotString}},
	{name: "an answer of 1 MB", script: `function FindProxyForURL(u, h) { return "DIRECT; ".repeat(1 << 17); }`,
		calls: 1, kinds: []string{KindTooLong}},
	{name: "getter on FindProxyForURL", script: `Object.defineProperty(this, "FindProxyForURL",
		{ get: function () { for (;;) {} } });`, kinds: []string{KindTimeout}},
	{name: "loop in a helper's argument", script: `function FindProxyForURL(u, h) {
		return dnsDomainIs({ toString: function () { for (;;) {} } }, ".x") ? "DIRECT" : "DIRECT"; }`,
		calls: 1, kinds: []string{KindTimeout}},
}

// The hostile-PAC suite: each script ends with a named failure, in time, within memory, and no
// evaluator process is left behind. The figures (wall time, the evaluator's peak memory) are
// printed with -v; scripts/pac-hostile.sh runs it so.
func TestHostileScripts(t *testing.T) {
	const limit = 2 * time.Second // the check's own PACLimit
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			peakRSS.Store(0)
			start := time.Now()
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			e, err := Load(ctx, Options{Name: "hostile.pac", Src: []byte(h.script), Limit: limit})
			var kinds []string
			answers := 0
			if err != nil {
				kinds = append(kinds, kindOf(t, err))
			}
			for i := 0; e != nil && i < h.calls; i++ {
				callStart := time.Now()
				v, err := e.Find(ctx, "https://a"+strconv.Itoa(i)+".test/", "a"+strconv.Itoa(i)+".test", time.Now())
				if took := time.Since(callStart); took > limit+killGrace+5*time.Second {
					t.Errorf("call %d took %v", i, took)
				}
				if err != nil {
					kinds = append(kinds, kindOf(t, err))
				} else {
					answers++
					if v != "DIRECT" {
						t.Errorf("answer %q", v)
					}
				}
			}
			if e != nil {
				e.Close()
			}
			if len(kinds) == 0 {
				t.Fatalf("no failure (%d answers)", answers)
			}
			for _, k := range kinds {
				if !slices.Contains(h.kinds, k) {
					t.Errorf("failure %q, want one of %v", k, h.kinds)
				}
			}
			if answers > 0 && !h.answer {
				t.Errorf("%d answers", answers)
			}
			// The race detector shadows the heap (Go's documentation: 5 to 10 times the memory).
			bound := int64(250 << 20)
			if raceData > 0 {
				bound *= 4
			}
			if rss := PeakChildRSS(); rss > bound {
				t.Errorf("the evaluator's peak memory: %d MB", rss>>20)
			}
			if n := evaluators(t); n != 0 {
				t.Errorf("%d evaluator processes left", n)
			}
			t.Logf("figures: %-32s wall %6dms  evaluator peak RSS %4d MB  parent peak RSS %4d MB  failures %v",
				h.name, time.Since(start).Milliseconds(), PeakChildRSS()>>20, selfPeakRSS()>>20, compact(kinds))
		})
	}
}

func kindOf(t *testing.T, err error) string {
	t.Helper()
	pe, ok := err.(*Error)
	if !ok {
		t.Errorf("error %T %v, not an *Error", err, err)
		return ""
	}
	if strings.TrimSpace(pe.Msg) == "" || strings.ContainsAny(pe.Msg, "\r\n") {
		t.Errorf("reason %q", pe.Msg)
	}
	if testing.Verbose() {
		t.Logf("%s: %s", pe.Kind, pe.Msg)
	}
	return pe.Kind
}

func compact(kinds []string) string {
	n := map[string]int{}
	for _, k := range kinds {
		n[k]++
	}
	var out []string
	for k, c := range n {
		out = append(out, fmt.Sprintf("%s×%d", k, c))
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// evaluators counts this process's children still running (Linux; 0 elsewhere).
func evaluators(t *testing.T) int {
	if runtime.GOOS != "linux" {
		return 0
	}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	n := 0
	for _, f := range stats {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) > 2 && f[1] != "Z" && f[2] == strconv.Itoa(os.Getpid()) {
			n++
		}
	}
	return n
}
