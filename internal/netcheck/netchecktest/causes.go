package netchecktest

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/binary"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"
)

// DNSServer is a DNS server on 127.0.0.1 (UDP) that answers A and AAAA questions from its
// answers, NXDOMAIN for names it does not know, or SERVFAIL for every name: a DNS filter's
// sinkhole answers, a resolver that cannot reach the outside.
type DNSServer struct {
	Addr    string // 127.0.0.1:port
	answers map[string][]net.IP
	fail    bool
}

// NewDNSServer starts a DNS server answering answers (names without the final dot).
func NewDNSServer(t testing.TB, answers map[string][]net.IP) *DNSServer {
	return startDNS(t, answers, false)
}

// FailingDNSServer starts a DNS server that answers SERVFAIL to everything: it cannot reach the
// outside.
func FailingDNSServer(t testing.TB) *DNSServer { return startDNS(t, nil, true) }

func startDNS(t testing.TB, answers map[string][]net.IP, fail bool) *DNSServer {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	s := &DNSServer{Addr: pc.LocalAddr().String(), answers: answers, fail: fail}
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			if out := s.answer(buf[:n]); out != nil {
				pc.WriteTo(out, from)
			}
		}
	}()
	return s
}

func (s *DNSServer) answer(q []byte) []byte {
	var p dnsmessage.Parser
	h, err := p.Start(q)
	if err != nil {
		return nil
	}
	question, err := p.Question()
	if err != nil {
		return nil
	}
	name := strings.TrimSuffix(strings.ToLower(question.Name.String()), ".")
	rh := dnsmessage.Header{ID: h.ID, Response: true, RecursionAvailable: true, RecursionDesired: h.RecursionDesired}
	ips, known := s.answers[name]
	switch {
	case s.fail:
		rh.RCode = dnsmessage.RCodeServerFailure
	case !known:
		rh.RCode = dnsmessage.RCodeNameError
	}
	b := dnsmessage.NewBuilder(nil, rh)
	b.EnableCompression()
	b.StartQuestions()
	b.Question(question)
	b.StartAnswers()
	if rh.RCode == dnsmessage.RCodeSuccess {
		for _, ip := range ips {
			rr := dnsmessage.ResourceHeader{Name: question.Name, Class: dnsmessage.ClassINET, TTL: 60}
			if v4 := ip.To4(); v4 != nil && question.Type == dnsmessage.TypeA {
				b.AResource(rr, dnsmessage.AResource{A: [4]byte(v4)})
			} else if v4 == nil && question.Type == dnsmessage.TypeAAAA {
				b.AAAAResource(rr, dnsmessage.AAAAResource{AAAA: [16]byte(ip.To16())})
			}
		}
	}
	out, err := b.Finish()
	if err != nil {
		return nil
	}
	return out
}

// Resolver is Go's own resolver, asking only this server: what a check does with the system's
// DNS, on loopback.
func (s *DNSServer) Resolver() *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", s.Addr)
	}}
}

// StallAfterHello starts a TLS server presenting cert behind a link that passes the server's
// first TLS record (its hello) and then nothing more from the server: what a VPN or tunnel
// whose MTU is too small does to the larger packets of the certificate. It returns the port.
func StallAfterHello(t testing.TB, cert tls.Certificate) string {
	t.Helper()
	srv := ServeTLS(t, cert, 0, nil)
	return relay(t, srv.Listener.Addr().String(), func(up net.Conn, down net.Conn) {
		// Forward exactly one record: 5 bytes of header, then its length.
		head := make([]byte, 5)
		if _, err := io.ReadFull(up, head); err != nil {
			return
		}
		body := make([]byte, binary.BigEndian.Uint16(head[3:5]))
		if _, err := io.ReadFull(up, body); err != nil {
			return
		}
		down.Write(append(head, body...))
		io.Copy(io.Discard, up) // the rest is lost on the way
	})
}

// relay listens on 127.0.0.1 and joins each connection to target: the client's bytes go up
// untouched, the server's go through back. It returns the port.
func relay(t testing.TB, target string, back func(up, down net.Conn)) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	track := func(c net.Conn) {
		mu.Lock()
		conns = append(conns, c)
		mu.Unlock()
	}
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	go func() {
		for {
			down, err := l.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				down.Close()
				continue
			}
			track(down)
			track(up)
			go io.Copy(up, down)
			go back(up, down)
		}
	}()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port
}

