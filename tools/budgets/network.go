package main

import (
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"time"
)

// Delays of the loopback endpoints: the checker should query them at the same time, so that
// checking all of them takes about as long as the slowest alone.
var endpointDelays = []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond}

// slowServer answers every request after delay, on a loopback port.
func slowServer(delay time.Duration) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(delay)
		w.WriteHeader(http.StatusOK)
	})}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/", func() { srv.Close() }, nil
}

// wall runs bin --check-network --json urls three times and returns the median wall time in ms.
func wall(bin string, urls []string) (float64, error) {
	var times []float64
	for i := 0; i < 3; i++ {
		cmd := exec.Command(bin, append([]string{"--check-network", "--json", "--lang", "en"}, urls...)...)
		start := time.Now()
		out, err := cmd.CombinedOutput()
		if err != nil {
			return 0, fmt.Errorf("%v: %s", err, lastLine(out))
		}
		times = append(times, ms(time.Since(start)))
	}
	return median(times), nil
}

// checkNetworkFigure is the ratio of the wall time of --check-network on all endpoints to its
// wall time on the slowest one alone.
func checkNetworkFigure(bin string) figure {
	f := figure{Name: "`--check-network` wall time ÷ slowest single endpoint", Budget: 1.1, Unit: "×"}
	var urls []string
	for _, d := range endpointDelays {
		u, stop, err := slowServer(d)
		if err != nil {
			f.Err = err
			return f
		}
		defer stop()
		urls = append(urls, u)
	}
	slowest, err := wall(bin, urls[len(urls)-1:])
	if err != nil {
		f.Err = err
		return f
	}
	all, err := wall(bin, urls)
	if err != nil {
		f.Err = err
		return f
	}
	f.Value = all / slowest
	f.Note = fmt.Sprintf("%.0f ms for %d loopback endpoints, %.0f ms for the %v one alone", all, len(urls), slowest, endpointDelays[len(endpointDelays)-1])
	return f
}
