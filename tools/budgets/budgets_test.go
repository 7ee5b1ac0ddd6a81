package main

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/testtool"
)

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{{[]float64{5}, 5}, {[]float64{9, 1, 5}, 5}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestSlowestBench(t *testing.T) {
	out := []byte(`goos: linux
BenchmarkFrame120x40/intro-2         	     300	    761234 ns/op	  120000 B/op	    900 allocs/op
BenchmarkFrame120x40/step6-2         	     300	    912345.5 ns/op	  120000 B/op	    900 allocs/op
BenchmarkFrame120x40/finish          	     300	    500000 ns/op
PASS
`)
	name, ns, err := slowestBench(out)
	if err != nil || name != "Frame120x40/step6" || ns != 912345.5 {
		t.Errorf("slowestBench = %q %v %v", name, ns, err)
	}
	if _, _, err := slowestBench([]byte("PASS\nok\n")); err == nil {
		t.Error("output without benchmarks accepted")
	}
}

func TestVmHWM(t *testing.T) {
	status := []byte("Name:\tauvenir-onboard\nVmPeak:\t 1300000 kB\nVmHWM:\t   16084 kB\nVmRSS:\t   15000 kB\n")
	if got, err := vmHWM(status); err != nil || got != 16084*1024 {
		t.Errorf("vmHWM = %v %v", got, err)
	}
	if _, err := vmHWM([]byte("Name:\tx\n")); err == nil {
		t.Error("a status without VmHWM accepted")
	}
}

func TestReport(t *testing.T) {
	var buf bytes.Buffer
	ok := report(&buf, []figure{
		{Name: "size", Value: 6.61, Budget: 12, Unit: "MiB"},
		{Name: "speed", Value: 150, Budget: 100, Unit: "ms", Note: "median of 5"},
		{Name: "net", Budget: 1.1, Unit: "×", Err: errors.New("no checker")},
	})
	if ok {
		t.Error("a figure over budget reported as fitting")
	}
	for _, want := range []string{"| size | 6.61 MiB | 12 MiB | ok |", "| speed | 150 ms (median of 5) | 100 ms | OVER BUDGET |", "| net | – | 1.1 × | not measured: no checker |"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}
	if !report(io.Discard, []figure{{Value: 1, Budget: 1}, {Err: errors.New("n/a")}}) {
		t.Error("figures within budget (or not measured) reported as over")
	}
}

func TestSlowServerWaits(t *testing.T) {
	url, stop, err := slowServer(50 * time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("server at %s, not on loopback", url)
	}
	start := time.Now()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if d := time.Since(start); resp.StatusCode != http.StatusOK || d < 50*time.Millisecond {
		t.Errorf("status %d after %v, want 200 after at least 50ms", resp.StatusCode, d)
	}
}

func TestDirectImports(t *testing.T) {
	lines := ownModule + ` fmt github.com/nyaruka/phonenumbers golang.org/x/text/language ` + ownModule + `/internal/qr
` + ownModule + ` golang.org/x/text/language/display github.com/nyaruka/phonenumbers
github.com/nyaruka/phonenumbers google.golang.org/protobuf/proto
`
	moduleOf := map[string]string{
		"github.com/nyaruka/phonenumbers": "github.com/nyaruka/phonenumbers", "golang.org/x/text/language": "golang.org/x/text",
		"golang.org/x/text/language/display": "golang.org/x/text", "google.golang.org/protobuf/proto": "google.golang.org/protobuf",
		ownModule + "/internal/qr": ownModule,
	}
	got := directImports(lines, moduleOf)
	if len(got) != 2 || len(got["github.com/nyaruka/phonenumbers"]) != 1 || len(got["golang.org/x/text"]) != 2 {
		t.Errorf("got %v (protobuf is only imported by phonenumbers, not directly)", got)
	}
}

func TestInitTimes(t *testing.T) {
	trace := []byte(`init internal/bytealg @0.008 ms, 0 ms clock, 0 bytes, 0 allocs
init github.com/nyaruka/phonenumbers @12 ms, 14.5 ms clock, 9000000 bytes, 90000 allocs
init github.com/nyaruka/phonenumbers @27 ms, 0.5 ms clock, 10 bytes, 1 allocs
auvenir-onboard 1.0.0
`)
	got, err := initTimes(trace)
	if err != nil || got["github.com/nyaruka/phonenumbers"] != 15 || got["internal/bytealg"] != 0 || len(got) != 2 {
		t.Errorf("initTimes = %v, %v", got, err)
	}
	if _, err := initTimes([]byte("auvenir-onboard 1.0.0\n")); err == nil {
		t.Error("output without a trace accepted")
	}
}

// The ratio is of medians of runs taken alternately; true (the shell) runs as both programs here.
func TestStartRatio(t *testing.T) {
	testtool.Need(t, "true")
	sh, _ := exec.LookPath("true")
	r, prog, base, err := startRatio(3, sh, sh, nil)
	if err != nil || prog <= 0 || base <= 0 || r != prog/base {
		t.Errorf("startRatio = %v %v %v %v", r, prog, base, err)
	}
	if _, _, _, err := startRatio(1, "/nonexistent/program", sh, nil); err == nil {
		t.Error("a program that cannot start gave a ratio")
	}
}
