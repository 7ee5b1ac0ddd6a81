#!/usr/bin/env bash
# The wine lane: runs the Windows release build under Debian's wine 8 as a Windows client would
# (TERM and LANG unset), and fails on the first check that does not hold. .ci/run runs it; it
# also runs alone (as root it installs what it lacks: wine64, mingw for the shim, python3-pyte).
#
#   scripts/wine-check.sh [DIST]   DIST: a folder of tools/dist archives (else it builds them)
#
# Checks: --version; --print in both languages byte-identical to the Linux build's;
# --check-network --json against a refused and an open loopback port (classes refused and ok);
# the e2e tests named TestWindows… (the console output of a whole walk: no insert mode, and
# replayed without insert mode it reads as the Linux build's screens; the display language; the
# closing pause's language; --show-qr ending on q); and the Windows builds of the unit tests that
# need Windows (socket error numbers, the clipboard, the console as standard input).
# Wine is not Windows: docs/testing.md, "What is verified under wine", says what this proves and what not.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  need=()
  command -v wine64 >/dev/null || [ -x /usr/lib/wine/wine64 ] || need+=(wine64)
  command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64-win32)
  /usr/bin/python3 -c 'import pyte' 2>/dev/null || need+=(python3-pyte)
  if [ ${#need[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  "${wineserver:-wineserver}" -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=scripts/wine-prefix.sh
. scripts/wine-prefix.sh
wine_prefix "$work"
echo "== wine prefix ready (Windows $("$wine" cmd /c ver </dev/null 2>/dev/null | tr -d '\r' | grep -o '[0-9][0-9.]*' | head -1))"

dist=${1:-}
if [ -z "$dist" ]; then
  dist="$work/dist"
  go run ./tools/dist -targets windows/amd64,linux/amd64 -o "$dist"
fi
(cd "$work" && unzip -q "$dist"/*_windows_amd64.zip && tar -xzf "$dist"/*_linux_amd64.tar.gz)
exe=$(echo "$work"/auvenir-onboard_*_windows_amd64/auvenir-onboard.exe)
lin=$(echo "$work"/auvenir-onboard_*_linux_amd64/auvenir-onboard)
run_exe() { env -u TERM -u TERM_PROGRAM -u LANG -u LC_ALL -u LC_MESSAGES "$wine" "$exe" "$@" </dev/null; }

echo "== --version under wine"
run_exe --version
for lang in fr en; do
  run_exe --print --lang "$lang" >"$work/wine-$lang.md"
  "$lin" --print --lang "$lang" >"$work/linux-$lang.md"
  cmp "$work/wine-$lang.md" "$work/linux-$lang.md"
  echo "== --print --lang $lang: identical to the Linux build ($(wc -c <"$work/wine-$lang.md") bytes)"
done

set +e
run_exe --lang xx >/dev/null 2>"$work/xx.err"
xx=$?
run_exe >/dev/null 2>"$work/notty.err"
notty=$?
set -e
[ "$xx" = 2 ] && [ "$notty" = 2 ] || { echo "--lang xx exited $xx, no terminal $notty; want 2 and 2"; exit 1; }
echo "== --lang xx and no terminal: exit status 2 ($(head -c 80 "$work/notty.err"))"

# --check-network --json: a loopback port nobody listens on, and a loopback web server.
closed=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server 0 --bind 127.0.0.1 --directory "$work" >"$work/http.log" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q 'port' "$work/http.log" && break; sleep 0.1; done
open=$(sed -n 's/.* port \([0-9]*\).*/\1/p' "$work/http.log" | head -1)
set +e
run_exe --check-network --json "http://127.0.0.1:$closed/" "http://127.0.0.1:$open/" >"$work/wine-net.json"
code=$?
set -e
python3 - "$work/wine-net.json" "$closed" "$open" "$code" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
classes = {e["url"]: e["class"] for e in doc["endpoints"]}
want = {f"http://127.0.0.1:{sys.argv[2]}/": "refused", f"http://127.0.0.1:{sys.argv[3]}/": "ok"}
if classes != want or sys.argv[4] != "1":
    sys.exit(f"--check-network under wine: classes {classes}, exit {sys.argv[4]}; want {want}, exit 1")
print(f"== --check-network --json under wine: closed port refused, open port ok (exit {sys.argv[4]}: one failed)")
PY

# Windows' own text formats (issue 22 item 7): what PowerShell 5.1 writes, and a PAC file named
# the way Windows names a local file (RFC 8089: file:///C:/…).
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
page = "Désolé\r\nAADSTS500212: NotAllowedByOutboundPolicyTenant\r\n"
open(f"{w}/err-utf16.txt", "wb").write(page.encode("utf-16"))  # BOM + UTF-16 LE, as ">" writes
key = "otpauth://totp/Example:jane@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example\r\n"
open(f"{w}/key-utf8bom.txt", "wb").write(b"\xef\xbb\xbf" + key.encode())  # Out-File -Encoding utf8
open(f"{w}/prefix/drive_c/h22-proxy.pac", "wb").write(
    b"\xef\xbb\xbf" + b'function FindProxyForURL(url, host) { return "DIRECT"; }\r\n')
PY
run_in() { env -u TERM -u TERM_PROGRAM -u LANG -u LC_ALL -u LC_MESSAGES "$wine" "$exe" "$@"; }
run_in --explain - --lang en <"$work/err-utf16.txt" >"$work/explain.out"
grep -q "Microsoft error AADSTS500212" "$work/explain.out" || { echo "--explain - did not read a UTF-16 file"; exit 1; }
set +e
run_in --show-qr --lang en <"$work/key-utf8bom.txt" >/dev/null 2>"$work/qr.err"
set -e
grep -q "needs a terminal" "$work/qr.err" || { echo "--show-qr refused a key after a BOM: $(cat "$work/qr.err")"; exit 1; }
run_exe --check-network --json --pac 'file:///C:/h22-proxy.pac' "http://127.0.0.1:$open/" >"$work/wine-pac.json"
python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["endpoints"]; sys.exit(0 if [x["class"] for x in e]==["ok"] else f"--pac file:///C:/: {e}")' "$work/wine-pac.json"
echo "== --explain - reads UTF-16, --show-qr a key after a BOM, --pac file:///C:/h22-proxy.pac is read"

# --pac with a hostile script: the evaluator (a child of the .exe, in its Job Object) answers an
# object whose toString spins for one address and a proxy with a password for the other; both go
# DIRECT, each row says why, and the password is never written.
printf '%s' 'function FindProxyForURL(u, h) { if (h == "127.0.0.1") return { toString: function () { for (;;) {} } }; return "PROXY alice:s3cret@host:3128"; }' \
  >"$WINEPREFIX/drive_c/hostile.pac"
set +e
run_exe --check-network --json --pac 'C:\hostile.pac' "http://127.0.0.1:$closed/" "http://localhost:$closed/" >"$work/wine-pac.json"
set -e
python3 - "$work/wine-pac.json" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
failed = [e.get("pac_failed", "") for e in json.loads(text)["endpoints"]]
if "s3cret" in text or len(failed) != 2 or "not a string" not in failed[0] or "alice:***@host" not in failed[1]:
    sys.exit(f"--pac under wine: pac_failed {failed}")
print("== --pac with a hostile script under wine: both addresses DIRECT, the PAC failure named, no password")
PY

echo "== e2e under wine (console output of a walk, replay without insert mode, language, --show-qr)"
AUVENIR_WINE_PREFIX="$WINEPREFIX" AUVENIR_WINE_EXE="$exe" go test -count=1 -v -run '^TestWindows' ./e2e 2>&1 |
  grep -E '^(--- |PASS|FAIL|ok)|wine_test.go'

echo "== Windows unit tests under wine"
GOOS=windows GOARCH=amd64 go test -c -o "$work/netcheck.test.exe" ./internal/netcheck/probe
GOOS=windows GOARCH=amd64 go test -c -o "$work/desktop.test.exe" ./internal/desktop
GOOS=windows GOARCH=amd64 go test -c -o "$work/winconsole.test.exe" ./internal/winconsole
"$wine" "$work/netcheck.test.exe" -test.v -test.run 'Errno|ConnectFail|RealRefusal' </dev/null | grep -E '^(--- |PASS|FAIL|ok)'
env -u TERM "$wine" "$work/desktop.test.exe" -test.v -test.run 'SystemClipboard' </dev/null |
  grep -E '^(--- |PASS|FAIL|ok|\s+\S+_test.go)'
env -u TERM "$wine" "$work/winconsole.test.exe" -test.v -test.run 'RendererEnviron|PausePlan' </dev/null |
  grep -E '^(--- |PASS|FAIL|ok|\s+\S+_test.go)'
# The PAC evaluator's Job Object (its kill on close; wine stores no limits and enforces no memory
# limit, so there the watchdog is the limit) and a few hostile scripts through the Windows build.
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go test -c -o "$work/pacrun.test.exe" ./internal/pacrun
"$wine" "$work/pacrun.test.exe" -test.v -test.run 'EvaluatorIsInALimitedJob|HostileScripts/(repeat|Array|string_doubling|toString|getter)' </dev/null |
  tr -d '\r' | grep -E '^(--- |\s+--- |PASS|FAIL|ok)|figures|under wine'
# The file: URL and BOM/UTF-16 readers, in the Windows build (no temporary folders: wine 8
# cannot remove the ones Go's testing makes).
GOOS=windows GOARCH=amd64 go test -c -o "$work/fileurl.test.exe" ./internal/fileurl
GOOS=windows GOARCH=amd64 go test -c -o "$work/textin.test.exe" ./internal/textin
"$wine" "$work/fileurl.test.exe" -test.v </dev/null | grep -E '^(--- |PASS|FAIL|ok)'
"$wine" "$work/textin.test.exe" -test.v </dev/null | grep -E '^(--- |PASS|FAIL|ok)'
# OpenTerminal needs a console: script(1) gives wine a terminal, from which it makes one.
script -qec "env -u TERM '$wine' '$work/winconsole.test.exe' -test.v -test.run OpenTerminal" /dev/null </dev/null |
  tr -d '\r' | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' | grep -E '^(--- |PASS|FAIL|\s+\S+_test.go)'
