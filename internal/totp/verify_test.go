package totp

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base32"
	"encoding/binary"
	"fmt"
	"hash"
	"sync"
	"testing"
	"time"

	"github.com/auvenir/auvenir-onboard/locales"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"
)

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// RFC 6238 Appendix B: the seeds are ASCII "1234567890" repeated to the hash's size.
var (
	seedSHA1   = "12345678901234567890"
	seedSHA256 = "12345678901234567890123456789012"
	seedSHA512 = "1234567890123456789012345678901234567890123456789012345678901234"
	rfcTimes   = []int64{59, 1111111109, 1111111111, 1234567890, 2000000000, 20000000000}
	rfcSHA1    = []string{"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"}
	rfcSHA256  = []string{"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"}
	rfcSHA512  = []string{"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"}
)

// reference is RFC 4226 §5.3 written out: HMAC of the big-endian counter, dynamic truncation,
// modulo 10^digits. It checks pquerna/otp's arithmetic independently.
func reference(h func() hash.Hash, key []byte, counter uint64, digits int) string {
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	mac := hmac.New(h, key)
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	o := sum[len(sum)-1] & 0x0f
	bin := binary.BigEndian.Uint32(sum[o:o+4]) & 0x7fffffff
	mod := uint32(1)
	for range digits {
		mod *= 10
	}
	return fmt.Sprintf("%0*d", digits, bin%mod)
}

func TestRFC6238AppendixB(t *testing.T) {
	sets := []struct {
		name string
		seed string
		want []string
		alg  otp.Algorithm
		h    func() hash.Hash
	}{
		{"SHA1", seedSHA1, rfcSHA1, otp.AlgorithmSHA1, sha1.New},
		{"SHA256", seedSHA256, rfcSHA256, otp.AlgorithmSHA256, sha256.New},
		{"SHA512", seedSHA512, rfcSHA512, otp.AlgorithmSHA512, sha512.New},
	}
	for _, set := range sets {
		secret := b32.EncodeToString([]byte(set.seed))
		for i, sec := range rfcTimes {
			at := time.Unix(sec, 0)
			// 8 digits, as printed in the RFC: through the library and through the reference.
			got, err := totp.GenerateCodeCustom(secret, at, totp.ValidateOpts{Period: 30, Digits: otp.DigitsEight, Algorithm: set.alg})
			if err != nil || got != set.want[i] {
				t.Errorf("%s T=%d: library says %s (%v), RFC %s", set.name, sec, got, err, set.want[i])
			}
			if ref := reference(set.h, []byte(set.seed), uint64(sec/30), 8); ref != set.want[i] {
				t.Errorf("%s T=%d: reference says %s, RFC %s", set.name, sec, ref, set.want[i])
			}
		}
	}
	// The verifier (SHA1, 6 digits): a 6-digit code is the last six digits of the 8-digit one.
	v, err := NewVerifier(b32.EncodeToString([]byte(seedSHA1)))
	if err != nil {
		t.Fatal(err)
	}
	for i, sec := range rfcTimes {
		code := rfcSHA1[i][2:]
		if r := v.Check(code, time.Unix(sec, 0)); r.Outcome != Verified || r.Steps != 0 {
			t.Errorf("T=%d: Check(%s) = %+v, want Verified", sec, code, r)
		}
	}
}

// RFC 4226 Appendix D, the HOTP values under TOTP's 6-digit codes.
func TestRFC4226AppendixD(t *testing.T) {
	want := []string{"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"}
	secret := b32.EncodeToString([]byte(seedSHA1))
	for c, w := range want {
		got, err := hotp.GenerateCode(secret, uint64(c))
		if err != nil || got != w {
			t.Errorf("counter %d: library %s (%v), RFC %s", c, got, err, w)
		}
		if ref := reference(sha1.New, []byte(seedSHA1), uint64(c), 6); ref != w {
			t.Errorf("counter %d: reference %s, RFC %s", c, ref, w)
		}
		// Counter c is the TOTP step of the time c×30 s + 15 s.
		v, _ := NewVerifier(secret)
		if r := v.Check(w, time.Unix(int64(c)*30+15, 0)); r.Outcome != Verified {
			t.Errorf("counter %d: Check = %+v", c, r)
		}
	}
}

