#!/usr/bin/env bash
# Sourced by the wine scripts: makes a throwaway wine prefix in "$1" that runs Go programs.
# Sets WINEPREFIX, WINEDEBUG, wine and wineserver.
#
# Debian 12's wine 8.0 has no bcryptprimitives.dll, whose ProcessPrng the Go runtime (1.24 and
# later) loads at start-up from system32; Windows 10 and 11 have it. A small shim (built with
# mingw) goes into this prefix only; nothing of it ships. The prefix claims Windows 10, as a
# fresh one may say Windows 7.
wine_prefix() {
  local dir=$1
  export WINEPREFIX="$dir/prefix" WINEDEBUG=-all
  wine=/usr/lib/wine/wine64
  [ -x "$wine" ] || wine=$(command -v wine64)
  wineserver=$(dirname "$wine")/wineserver
  [ -x "$wineserver" ] || wineserver=wineserver
  cat >"$dir/shim.c" <<'C'
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
  x86_64-w64-mingw32-gcc -shared -O2 -o "$dir/bcryptprimitives.dll" "$dir/shim.c" -ladvapi32
  "$wine" wineboot -i >/dev/null 2>&1 || true
  cp "$dir/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
  "$wine" reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion' /v CurrentVersion /d 10.0 /f >/dev/null 2>&1 || true
  "$wine" reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion' /v CurrentBuildNumber /d 19045 /f >/dev/null 2>&1 || true
  "$wine" reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1 || true
  "$wineserver" -w
}