// AlertSender listens on 127.0.0.1, reads the client's hello and answers with a fatal TLS
// alert (RFC 8446 numbers: 40 handshake_failure, 49 access_denied, 112 unrecognized_name), as
// a server or a filter refusing the connection does. It returns the port.
func AlertSender(t testing.TB, alert byte) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(5 * time.Second))
				head := make([]byte, 5)
				if _, err := io.ReadFull(c, head); err != nil {
					return
				}
				io.CopyN(io.Discard, c, int64(binary.BigEndian.Uint16(head[3:5])))
				c.Write([]byte{21, 3, 3, 0, 2, 2, alert}) // alert record: level fatal
			}()
		}
	}()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port
}

// IssueWithAIA makes a certificate for names whose AIA "CA Issuers" address is aiaURL: where a
// client finds the issuer's certificate when the server does not send it.
func (ca *CA) IssueWithAIA(t testing.TB, aiaURL string, names ...string) tls.Certificate {
	t.Helper()
	k := key(t)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(serial.Add(1)),
		NotBefore:             time.Now().Add(-24 * time.Hour),
		NotAfter:              time.Now().Add(30 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IssuingCertificateURL: []string{aiaURL},
		DNSNames:              names,
	}
	tmpl.Subject.CommonName = names[0]
	leaf, der := sign(t, tmpl, ca.Cert, k, ca.Key)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: k, Leaf: leaf}
}

// ServeCertificate serves ca's certificate in DER at http://127.0.0.1:port/issuer.crt, as a CA
// publishes its intermediates at their AIA address. It returns the port and counts the fetches.
func ServeCertificate(t testing.TB, ca *CA) (port string, fetches func() int) {
	t.Helper()
	var mu sync.Mutex
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		mu.Unlock()
		if r.URL.Path != "/issuer.crt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/pkix-cert")
		w.Write(ca.Cert.Raw)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	t.Cleanup(srv.Close)
	return Port(srv), func() int { mu.Lock(); defer mu.Unlock(); return n }
}

// DualStack serves cert over TLS on 127.0.0.1:port and, on [::1]:port, accepts connections and
// never answers: a name whose IPv6 address connects but stalls while IPv4 works. It returns
// the port, the same for both.
func DualStack(t testing.TB, cert tls.Certificate) string {
	t.Helper()
	for range 20 {
		srv := ServeTLS(t, cert, 0, nil)
		port := Port(srv)
		l, err := net.Listen("tcp", net.JoinHostPort("::1", port))
		if err != nil {
			srv.Close()
			continue
		}
		silence(t, l)
		return port
	}
	t.Fatal("no port free on both 127.0.0.1 and ::1")
	return ""
}

// silence accepts connections on l and never sends a byte.
func silence(t testing.TB, l net.Listener) {
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
}

// Portal is a captive portal on loopback: every plain-http request is redirected to its
// sign-in page at http://portal.test:HTTPPort/login, and every TLS connection gets its one
// certificate, for portal.test, whatever name was asked for.
type Portal struct {
	HTTPPort, TLSPort string
}

// NewPortal starts a portal whose TLS certificate is issued by ca.
func NewPortal(t testing.TB, ca *CA) *Portal {
	t.Helper()
	p := &Portal{}
	web := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/login" {
			io.WriteString(w, "<html>Sign in to the hotel Wi-Fi</html>")
			return
		}
		http.Redirect(w, r, "http://portal.test:"+p.HTTPPort+"/login", http.StatusFound)
	}))
	web.Config.ErrorLog = log.New(io.Discard, "", 0)
	web.Start()
	t.Cleanup(web.Close)
	p.HTTPPort = Port(web)
	p.TLSPort = Port(ServeTLS(t, ca.Leaf(t, "portal.test"), 0, nil))
	return p
}

// PortalURL is the plain-http address of the connectivity test as the portal serves it.
func (p *Portal) PortalURL() string {
	return "http://connectivity.test:" + p.HTTPPort + "/connecttest.txt"
}

// ConnectivityServer answers the connectivity test with its known body: a network without a
// portal. It returns its URL.
func ConnectivityServer(t testing.TB, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return "http://connectivity.test:" + strconv.Itoa(srv.Listener.Addr().(*net.TCPAddr).Port) + "/connecttest.txt"
}
