#!/usr/bin/env bash
# Makes the README's pictures from real runs of the program; run it again after a change of the
# look:
#
#   scripts/screenshots.sh     # writes docs/images/wizard-en.png, wizard-fr.png, check-network.png
#
# Each picture is the program built from this working tree, running in a tmux pane of a fixed
# size with a fixed environment: TERM=xterm-256color, COLORTERM=truecolor, a dark pane
# (#cdd6f4 text on #1e1e2e) that tmux reports when the program asks for the background, HOME and
# XDG_CONFIG_HOME in a throw-away folder so that no saved progress interferes. Keys go in with
# tmux send-keys; the screen comes out with capture-pane -e, is reduced by tools/screenshots to
# the escape codes freeze draws, and freeze (charmbracelet/freeze, built here from the Go module
# proxy) draws it into a PNG with its embedded JetBrains Mono font.
#
# The network check runs against loopback servers started here (tools/screenshots serve) and
# nothing else: every address is 127.0.0.1, so no name is resolved and no outside host is
# contacted. That picture needs Linux (SSL_CERT_FILE stands in for the computer's trust store,
# and a port that drops connection attempts uses Linux's accept queue); elsewhere it is skipped.
#
# A developer command: not part of go test ./... or .ci/run. Needs go and tmux.
set -euo pipefail
cd "$(dirname "$0")/.."

FREEZE_VERSION=v0.2.2
# freeze v0.2.2 pins wazero v1.8.0 (it runs resvg as WebAssembly), whose compiled code crashes
# the Go 1.26 runtime's stack scanning (SIGSEGV in runtime.(*unwinder).next); v1.12.0 does not.
WAZERO_VERSION=v1.12.0
OUT=docs/images
BG='#1e1e2e'
FG='#cdd6f4'
FONT_SIZE=18
LINE_HEIGHT=1.25
PADDING=20

die() {
  echo "screenshots: $*" >&2
  exit 1
}
command -v tmux >/dev/null || die "tmux is required (Debian: apt-get install tmux; macOS: brew install tmux)"
command -v go >/dev/null || die "go is required"

