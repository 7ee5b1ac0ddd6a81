#!/usr/bin/env bash
# Draws a QR code in a real terminal emulator and checks that a camera-like reader decodes it.
# xterm runs on a virtual X display (Xvfb) with a white, then a black background; for each, the
# code is drawn with the glyphs chosen for that background and then inverted (-invert, what the
# `i` key does). The screen is photographed (xwd), turned into a PNG (ImageMagick) and decoded
# with zbarimg, which like most phone scanners reads dark modules on light only.
# Prints one line per case; exits 1 if a case does not come out as expected.
# Needs: Xvfb xterm xwd convert zbarimg, and the DejaVu Sans Mono font.
# FONT_SIZE (default 12) sets the font size. At 11 pt xterm leaves a 1-pixel background gap
# between text rows that cuts the dark modules on a white background; zbarimg then reads the
# black-background case only (a phone camera's blur usually bridges such gaps; `convert -blur
# 0x2` does). Line gaps are a property of the terminal and font, not of the drawing.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in Xvfb xterm xwd convert zbarimg go; do
  command -v "$tool" >/dev/null || { echo "qr-xterm: $tool is not installed" >&2; exit 2; }
done

# A practice-sized URI with RFC 6238's published test key: no real secret.
uri='otpauth://totp/Auvenir%20%28practice%29:jane@firm.ca?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Auvenir%20%28practice%29'

tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "${KEEP:-}" ]; then cp "$tmp"/shot-*.png "$KEEP"/ 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
go build -o "$tmp/qrdemo" ./scripts/qrdemo
printf '%s\n' "$uri" >"$tmp/uri"

# A free display number.
n=91
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
export DISPLAY=":$n"
Xvfb "$DISPLAY" -screen 0 1024x900x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done

size=${FONT_SIZE:-12}
echo "xterm, DejaVu Sans Mono $size pt"
fail=0
for bg in white black; do
  fg=black; glyphs=light
  if [ "$bg" = black ]; then fg=white; glyphs=dark; fi
  for invert in false true; do
    xterm -fa 'DejaVu Sans Mono' -fs "$size" -geometry 80x40+0+0 -bg "$bg" -fg "$fg" +sb -b 8 \
      -e sh -c "'$tmp/qrdemo' -bg $glyphs -invert=$invert -hold 30s <'$tmp/uri'" &
    xpid=$!
    pids+=("$xpid")
    sleep 2
    xwd -root -silent | convert xwd:- "png:$tmp/shot-$bg-$invert.png"
    kill "$xpid" 2>/dev/null || true
    wait "$xpid" 2>/dev/null || true
    got=$(zbarimg -q --raw --nodbus "$tmp/shot-$bg-$invert.png" 2>/dev/null || true)
    label="xterm -bg $bg, glyphs for a $glyphs background, invert=$invert"
    if [ "$invert" = false ]; then
      if [ "$got" = "$uri" ]; then echo "$label: decoded $got"; else echo "$label: FAILED, decoded '${got}'"; fail=1; fi
    else
      # Inverted, a plain scanner must see nothing; the photo inverted back must decode.
      convert "$tmp/shot-$bg-$invert.png" -negate "$tmp/neg.png"
      back=$(zbarimg -q --raw --nodbus "$tmp/neg.png" 2>/dev/null || true)
      if [ -z "$got" ] && [ "$back" = "$uri" ]; then
        echo "$label: nothing decoded (inverted, as expected); the negative decodes $back"
      else
        echo "$label: FAILED, decoded '${got}', negative '${back}'"; fail=1
      fi
    fi
  done
done
exit $fail
