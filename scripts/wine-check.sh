#!/usr/bin/env bash
# Runs the Windows release build under Debian's wine: --version, --print in both languages
# (compared byte for byte with the Linux build) and a bad flag's exit status. Not part of CI: it
# installs about 150 MiB (wine64, and mingw to build the shim below).
#
# Debian 12's wine 8.0 has no bcryptprimitives.dll, whose ProcessPrng the Go runtime (1.24 and
# later) loads at start-up from system32; Windows 10 and 11 have it. The script puts a small shim
# in the throwaway wine prefix only; nothing of it ships.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine64 gcc-mingw-w64-x86-64-win32 >/dev/null
fi
work=$(mktemp -d)
trap '"$wineserver" -k 2>/dev/null; rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all
wine=/usr/lib/wine/wine64
[ -x "$wine" ] || wine=$(command -v wine64)
wineserver=$(dirname "$wine")/wineserver
[ -x "$wineserver" ] || wineserver=wineserver

cat > "$work/shim.c" <<'C'
#include <windows.h>
#include <ntsecapi.h>
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG n = len > 0x10000 ? 0x10000 : (ULONG)len;
        if (!RtlGenRandom(data, n)) return FALSE;
        data += n; len -= n;
    }
    return TRUE;
}
C
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" "$work/shim.c" -ladvapi32
"$wine" wineboot -i >/dev/null 2>&1 || true
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"

go run ./tools/dist -targets windows/amd64,linux/amd64 -o "$work/dist"
(cd "$work" && unzip -q dist/*_windows_amd64.zip && tar -xzf dist/*_linux_amd64.tar.gz)
exe=$(echo "$work"/auvenir-onboard_*_windows_amd64/auvenir-onboard.exe)
lin=$(echo "$work"/auvenir-onboard_*_linux_amd64/auvenir-onboard)

echo "== --version under wine"
"$wine" "$exe" --version </dev/null
for lang in fr en; do
  "$wine" "$exe" --print --lang "$lang" </dev/null >"$work/wine-$lang.md"
  "$lin" --print --lang "$lang" >"$work/linux-$lang.md"
  cmp "$work/wine-$lang.md" "$work/linux-$lang.md"
  echo "== --print --lang $lang: identical to the Linux build ($(wc -c <"$work/wine-$lang.md") bytes)"
done
set +e
"$wine" "$exe" --lang xx </dev/null
code=$?
set -e
[ "$code" = 2 ] || { echo "--lang xx exited $code, want 2"; exit 1; }
echo "== --lang xx: exit status 2"

# --check-network --json against a loopback web server (never an outside host).
python3 -m http.server 0 --bind 127.0.0.1 --directory "$work" >"$work/http.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; "$wineserver" -k 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q 'port' "$work/http.log" && break; sleep 0.1; done
port=$(sed -n 's/.* port \([0-9]*\).*/\1/p' "$work/http.log" | head -1)
"$wine" "$exe" --check-network --json "http://127.0.0.1:$port/" </dev/null >"$work/wine-net.json"
"$lin" --check-network --json "http://127.0.0.1:$port/" >"$work/linux-net.json"
python3 -c 'import json,sys; [json.load(open(f)) for f in sys.argv[1:]]' "$work/wine-net.json" "$work/linux-net.json"
echo "== --check-network --json http://127.0.0.1:$port/ under wine (exit 0, valid JSON):"
cat "$work/wine-net.json"
