package pacrun

import (
	"net"
	"time"
)

// msg is one line of the conversation between the parent and the child, JSON-encoded.
//
//	parent → child: load {Name, Src, LimitMS, IdleMS}, find {URL, Host, NowNS, Zone, Offset},
//	                ips {IPs} (the answer to dns or myip)
//	child → parent: ready, dns {Host}, myip, answer {Value}, fail {Kind, Err}
type msg struct {
	Op      string   `json:"op"`
	Name    string   `json:"name,omitempty"`
	Src     string   `json:"src,omitempty"`
	LimitMS int64    `json:"limit_ms,omitempty"`
	IdleMS  int64    `json:"idle_ms,omitempty"`
	URL     string   `json:"url,omitempty"`
	Host    string   `json:"host,omitempty"`
	NowNS   int64    `json:"now_ns,omitempty"`
	Zone    string   `json:"zone,omitempty"`
	Offset  int      `json:"offset,omitempty"`
	IPs     []string `json:"ips,omitempty"`
	Value   string   `json:"value,omitempty"`
	Kind    string   `json:"kind,omitempty"`
	Err     string   `json:"err,omitempty"`
}

// maxLine bounds one line read by either side: a script of MaxScript bytes JSON-escaped (six
// bytes a character at worst) and the envelope.
const maxLine = 6*MaxScript + 4096

// MaxScript is the largest script the child accepts; the callers read at most this much.
const MaxScript = 1 << 20

func ipStrings(ips []net.IP) []string {
	out := make([]string, 0, len(ips))
	for _, ip := range ips {
		out = append(out, ip.String())
	}
	return out
}

func parseIPs(ss []string) []net.IP {
	out := make([]net.IP, 0, len(ss))
	for _, s := range ss {
		if ip := net.ParseIP(s); ip != nil {
			out = append(out, ip)
		}
	}
	return out
}

func timeOf(m msg) time.Time {
	return time.Unix(0, m.NowNS).In(time.FixedZone(m.Zone, m.Offset))
}
