package main

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestNumericVersion(t *testing.T) {
	for in, want := range map[string][4]uint16{
		"1.2.3":                             {1, 2, 3, 0},
		"1.2.3-rc.1":                        {1, 2, 3, 0},
		"2.0.0-4-gabcdef0":                  {2, 0, 0, 0},
		"1.2.3.4.5":                         {}, // the fourth part "4.5" is not a number
		"0.0.0-20261125005744-c50ddba862da": {},
		"70000.1":                           {}, // too large for VERSIONINFO
		"abc":                               {},
	} {
		if got := numericVersion(in); got != want {
			t.Errorf("numericVersion(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestValidVersion(t *testing.T) {
	for v, want := range map[string]bool{
		"1.2.3": true, "1.2.3-rc.1+meta": true, "": false, "1.2 3": false, "../x": false, "a/b": false,
		"1;rm": false, "1\"": false, strings.Repeat("1", 101): false,
	} {
		if validVersion(v) != want {
			t.Errorf("validVersion(%q) = %v", v, !want)
		}
	}
}

func TestParseTargets(t *testing.T) {
	all, err := parseTargets("all")
	if err != nil || len(all) != 6 {
		t.Fatalf("all: %v %v", all, err)
	}
	got, err := parseTargets("linux/amd64, windows/arm64,linux/amd64")
	if err != nil || !reflect.DeepEqual(got, []target{{"linux", "amd64"}, {"windows", "arm64"}}) {
		t.Errorf("list: %v %v", got, err)
	}
	for _, bad := range []string{"linux", "plan9/amd64", "linux/386", "linux/amd64,"} {
		if _, err := parseTargets(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestParseArgs(t *testing.T) {
	dir := t.TempDir()
	cert, key := filepath.Join(dir, "c.pem"), filepath.Join(dir, "k.pem")
	os.WriteFile(cert, []byte("x"), 0o600)
	os.WriteFile(key, []byte("x"), 0o600)
	env := map[string]string{"AUVENIR_SIGN_CERT": cert, "SOURCE_DATE_EPOCH": "1700000000"}
	getenv := func(k string) string { return env[k] }

	if _, err := parseArgs(nil, getenv); err == nil || !strings.Contains(err.Error(), "-sign-key") {
		t.Errorf("a certificate without a key: %v", err)
	}
	cfg, err := parseArgs([]string{"-sign-key", key, "-targets", "windows/amd64", "-version", "v1.0.0"}, getenv)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Sign.Cert != cert || cfg.Sign.Key != key || cfg.Epoch != "1700000000" || cfg.Version != "v1.0.0" ||
		!reflect.DeepEqual(cfg.Targets, []target{{"windows", "amd64"}}) {
		t.Errorf("config %+v", cfg)
	}
	if _, err := parseArgs([]string{"-sign-key", filepath.Join(dir, "missing")}, getenv); err == nil {
		t.Error("a missing key file accepted")
	}
	if _, err := parseArgs([]string{"-timestamp-url", "http://127.0.0.1:1"}, func(string) string { return "" }); err == nil {
		t.Error("a time-stamping server without a certificate accepted")
	}
	if _, err := parseArgs([]string{"extra"}, func(string) string { return "" }); err == nil {
		t.Error("a stray argument accepted")
	}
	if _, err := parseArgs([]string{"-h"}, func(string) string { return "" }); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}
