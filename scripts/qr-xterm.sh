#!/usr/bin/env bash
# Draws a QR code in a real terminal emulator and checks that a camera-like reader decodes it.
# xterm runs on a virtual X display (Xvfb) with DejaVu Sans Mono (FONT_SIZE, default 11 pt) and
# a white, then a black background. The screen is photographed (xwd), turned into a PNG
# (ImageMagick) and decoded with zbarimg, which like most phone scanners reads dark modules on
# light only. The code is the practice enrolment's (a practice-sized URI, error correction L).
#
# Colour drawing (every terminal with colour): each module painted, quiet zone included, with a
# 4-module quiet zone (the standard's) and with the 2-module one the practice screen uses at
# 80×24. These cases must decode on both backgrounds; the script exits 1 if one does not.
# Glyph drawing (NO_COLOR): the glyphs chosen for the background, then inverted (-invert, what
# the `i` key does). Reported, not gated: at 11 pt xterm leaves a 1-pixel line of the default
# background above block glyphs on some rows, which cuts the dark modules on a white background.
# Needs: Xvfb xterm xwd convert zbarimg, and the DejaVu Sans Mono font.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in Xvfb xterm xwd convert zbarimg go; do
  command -v "$tool" >/dev/null || { echo "qr-xterm: $tool is not installed" >&2; exit 2; }
done

# A practice-sized URI with a made-up key: no real secret.
uri='otpauth://totp/Auvenir%20%28practice%29:practice?secret=I7EJHLDE5ILQNPBU3MD7YIMER7SLSSAZ&issuer=Auvenir%20%28practice%29'

tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "${KEEP:-}" ]; then cp "$tmp"/shot-*.png "$KEEP"/ 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
go build -o "$tmp/qrdemo" ./scripts/qrdemo
go build -o "$tmp/auvenir-onboard" ./cmd/auvenir-onboard
printf '%s\n' "$uri" >"$tmp/uri"

# A free display number.
n=91
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
export DISPLAY=":$n"
Xvfb "$DISPLAY" -screen 0 1024x900x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done

size=${FONT_SIZE:-11}
echo "xterm, DejaVu Sans Mono $size pt"
fail=0
# shoot BG NAME QRDEMO-FLAGS...: draws, photographs, prints what zbarimg reads (the photo and its negative).
shoot() {
  local bg=$1 name=$2 fg=black
  shift 2
  [ "$bg" = black ] && fg=white
  xterm -fa 'DejaVu Sans Mono' -fs "$size" -geometry 80x40+0+0 -bg "$bg" -fg "$fg" +sb -b 8 \
    -e sh -c "'$tmp/qrdemo' $* -hold 30s <'$tmp/uri'" &
  local xpid=$!
  pids+=("$xpid")
  sleep 2
  xwd -root -silent | convert xwd:- "png:$tmp/shot-$name.png"
  kill "$xpid" 2>/dev/null || true
  wait "$xpid" 2>/dev/null || true
  got=$(zbarimg -q --raw --nodbus "$tmp/shot-$name.png" 2>/dev/null || true)
  convert "$tmp/shot-$name.png" -negate "$tmp/neg.png"
  neg=$(zbarimg -q --raw --nodbus "$tmp/neg.png" 2>/dev/null || true)
}
for bg in white black; do
  for quiet in 4 2; do
    shoot "$bg" "colour-$bg-q$quiet" -colour -quiet "$quiet"
    label="colour drawing, quiet zone $quiet, xterm -bg $bg"
    if [ "$got" = "$uri" ]; then echo "$label: decoded"; else echo "$label: FAILED, decoded '${got}'"; fail=1; fi
  done
done
# The program itself: the practice screen in an 80×24 xterm (its smallest drawing, 2-module quiet
# zone, beside the key), with the key the program made; the photo must decode to a practice URI.
for bg in white black; do
  fg=black
  [ "$bg" = black ] && fg=white
  xterm -fa 'DejaVu Sans Mono' -fs "$size" -geometry 80x24+0+0 -bg "$bg" -fg "$fg" +sb -b 8 \
    -e env XDG_CONFIG_HOME="$tmp/config" LANG=C.UTF-8 "$tmp/auvenir-onboard" --lang en --totp-practice &
  xpid=$!
  pids+=("$xpid")
  sleep 3
  xwd -root -silent | convert xwd:- "png:$tmp/shot-practice-$bg.png"
  kill "$xpid" 2>/dev/null || true
  wait "$xpid" 2>/dev/null || true
  got=$(zbarimg -q --raw --nodbus "$tmp/shot-practice-$bg.png" 2>/dev/null || true)
  label="the practice screen at 80x24 (auvenir-onboard --totp-practice), xterm -bg $bg"
  case "$got" in
    otpauth://totp/Auvenir%20%28practice%29:practice\?secret=*) echo "$label: decoded ${got%%secret=*}secret=…" ;;
    *) echo "$label: FAILED, decoded '${got}'"; fail=1 ;;
  esac
done
for bg in white black; do
  glyphs=light
  [ "$bg" = black ] && glyphs=dark
  for invert in false true; do
    shoot "$bg" "glyphs-$bg-$invert" -bg "$glyphs" -invert="$invert"
    label="glyph drawing (no colour), xterm -bg $bg, invert=$invert"
    if [ "$invert" = false ]; then
      [ "$got" = "$uri" ] && echo "$label: decoded" || echo "$label: not decoded (reported, not gated)"
    else
      [ -z "$got" ] && [ "$neg" = "$uri" ] && echo "$label: nothing decoded (inverted, as expected); the negative decodes" ||
        echo "$label: decoded '${got}', negative '${neg:+decodes}' (reported, not gated)"
    fi
  done
done
exit $fail
