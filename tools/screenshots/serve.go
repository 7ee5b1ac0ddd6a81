package main

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck/netchecktest"
)

// Files serve writes into its folder. The script runs the program from that folder, so the
// command line in the picture names them briefly.
const (
	endpointsFile = "lab.toml"   // --endpoints
	caFile        = "lab-ca.pem" // --ca-file: the servers' genuine root
	// inspectionFile is the root of the pretend TLS-inspecting firewall. The script points
	// SSL_CERT_FILE at it, so "this computer" trusts it while the public web roots do not:
	// what tls_intercepted means.
	inspectionFile = "inspection-ca.pem"
	readyFile      = "ready" // written last
)

// slowDelay makes one good server slow, so the time column shows a spread.
const slowDelay = 1500 * time.Millisecond

// serve starts the lab, and waits for SIGINT or SIGTERM.
func serve(dir string) (err error) {
	t := &fixtureTB{}
	defer t.runCleanups()
	defer func() {
		switch p := recover().(type) {
		case nil:
		case fixtureFailure:
			err = errors.New(string(p))
		default:
			panic(p)
		}
	}()
	if err := startLab(t, dir); err != nil {
		return err
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	return nil
}

// startLab starts the loopback servers, and writes the list and the roots into dir, readyFile
// last. Every address is 127.0.0.1: no name is resolved, nothing leaves the machine. The servers
// stop with t's cleanups.
func startLab(t testing.TB, dir string) error {
	genuine := netchecktest.NewCA(t, "Lab Root CA", "Auvenir screenshot lab")
	inspection := netchecktest.NewCA(t, "Contoso Firewall TLS Inspection CA", "Contoso")
	url := func(addr, path string) string { return "https://" + addr + path }
	addr := func(srvPort string) string { return "127.0.0.1:" + srvPort }

	ok := netchecktest.ServeTLS(t, genuine.Leaf(t, "127.0.0.1"), 0, nil)
	slow := netchecktest.ServeTLS(t, genuine.Leaf(t, "127.0.0.1"), slowDelay, nil)
	intercepted := netchecktest.ServeTLS(t, inspection.Leaf(t, "127.0.0.1"), 0, nil)
	portal := netchecktest.ServeTLS(t, genuine.Leaf(t, "portal.hotel-wifi.example"), 0, nil)
	failing := netchecktest.ServeTLS(t, genuine.Leaf(t, "127.0.0.1"), 0,
		http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
		}))
	refused := netchecktest.Refused(t)
	dropped := netchecktest.Dropping(t)
	if dropped == "" { // not Linux: a server that accepts and never answers also times out
		dropped = netchecktest.Silent(t)
	}

	apps := []string{
		url(addr(netchecktest.Port(ok)), "/"),
		url(addr(netchecktest.Port(slow)), "/portal"),
		url(refused, "/helpdesk"),
		url(addr(netchecktest.Port(failing)), "/status"),
	}
	signIn := []string{
		url(addr(netchecktest.Port(intercepted)), "/sign-in"),
		url(dropped, "/mfa"),
		url(addr(netchecktest.Port(portal)), "/account"),
	}
	var list strings.Builder
	list.WriteString("# Loopback stand-ins made by tools/screenshots for the README picture.\n")
	group := func(id, name string, urls []string) {
		fmt.Fprintf(&list, "\n[[group]]\nid = %q\nname = %q\n", id, name)
		for _, u := range urls {
			fmt.Fprintf(&list, "\n  [[group.endpoint]]\n  url = %q\n", u)
		}
	}
	group("lab-apps", "Application stand-ins (127.0.0.1)", apps)
	group("lab-sign-in", "Sign-in stand-ins (127.0.0.1)", signIn)

	for name, data := range map[string][]byte{
		endpointsFile:  []byte(list.String()),
		caFile:         genuine.PEM,
		inspectionFile: inspection.PEM,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, readyFile), nil, 0o600)
}

// fixtureTB lets a program use netchecktest, which is written for tests: it implements the
// few testing.TB methods that package calls. Any other method would panic on the nil TB.
type fixtureTB struct {
	testing.TB
	cleanups []func()
}

type fixtureFailure string

func (t *fixtureTB) Helper()           {}
func (t *fixtureTB) Cleanup(f func())  { t.cleanups = append(t.cleanups, f) }
func (t *fixtureTB) Fatal(args ...any) { panic(fixtureFailure(fmt.Sprint(args...))) }
func (t *fixtureTB) Skip(args ...any)  {} // Dropping off Linux: it then returns ""
func (t *fixtureTB) Fatalf(f string, args ...any) {
	panic(fixtureFailure(fmt.Sprintf(f, args...)))
}

func (t *fixtureTB) runCleanups() {
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
}