func TestLibraryMatchesReferenceOnRandomishKeys(t *testing.T) {
	for i := range 200 {
		key := []byte(fmt.Sprintf("key-%03d-%s", i, "abcdefghijklmnop"))[:20]
		secret := b32.EncodeToString(key)
		counter := uint64(i) * 7919 * 104729
		got, err := hotp.GenerateCodeCustom(secret, counter, hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if ref := reference(sha1.New, key, counter, 6); err != nil || got != ref {
			t.Fatalf("key %d counter %d: library %s (%v), reference %s", i, counter, got, err, ref)
		}
	}
}

// testSecret was checked to have no code collisions within ±21 steps of testNow, so each test
// below means what it says.
const testSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

var testNow = time.Unix(1700000013, 0) // 13 s into step 56666667

func codeAt(t *testing.T, at time.Time) string {
	t.Helper()
	c, err := totp.GenerateCode(testSecret, at)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNoCollisionsAroundTestNow(t *testing.T) {
	seen := map[string]int{}
	for off := -21; off <= 21; off++ {
		c := codeAt(t, testNow.Add(time.Duration(off)*Period))
		if prev, ok := seen[c]; ok {
			t.Fatalf("steps %d and %d share code %s: pick another testSecret", prev, off, c)
		}
		seen[c] = off
	}
}

func TestSkewAtEveryMinute(t *testing.T) {
	for m := -10; m <= 10; m++ {
		v, _ := NewVerifier(testSecret)
		r := v.Check(codeAt(t, testNow.Add(time.Duration(m)*time.Minute)), testNow)
		want := Result{Outcome: Verified, Steps: 0}
		switch {
		case m > 0:
			want = Result{Outcome: ClockAhead, Steps: 2 * m, Minutes: m}
		case m < 0:
			want = Result{Outcome: ClockBehind, Steps: 2 * m, Minutes: -m}
		}
		if r != want {
			t.Errorf("phone clock %+d min: %+v, want %+v", m, r, want)
		}
	}
}

func TestSkewBoundaries(t *testing.T) {
	cases := []struct {
		steps int
		want  Result
	}{
		{1, Result{Outcome: Verified, Steps: 1}},
		{-1, Result{Outcome: Verified, Steps: -1}},
		{2, Result{Outcome: ClockAhead, Steps: 2, Minutes: 1}},
		{-2, Result{Outcome: ClockBehind, Steps: -2, Minutes: 1}},
		{3, Result{Outcome: ClockAhead, Steps: 3, Minutes: 2}}, // 90 s rounds up
		{-3, Result{Outcome: ClockBehind, Steps: -3, Minutes: 2}},
		{19, Result{Outcome: ClockAhead, Steps: 19, Minutes: 10}},
		{20, Result{Outcome: ClockAhead, Steps: 20, Minutes: 10}},
		{-20, Result{Outcome: ClockBehind, Steps: -20, Minutes: 10}},
		{21, Result{Outcome: NoMatch}},
		{-21, Result{Outcome: NoMatch}},
	}
	for _, c := range cases {
		v, _ := NewVerifier(testSecret)
		if r := v.Check(codeAt(t, testNow.Add(time.Duration(c.steps)*Period)), testNow); r != c.want {
			t.Errorf("code from %+d steps: %+v, want %+v", c.steps, r, c.want)
		}
	}
	// The window is in whole steps, not ±30 s around the instant: at the last second of a step
	// the next step's code is right, and at its first second the previous one's.
	start := time.Unix(56666667*30, 0)
	for _, c := range []struct {
		now, code time.Time
	}{
		{start.Add(29 * time.Second), start.Add(30 * time.Second)},
		{start, start.Add(-time.Second)},
		{start, start.Add(-30 * time.Second)},
		{start.Add(29 * time.Second), start.Add(59 * time.Second)},
	} {
		v, _ := NewVerifier(testSecret)
		if r := v.Check(codeAt(t, c.code), c.now); r.Outcome != Verified {
			t.Errorf("now %s, code of %s: %+v", c.now.UTC().Format(time.TimeOnly), c.code.UTC().Format(time.TimeOnly), r)
		}
	}
	v, _ := NewVerifier(testSecret)
	if r := v.Check(codeAt(t, start.Add(60*time.Second)), start); r.Outcome != ClockAhead || r.Steps != 2 {
		t.Errorf("a code two steps ahead at the first second of a step: %+v", r)
	}
}

func TestReplayRefused(t *testing.T) {
	v, _ := NewVerifier(testSecret)
	code := codeAt(t, testNow)
	if r := v.Check(code, testNow); r.Outcome != Verified {
		t.Fatalf("first use: %+v", r)
	}
	if r := v.Check(code, testNow); r.Outcome != Replayed {
		t.Errorf("same code again: %+v", r)
	}
	if r := v.Check("123"+code[3:], testNow); r.Outcome == Verified {
		t.Errorf("a different wrong code verified: %+v", r)
	}
	// 30 s later the accepted code is still in the window (now−1): still refused.
	if r := v.Check(code, testNow.Add(Period)); r.Outcome != Replayed {
		t.Errorf("same code 30 s later: %+v", r)
	}
	// Three minutes later it would look like a clock 3 minutes behind; it is a reused code.
	if r := v.Check(code, testNow.Add(3*time.Minute)); r.Outcome != Replayed || r.Steps != -6 {
		t.Errorf("same code 3 min later: %+v", r)
	}
	// An older code never typed, after a newer one was accepted, is not "already used"
	// (issue 20, item 4): it is the right code for the window, and is accepted once.
	older := codeAt(t, testNow.Add(-Period))
	if r := v.Check(older, testNow); r.Outcome != Verified {
		t.Errorf("previous step's code, never typed, after acceptance: %+v", r)
	}
	if r := v.Check(older, testNow); r.Outcome != Replayed {
		t.Errorf("previous step's code typed twice: %+v", r)
	}
	// Further back, an older code never typed reports the clock, not a reuse.
	if r := v.Check(codeAt(t, testNow.Add(-3*time.Minute)), testNow); r.Outcome != ClockBehind {
		t.Errorf("a 3-minute-old code never typed: %+v", r)
	}
	// The next step's code is new: accepted, and becomes the last accepted.
	next := codeAt(t, testNow.Add(Period))
	if r := v.Check(next, testNow.Add(Period)); r.Outcome != Verified {
		t.Errorf("next code: %+v", r)
	}
	if r := v.Check(next, testNow.Add(Period)); r.Outcome != Replayed {
		t.Errorf("next code twice: %+v", r)
	}
	// A code from the future reports the clock and is not accepted: it does not block the
	// present codes.
	w, _ := NewVerifier(testSecret)
	if r := w.Check(codeAt(t, testNow.Add(4*time.Minute)), testNow); r.Outcome != ClockAhead {
		t.Fatalf("ahead: %+v", r)
	}
	if r := w.Check(code, testNow); r.Outcome != Verified {
		t.Errorf("after an ahead result, the right code: %+v", r)
	}
}

func TestConcurrentChecksAcceptOnce(t *testing.T) {
	v, _ := NewVerifier(testSecret)
	code := codeAt(t, testNow)
	var wg sync.WaitGroup
	results := make(chan Outcome, 16)
	for range 16 {
		wg.Go(func() { results <- v.Check(code, testNow).Outcome })
	}
	wg.Wait()
	close(results)
	n := map[Outcome]int{}
	for o := range results {
		n[o]++
	}
	if n[Verified] != 1 || n[Replayed] != 15 {
		t.Errorf("16 concurrent checks of one code: %v", n)
	}
}

func TestNoMatchAndMalformed(t *testing.T) {
	v, _ := NewVerifier(testSecret)
	used := map[string]bool{}
	for off := -20; off <= 20; off++ {
		used[codeAt(t, testNow.Add(time.Duration(off)*Period))] = true
	}
	wrong := ""
	for n := 0; wrong == ""; n++ {
		if c := fmt.Sprintf("%06d", n); !used[c] {
			wrong = c
		}
	}
	if r := v.Check(wrong, testNow); r != (Result{Outcome: NoMatch}) {
		t.Errorf("Check(%s) = %+v, want NoMatch", wrong, r)
	}
	for _, s := range []string{"", "12345", "1234567", "12345a", "１２３４５６"} {
		if r := v.Check(s, testNow); r != (Result{Outcome: Malformed}) {
			t.Errorf("Check(%q) = %+v, want Malformed", s, r)
		}
	}
	// Spaced as the app shows it, the code is fine.
	c := codeAt(t, testNow)
	if r := v.Check(c[:3]+" "+c[3:], testNow); r.Outcome != Verified {
		t.Errorf("Check(%q) = %+v", c[:3]+" "+c[3:], r)
	}
}

func TestTimesBeforeTheEpoch(t *testing.T) {
	for _, c := range []struct{ sec, step int64 }{{-1, -1}, {-30, -1}, {-31, -2}, {0, 0}, {29, 0}, {30, 1}} {
		if got := step(time.Unix(c.sec, 0)); got != c.step {
			t.Errorf("step(%d) = %d, want %d", c.sec, got, c.step)
		}
	}
	v, _ := NewVerifier(testSecret)
	code, _ := hotp.GenerateCode(testSecret, 0)
	// At −45 s the steps are −2…+18 of which only 0…18 exist; the code of step 0 is 2 ahead.
	if r := v.Check(code, time.Unix(-45, 0)); r.Outcome != ClockAhead || r.Steps != 2 {
		t.Errorf("before the epoch: %+v", r)
	}
}

func TestNewVerifierRefusesBadSecrets(t *testing.T) {
	for _, s := range []string{"", "not base32!", "GEZDGNBV", "GEZDGNBVGY3TQOJQG"} {
		if v, err := NewVerifier(s); err == nil {
			t.Errorf("NewVerifier(%q) = %v, want an error", s, v)
		}
	}
	if _, err := NewVerifier("gezdgnbvgy3tqojqgezdgnbvgy3tqojq"); err != nil {
		t.Errorf("lower case secret: %v", err)
	}
}

func TestResultMessages(t *testing.T) {
	cases := []struct {
		r  Result
		id string
	}{
		{Result{Outcome: Malformed}, "TotpMalformed"},
		{Result{Outcome: Verified}, "TotpVerified"},
		{Result{Outcome: NoMatch}, "TotpNoMatch"},
		{Result{Outcome: Replayed}, "TotpReplayed"},
		{Result{Outcome: ClockAhead, Steps: 2, Minutes: 1}, "TotpClockAheadOne"},
		{Result{Outcome: ClockAhead, Steps: 8, Minutes: 4}, "TotpClockAhead"},
		{Result{Outcome: ClockBehind, Steps: -2, Minutes: 1}, "TotpClockBehindOne"},
		{Result{Outcome: ClockBehind, Steps: -20, Minutes: 10}, "TotpClockBehind"},
	}
	for _, c := range cases {
		if got := c.r.MessageID(); got != c.id {
			t.Errorf("%v: MessageID %s, want %s", c.r.Outcome, got, c.id)
		}
		for _, l := range locales.Langs {
			z := locales.New(l)
			if !z.Has(c.id) {
				t.Errorf("%s: no message %s", l, c.id)
				continue
			}
			msg := z.T(c.id, c.r.Data())
			if c.r.Minutes > 1 && !containsWord(msg, fmt.Sprint(c.r.Minutes)) {
				t.Errorf("%s %s: %q does not say %d minutes", l, c.id, msg, c.r.Minutes)
			}
		}
	}
	ahead, behind := locales.New(locales.French).T("TotpClockAhead", map[string]any{"Minutes": 3}), locales.New(locales.French).T("TotpClockBehind", map[string]any{"Minutes": 3})
	if !containsWord(ahead, "avance") || !containsWord(behind, "retard") {
		t.Errorf("French clock messages must say « en avance » / « en retard »: %q / %q", ahead, behind)
	}
	ahead, behind = locales.New(locales.English).T("TotpClockAhead", map[string]any{"Minutes": 3}), locales.New(locales.English).T("TotpClockBehind", map[string]any{"Minutes": 3})
	if !containsWord(ahead, "ahead") || !containsWord(behind, "behind") {
		t.Errorf("English clock messages must say ahead / behind: %q / %q", ahead, behind)
	}
	if Outcome(99).String() != "Outcome(99)" || Replayed.String() != "Replayed" {
		t.Error("Outcome.String")
	}
}

func containsWord(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i:i+len(w)] == w && (i == 0 || !isLetterOrDigit(s[i-1])) && (i+len(w) == len(s) || !isLetterOrDigit(s[i+len(w)])) {
			return true
		}
	}
	return false
}

func isLetterOrDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
