package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/internal/netcheck"
)

// The picture is only worth showing if every stand-in gives the result it stands for. The
// script runs the program with SSL_CERT_FILE pointing at the inspection root; here the checker
// is handed that root as this computer's store directly.
func TestLabGivesEachClass(t *testing.T) {
	dir := t.TempDir()
	if err := startLab(t, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, readyFile)); err != nil {
		t.Fatal("no ready file:", err)
	}
	eps, err := netcheck.LoadFile(filepath.Join(dir, endpointsFile))
	if err != nil {
		t.Fatal(err)
	}
	genuine, err := netcheck.LoadCAFile(filepath.Join(dir, caFile))
	if err != nil {
		t.Fatal(err)
	}
	inspection, err := netcheck.LoadCAFile(filepath.Join(dir, inspectionFile))
	if err != nil {
		t.Fatal(err)
	}
	none, err := netcheck.ProxyFromSettings("none", os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	system := netcheck.PublicRoots()
	system.AddCert(inspection[0])
	c := netcheck.New(netcheck.Config{Timeout: 3 * time.Second, Proxy: none,
		ExtraRoots: genuine, SystemRoots: system})
	want := []netcheck.Class{netcheck.OK, netcheck.OK, netcheck.Refused, netcheck.HTTPStatus,
		netcheck.TLSIntercepted, netcheck.Timeout, netcheck.TLSHostname}
	results := c.Run(context.Background(), eps, nil)
	if len(results) != len(want) {
		t.Fatalf("%d results, want %d", len(results), len(want))
	}
	for i, r := range results {
		if r.Class != want[i] {
			t.Errorf("%s: %s (%s), want %s", r.URL, r.Class, r.Detail, want[i])
		}
		if r.Endpoint.Host != "127.0.0.1" {
			t.Errorf("%s is not on loopback", r.URL)
		}
	}
	if results[1].Elapsed < slowDelay {
		t.Errorf("the slow server answered in %v, want at least %v", results[1].Elapsed, slowDelay)
	}
}
