package main

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

// showQR runs --show-qr with input on standard input (a terminal when stdinTTY), tty as the
// terminal it opens, and args.
func showQR(t *testing.T, input io.Reader, stdinTTY bool, tty func() (*os.File, *os.File, error), args ...string) (code int, stdout, stderr string) {
	t.Helper()
	s, out, errb := testStreams(t, nil, stdinTTY, input)
	s.OpenTerminal = tty
	code = run(s, append([]string{"--show-qr"}, args...))
	return code, out.String(), errb.String()
}

func noTerminal() (*os.File, *os.File, error) {
	return nil, nil, errors.New("open /dev/tty: no such device")
}

// mustNotOpen fails the test if --show-qr gets as far as the terminal.
func mustNotOpen(t *testing.T) func() (*os.File, *os.File, error) {
	return func() (*os.File, *os.File, error) {
		t.Error("the terminal was opened although the input was refused")
		return noTerminal()
	}
}

const goodURI = "otpauth://totp/Example:jane@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example\n"

// Standard input a terminal: reading it would wait for typing (and echo the key), so one line
// says how to give the address, and the exit is a usage error.
func TestShowQRNeedsAPipe(t *testing.T) {
	t.Parallel()
	blocking := &blockingReader{}
	code, out, errs := showQR(t, blocking, true, mustNotOpen(t), "--lang", "en")
	if code != 2 || out != "" || strings.Count(errs, "\n") != 1 ||
		!strings.Contains(errs, "--show-qr reads the otpauth address from standard input") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if blocking.read {
		t.Fatal("standard input was read although it is a terminal")
	}
}

type blockingReader struct{ read bool }

func (b *blockingReader) Read([]byte) (int, error) { b.read = true; select {} }

// Bad input: one line in the person's language, exit 2, the terminal never touched.
func TestShowQRRefusesBadInput(t *testing.T) {
	t.Parallel()
	cases := []struct {
		input, lang, want string
	}{
		{"otpauth://hotp/x?secret=GEZDGNBVGY3TQOJQ\n", "en", "--show-qr: Only time-based codes are supported"},
		{"otpauth://totp/x?secret=not-base32!\n", "fr", "--show-qr\u00a0: La clé secrète n'est pas en base32 valide"},
		{"", "en", "--show-qr: No otpauth address was found on standard input."},
		{"https://example.com\n", "en", "--show-qr: The address must start with otpauth://."},
		{"otpauth://totp/x?secret=" + strings.Repeat("A", 10_000_000), "en", "is too long for a QR code (2331 bytes at most)"},
	}
	for _, c := range cases {
		code, out, errs := showQR(t, strings.NewReader(c.input), false, mustNotOpen(t), "--lang", c.lang)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%.40q: exit %d, stdout %q, stderr %q", c.input, code, out, errs)
		}
		if strings.Contains(errs, "GEZDGNBV") {
			t.Errorf("the error repeats the secret: %q", errs)
		}
	}
}

// An endless input is refused after a bounded read instead of filling memory or hanging.
func TestShowQREndlessInput(t *testing.T) {
	t.Parallel()
	if code, _, errs := showQR(t, endless{}, false, mustNotOpen(t), "--lang", "en"); code != 2 || !strings.Contains(errs, "too long") {
		t.Fatalf("exit %d, %q", code, errs)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'A'
	}
	return len(p), nil
}

// A valid address but no terminal to draw on (a cron job, a CI runner): one line, exit 2.
func TestShowQRWithoutTerminal(t *testing.T) {
	t.Parallel()
	code, out, errs := showQR(t, strings.NewReader(goodURI), false, noTerminal, "--lang", "en")
	if code != 2 || out != "" || strings.Count(errs, "\n") != 1 ||
		!strings.Contains(errs, "--show-qr needs a terminal to show the code, and none could be opened") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if strings.Contains(errs, "GEZDGNBV") {
		t.Fatalf("the error repeats the secret: %q", errs)
	}
}
