package proxy_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/proxy"
)

// Issue 19 item 3: what Chromium does with a script that gives no usable answer: DIRECT
// (net/proxy_resolution falls back to direct on a script error; ProxyList::SetFromPacString
// uses DIRECT when nothing parses). Before: the address failed with class proxy.
func TestPACWithoutAnAnswerGoesDirect(t *testing.T) {
	for name, body := range map[string]string{
		"throws":    `throw new Error("no rule for " + host);`,
		"garbage":   `return "GARBAGE here";`,
		"undefined": `return undefined;`,
		"empty":     `return "";`,
		"no return": `var x = 1;`,
		"object":    `return {};`,
	} {
		t.Run(name, func(t *testing.T) {
			p := newPAC(t, "function FindProxyForURL(url, host) { "+body+" }", &countingResolver{})
			got, err := p.Choices(context.Background(), mustURL("https://login.microsoftonline.com/"))
			fb, ok := proxy.AsDirectFallback(err)
			if len(got) != 1 || got[0] != nil || !ok || !strings.Contains(fb.Reason, "PAC test.pac") {
				t.Fatalf("choices %v, error %v: want DIRECT and the reason", got, err)
			}
		})
	}
}

// droppingResolver answers nothing for names under .drop until the caller gives up, as a DNS
// server that drops the question; other names resolve to 10.1.2.3.
type droppingResolver struct{}

func (droppingResolver) LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error) {
	if strings.HasSuffix(host, ".drop") {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return []net.IPAddr{{IP: net.IPv4(10, 1, 2, 3)}}, nil
}

// Issue 19 item 3: dnsResolve on a name the DNS drops. Before: the lookup raced the call's
// 2 s limit under one lock, and the answer changed from run to run (the script interrupted, or
// going on). Now a lookup has half the limit: the name resolves to nothing, the script goes on,
// and three runs give the same answer within the limit.
func TestPACLookupOfADroppedNameIsDeterministic(t *testing.T) {
	script := `function FindProxyForURL(url, host) {
		if (isInNet(dnsResolve("wpad.corp.drop"), "10.0.0.0", "255.0.0.0")) return "PROXY inside.example:3128";
		if (dnsResolve(host) == null) return "PROXY unknown.example:3128";
		return "PROXY outside.example:3128";
	}`
	var answers []string
	for range 3 {
		p, err := proxy.NewPAC("drop.pac", []byte(script), proxy.PACOptions{Resolver: droppingResolver{}, Limit: 600 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		got, err := p.Choices(context.Background(), mustURL("https://login.microsoftonline.com/"))
		if err != nil || len(got) != 1 || got[0] == nil {
			t.Fatalf("choices %v, error %v", got, err)
		}
		if d := time.Since(start); d > 600*time.Millisecond {
			t.Errorf("the call took %v, past its limit", d)
		}
		answers = append(answers, got[0].Host)
	}
	if answers[0] != "outside.example:3128" || answers[1] != answers[0] || answers[2] != answers[0] {
		t.Errorf("answers %v, want outside.example:3128 three times", answers)
	}
}