work=$(mktemp -d)
sockets=()
lab_pid=
cleanup() {
  for s in "${sockets[@]}"; do tmux -L "$s" kill-server 2>/dev/null || true; done
  if [ -n "$lab_pid" ]; then
    kill "$lab_pid" 2>/dev/null || true
    wait "$lab_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/bin" "$OUT"

echo "== building the program, tools/screenshots and freeze $FREEZE_VERSION"
go build -o "$work/bin/auvenir-onboard" ./cmd/auvenir-onboard
go build -o "$work/bin/screenshots" ./tools/screenshots
# freeze is built in a module of its own, outside this one, so that wazero can be raised.
mkdir "$work/freeze"
(
  cd "$work/freeze"
  export GOWORK=off GOFLAGS=-mod=mod
  go mod init screenshots/freeze >/dev/null 2>&1
  go get "github.com/charmbracelet/freeze@$FREEZE_VERSION" "github.com/tetratelabs/wazero@$WAZERO_VERSION" >/dev/null 2>&1 ||
    die "could not fetch freeze $FREEZE_VERSION from the Go module proxy"
  go build -o "$work/bin/freeze" github.com/charmbracelet/freeze
)

printf '%s\n' "set -g window-style 'bg=$BG,fg=$FG'" "set -g status off" >"$work/tmux.conf"

# socket NAME: the tmux server of picture NAME.
socket() { echo "auvenir-shots-$$-$1"; }

# start NAME COLS ROWS SCRIPT [VAR=value...]: runs SCRIPT (sh) in a COLS×ROWS pane of a tmux
# server of its own, with a clean environment plus the variables given, and a home of its own
# (the wizard saves its progress there: one picture's run must not resume another's).
start() {
  local name=$1 cols=$2 rows=$3 script=$4 socket
  socket=$(socket "$name")
  shift 4
  mkdir -p "$work/home-$name"
  # The program starts once the pane has its size: a size that changes as it starts could be
  # missed, and the picture drawn for 80×24 in a wider pane.
  printf '%s\n' "while [ \"\$(stty size)\" != '$rows $cols' ]; do sleep 0.05; done" "$script" >"$work/$name.sh"
  sockets+=("$socket")
  tmux -L "$socket" -f "$work/tmux.conf" new-session -d -x "$cols" -y "$rows" \
    env -i PATH="$work/bin:/usr/bin:/bin" HOME="$work/home-$name" XDG_CONFIG_HOME="$work/home-$name/.config" \
    TERM=xterm-256color COLORTERM=truecolor LANG=C.UTF-8 "$@" sh "$work/$name.sh"
}

# keys NAME KEY...: sends each key (tmux key names: Right, Enter...), as a person would.
keys() {
  local name=$1
  shift
  for k in "$@"; do
    tmux -L "$(socket "$name")" send-keys "$k"
    sleep 0.15
  done
}

# type NAME TEXT: types TEXT literally.
type_text() {
  tmux -L "$(socket "$1")" send-keys -l "$2"
  sleep 0.15
}

# wait_for NAME TEXT: waits up to 10 s for TEXT on the screen (no-break spaces read as spaces).
wait_for() {
  local name=$1 text=$2 screen
  for _ in $(seq 100); do
    screen=$(tmux -L "$(socket "$name")" capture-pane -p | sed 's/\xc2\xa0/ /g')
    if grep -qF -- "$text" <<<"$screen"; then return 0; fi
    sleep 0.1
  done
  printf '%s\n' "$screen" >&2
  die "$name: '$text' did not appear on the screen above"
}

# wait_full_width NAME COLS: waits up to 10 s for the wizard's title bar to reach the pane's
# last column but one, i.e. for the program to draw for the pane's width.
wait_full_width() {
  local name=$1 cols=$2 width
  for _ in $(seq 100); do
    width=$(tmux -L "$(socket "$name")" capture-pane -p -S 0 -E 0 | sed 's/ *$//' | awk '{ print length($0) }')
    if [ "$width" -ge $((cols - 1)) ]; then return 0; fi
    sleep 0.1
  done
  die "$name: the title bar is $width columns wide in a pane of $cols: the program did not draw for the pane's size"
}

# shot NAME COLS ROWS FILE: draws the pane into FILE. The image is sized from the pane (freeze's
# JetBrains Mono is 0.6 em wide) so that no line is cut and no margin is wasted.
shot() {
  local name=$1 cols=$2 rows=$3 file=$4 width height
  tmux -L "$(socket "$name")" capture-pane -p -e >"$work/$name.ans"
  # The pane is a colour terminal: a screen without one foreground colour means the program
  # chose no colour there, a fault of the program that would otherwise land in the README.
  grep -qE $'\e\\[([0-9;]*;)?(3[0-8]|9[0-7])[;m]' "$work/$name.ans" ||
    die "$name: the program printed no colour in a colour terminal; $file is left as it is"
  "$work/bin/screenshots" flatten -fg "$FG" -bg "$BG" <"$work/$name.ans" >"$work/$name.flat"
  # Width: the columns plus one, and the padding. Height: the rows, the padding, the 15 px
  # freeze adds above the text for the window buttons, and room for the last row's descenders.
  width=$(awk -v c="$cols" -v f="$FONT_SIZE" -v p="$PADDING" 'BEGIN { printf "%d", (c + 1) * f * 0.6 + 2 * p }')
  height=$(awk -v r="$rows" -v f="$FONT_SIZE" -v l="$LINE_HEIGHT" -v p="$PADDING" 'BEGIN { printf "%d", r * f * l + 2 * p + 15 + f * 0.4 }')
  # Without rsvg-convert on PATH, freeze uses its own renderer and font: the same on every machine.
  PATH=/nonexistent "$work/bin/freeze" --language ansi --output "$file" \
    --window --border.radius 8 --border.width 1 --border.color '#45475a' --background "$BG" \
    --margin 0 --padding "$PADDING" --font.size "$FONT_SIZE" --line-height "$LINE_HEIGHT" \
    --width "$width" --height "$height" <"$work/$name.flat" >/dev/null
  "$work/bin/screenshots" shrink "$file"
  echo "   $file: $(wc -c <"$file") bytes"
}

echo "== wizard, English: step 5 with an address given, the sign-in question answered and the code timer started"
start en 100 30 'exec auvenir-onboard --lang en'
wait_for en "Before you begin"
keys en Right
wait_for en "Email address"
# The field has the keys on arrival: the letters are the address; Enter keeps it and goes on to
# step 1.
type_text en jane@firm.ca
keys en Enter
wait_for en "Step 1 of 9"
wait_for en "In the inbox of jane@firm.ca"
keys en Right
wait_for en "Step 2 of 9"
# Step 2 asks whether the address is already a Microsoft account; "No" (answer 3) is the path
# of the emailed code that steps 3 to 5 then show.
keys en m
wait_for en "3. No"
keys en 3
wait_for en "Your answer: No"
keys en Right
wait_for en "Step 3 of 9"
keys en s
wait_for en "The code works for"
keys en Right Right
wait_for en "Step 5 of 9"
wait_for en "to jane@firm.ca"
wait_for en "works for 29:" # the countdown has visibly started
wait_full_width en 100
shot en 100 30 "$OUT/wizard-en.png"

echo "== wizard, French (language from LANG): « Avant de commencer »"
start fr 100 30 'exec auvenir-onboard' LANG=fr_CA.UTF-8
wait_for fr "Avant de commencer"
wait_for fr "suite plus bas"
wait_full_width fr 100
shot fr 100 30 "$OUT/wizard-fr.png"

if [ "$(uname -s)" != Linux ]; then
  echo "== network check: skipped (needs Linux); $OUT/check-network.png is left as it is"
  exit 0
fi
echo "== network check against loopback servers"
lab="$work/lab"
mkdir -p "$lab/no-system-roots"
"$work/bin/screenshots" serve "$lab" &
lab_pid=$!
for _ in $(seq 100); do
  [ -e "$lab/ready" ] && break
  kill -0 "$lab_pid" 2>/dev/null || die "tools/screenshots serve stopped"
  sleep 0.1
done
[ -e "$lab/ready" ] || die "the loopback servers did not start"
# The pane shows the command as typed at a prompt, its output, and the next prompt.
# The default time limit (5 s) applies: the address that drops packets takes that long.
cmd='auvenir-onboard --check-network --endpoints lab.toml --ca-file lab-ca.pem --proxy none'
start net 100 32 "cd '$lab' || exit 1
printf '\$ %s\n' '$cmd'
$cmd
echo \$? > status
printf '\$ '
exec sleep 600" LANG=en_CA.UTF-8 SSL_CERT_FILE="$lab/inspection-ca.pem" SSL_CERT_DIR="$lab/no-system-roots"
for _ in $(seq 200); do
  [ -s "$lab/status" ] && break
  sleep 0.1
done
[ -s "$lab/status" ] || die "--check-network did not finish within 20 s"
[ "$(cat "$lab/status")" = 1 ] || die "--check-network exited $(cat "$lab/status"), want 1 (some addresses fail)"
for result in reachable refused "server error 503" "TLS inspection" "no answer" "certificate for another name" "Checked in"; do
  wait_for net "$result"
done
shot net 100 32 "$OUT/check-network.png"
