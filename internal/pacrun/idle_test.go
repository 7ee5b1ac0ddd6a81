package pacrun

import (
	"context"
	"testing"
	"time"
)

// An evaluator left idle ends by itself (a PAC never closed keeps no process), and the next
// call starts a new one without failing and without counting against maxStarts: the wizard
// keeps its --pac for every check the person starts, however far apart.
func TestIdleEvaluatorIsStartedAgain(t *testing.T) {
	e, err := Load(context.Background(), Options{Name: "idle.pac", Limit: 2 * time.Second, Idle: 50 * time.Millisecond,
		Src: []byte(`var n = 0; function FindProxyForURL(u, h) { n++; return "PROXY p" + n + ":1"; }`)})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for i := range maxStarts + 2 {
		c := e.c
		select {
		case <-c.done:
		case <-time.After(10 * time.Second):
			t.Fatal("an idle evaluator still runs")
		}
		// The top level ran again: the count starts over, as in a new run of the check.
		if v, err := e.Find(context.Background(), "https://a.test/", "a.test", time.Now()); err != nil || v != "PROXY p1:1" {
			t.Fatalf("call %d after an idle end: %q, %v", i, v, err)
		}
		if e.c == c {
			t.Fatal("the ended evaluator was used")
		}
	}
	if e.ended != 0 {
		t.Errorf("%d idle ends counted as failures", e.ended)
	}
}
